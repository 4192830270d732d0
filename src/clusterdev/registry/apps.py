from django.apps import AppConfig


class RegistryConfig(AppConfig):
    name = "clusterdev.registry"
    label = "registry"
    verbose_name = "Cluster registry"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from clusterdev.core.cache import bump_data_version
        from clusterdev.registry import changelog  # noqa: F401 - registers models with auditlog

        for model in self.get_models():
            post_save.connect(bump_data_version, sender=model, dispatch_uid=f"bump-save-{model}")
            post_delete.connect(bump_data_version, sender=model, dispatch_uid=f"bump-del-{model}")
        for through in (
            self.get_model("Cluster").districts.through,
            self.get_model("Cluster").nic_codes.through,
        ):
            m2m_changed.connect(
                bump_data_version, sender=through, dispatch_uid=f"bump-m2m-{through}"
            )
