from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "clusterdev.initiatives"
    label = "initiatives"
    verbose_name = "Cluster development initiatives"

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from clusterdev.core.cache import bump_data_version
        from clusterdev.initiatives import changelog  # noqa: F401 - registers with auditlog
        from clusterdev.initiatives.models import Initiative

        # Cluster pages (cached for visitors) list their published initiatives.
        post_save.connect(bump_data_version, sender=Initiative, dispatch_uid="bump-initiative")
        post_delete.connect(bump_data_version, sender=Initiative, dispatch_uid="bump-init-del")
        m2m_changed.connect(
            bump_data_version, sender=Initiative.cdas.through, dispatch_uid="bump-init-cdas"
        )
