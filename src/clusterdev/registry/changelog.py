"""Registers registry models with auditlog: every write is recorded with before/after."""

from auditlog.registry import auditlog

from clusterdev.registry import models

auditlog.register(
    models.Cluster,
    m2m_fields={"districts", "nic_codes"},
    exclude_fields=["search_text", "last_updated", "created"],
)
auditlog.register(models.Estimate, exclude_fields=["last_updated", "created"])
auditlog.register(models.Source, exclude_fields=["last_updated", "created"])
auditlog.register(models.NationalFigure, exclude_fields=["last_updated", "created"])
auditlog.register(models.Breakdown, exclude_fields=["last_updated", "created"])
auditlog.register(models.BreakdownItem, exclude_fields=["last_updated", "created"])
