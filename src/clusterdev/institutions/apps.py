from django.apps import AppConfig


class InstitutionsConfig(AppConfig):
    name = "clusterdev.institutions"
    label = "institutions"
    verbose_name = "Institutions"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from clusterdev.core.cache import bump_data_version
        from clusterdev.institutions import changelog  # noqa: F401 - registers with auditlog

        for model in self.get_models():
            post_save.connect(bump_data_version, sender=model, dispatch_uid=f"bump-save-{model}")
            post_delete.connect(bump_data_version, sender=model, dispatch_uid=f"bump-del-{model}")
        institution = self.get_model("Institution")
        for through in (institution.roles.through, institution.clusters.through):
            m2m_changed.connect(
                bump_data_version, sender=through, dispatch_uid=f"bump-m2m-{through}"
            )
