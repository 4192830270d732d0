"""Registers this app's models with auditlog: every write is recorded."""

from auditlog.registry import auditlog

from clusterdev.monitoring import models

EXCLUDE = ["last_updated", "created"]
auditlog.register(
    models.MonitoringPlan, m2m_fields={"elements", "indicators"}, exclude_fields=EXCLUDE
)
for model in (
    models.DataElement,
    models.Indicator,
    models.Period,
    models.PeriodDecision,
    models.Value,
    models.SustainabilityCheck,
):
    auditlog.register(model, exclude_fields=EXCLUDE)
