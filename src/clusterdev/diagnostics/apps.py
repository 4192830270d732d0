from django.apps import AppConfig


class DiagnosticsConfig(AppConfig):
    name = "clusterdev.diagnostics"
    label = "diagnostics"
    verbose_name = "Diagnostic studies and cluster actor maps (step 2)"

    def ready(self) -> None:
        from clusterdev.diagnostics import changelog  # noqa: F401 - registers with auditlog
