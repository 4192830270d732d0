from django.apps import AppConfig


class ActionplansConfig(AppConfig):
    name = "clusterdev.actionplans"
    label = "actionplans"
    verbose_name = "Action plans and implementation (steps 4 and 5)"

    def ready(self) -> None:
        from clusterdev.actionplans import changelog  # noqa: F401 - registers with auditlog
