from django.db import models


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


class DiffStatus(models.TextChoices):
    """How a cluster found by a run compares with the registry."""

    NEW = "new", "New: not in the registry"
    MATCHED = "matched", "Matched: in the registry with the same figures"
    CHANGED = "changed", "Changed: in the registry with different figures or places"
    GONE = "gone", "No longer found: in the registry from an earlier run, not found now"


class Decision(models.TextChoices):
    PENDING = "pending", "Awaiting review"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


# Engine typology -> registry typology (the seed's seven subtypes).
TYPOLOGY = {
    "industrial": "traditional_sme",
    "handloom": "handloom",
    "handicraft": "handicraft",
    "micro": "tiny_ssi",
    "services": "services",
}
