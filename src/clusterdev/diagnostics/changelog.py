"""Registers this app's models with auditlog: every write is recorded with before/after."""

from auditlog.registry import auditlog

from clusterdev.diagnostics import models

EXCLUDE = ["last_updated", "created"]
for model in (
    models.Constraint,
    models.DiagnosticStudy,
    models.Document,
    models.Actor,
    models.Tie,
):
    auditlog.register(model, exclude_fields=EXCLUDE)
