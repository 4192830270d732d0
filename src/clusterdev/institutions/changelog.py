"""Registers the institutions' models with auditlog: every write is recorded with before/after."""

from auditlog.registry import auditlog

from clusterdev.institutions import models

auditlog.register(
    models.Institution,
    m2m_fields={"roles", "clusters"},
    exclude_fields=["last_updated", "created"],
)
auditlog.register(models.StatusTable, exclude_fields=["last_updated", "created"])
auditlog.register(models.StatusRow, exclude_fields=["last_updated", "created"])
auditlog.register(models.TimelineEntry, exclude_fields=["last_updated", "created"])
