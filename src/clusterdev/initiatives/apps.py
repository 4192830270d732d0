from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "clusterdev.initiatives"
    label = "initiatives"
    verbose_name = "Cluster development initiatives"

    def ready(self) -> None:
        from clusterdev.initiatives import changelog  # noqa: F401 - registers with auditlog
