from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "clusterdev.monitoring"
    label = "monitoring"
    verbose_name = "Monitoring and evaluation (step 6)"

    def ready(self) -> None:
        from clusterdev.monitoring import changelog  # noqa: F401 - registers with auditlog
