"""Registers this app's models with auditlog: every write is recorded."""

from auditlog.registry import auditlog

from clusterdev.actionplans import models

EXCLUDE = ["last_updated", "created"]
auditlog.register(models.ActionPlan, exclude_fields=EXCLUDE)
auditlog.register(models.PlanReview, exclude_fields=EXCLUDE)
auditlog.register(models.Activity, exclude_fields=EXCLUDE, m2m_fields={"constraints"})
auditlog.register(models.ActivityProgress, exclude_fields=EXCLUDE)
auditlog.register(models.CommonFacility, exclude_fields=EXCLUDE)
auditlog.register(models.SPV, exclude_fields=EXCLUDE)
auditlog.register(models.EnterpriseNetwork, exclude_fields=EXCLUDE)
