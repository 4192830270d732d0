from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "clusterdev.core"
    label = "core"
    verbose_name = "ClusterDev core"

    def ready(self) -> None:
        from clusterdev.core import roles

        roles.connect_signals()
