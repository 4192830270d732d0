from django.apps import AppConfig


class PlanningConfig(AppConfig):
    name = "clusterdev.planning"
    label = "planning"
    verbose_name = "Resource planning"

    def ready(self) -> None:
        from clusterdev.planning import changelog  # noqa: F401 - registers models with auditlog
