from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "clusterdev.registry"
    label = "registry"
    verbose_name = "Cluster registry"

    def ready(self) -> None:
        from clusterdev.registry import changelog  # noqa: F401 - registers models with auditlog
