"""Registers saved scenarios with auditlog: every write is recorded with before/after."""

from auditlog.registry import auditlog

from clusterdev.planning import models

auditlog.register(models.SavedScenario, exclude_fields=["last_updated", "created"])
