"""Diagnostic studies and cluster actor maps (step 2)."""

from __future__ import annotations

from django.db import models

from clusterdev.core.models import DomainModel
from clusterdev.diagnostics import choices


class Constraint(DomainModel):
    """A constraint the diagnostic study found; action plan activities are linked to these."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="constraints"
    )
    area = models.CharField(max_length=20, choices=choices.ConstraintArea.choices)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["initiative", "area", "title", "pk"]

    def __str__(self) -> str:
        return self.title
