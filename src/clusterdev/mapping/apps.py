from django.apps import AppConfig


class MappingConfig(AppConfig):
    name = "clusterdev.mapping"
    label = "mapping"
    verbose_name = "Cluster mapping"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from clusterdev.mapping import changelog  # noqa: F401 - registers models with auditlog
