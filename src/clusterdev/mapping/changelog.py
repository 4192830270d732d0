from auditlog.registry import auditlog

from clusterdev.mapping import models

auditlog.register(models.MappingRun, include_fields=["title", "status", "rules", "register"])
auditlog.register(models.Candidate, include_fields=["decision", "registry_cluster"])
