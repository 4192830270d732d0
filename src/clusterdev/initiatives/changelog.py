"""Registers initiative models with auditlog: every write is recorded with before/after."""

from auditlog.registry import auditlog

from clusterdev.initiatives import models

EXCLUDE = ["last_updated", "created"]
auditlog.register(models.Initiative, m2m_fields={"cdas"}, exclude_fields=EXCLUDE)
for model in (
    models.InstitutionMembership,
    models.StepRecord,
    models.StepReview,
    models.SelectionScore,
    models.TrustEvent,
):
    auditlog.register(model, exclude_fields=EXCLUDE)
