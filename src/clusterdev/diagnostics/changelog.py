"""Registers this app's models with auditlog: every write is recorded with before/after."""

from auditlog.registry import auditlog

from clusterdev.diagnostics import models

EXCLUDE = ["last_updated", "created"]
auditlog.register(models.Constraint, exclude_fields=EXCLUDE)
