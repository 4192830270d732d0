"""Saved planning scenarios: a name, an owner and the inputs as JSON.

The seed's scenario is not a row: it is built from the model's data file every time
(:func:`clusterdev.planning.model.seed_scenario`) under the reserved slug ``seed``, so
neither the pages nor the API can change it (docs/decisions/0202-seed-scenario-is-not-a-row.md).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.text import slugify

from clusterdev.core import roles
from clusterdev.core.models import DomainModel
from clusterdev.planning.model import PlanResult, Scenario, compute, seed_scenario

SEED_SLUG = "seed"
RESERVED_SLUGS = {SEED_SLUG, "new", "compare", "grants", "export", "save"}


class SavedScenario(DomainModel):
    """A user's planning scenario, stored as ``Scenario.to_mapping()``."""

    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=100)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="planning_scenarios"
    )
    description = models.TextField(blank=True)
    inputs = models.JSONField(help_text="The scenario's inputs, as Scenario.to_mapping().")

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="planning_unique_name_per_owner")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("planning:scenario", args=[self.slug])

    def scenario(self) -> Scenario:
        return Scenario.from_mapping({**self.inputs, "name": self.slug})

    def result(self) -> PlanResult:
        return compute(self.scenario())

    def may_change(self, user: Any) -> bool:
        """Only the owner or an admin changes or deletes a saved scenario."""
        return bool(user and user.is_authenticated) and (
            user.pk == self.owner_id or roles.is_admin(user)
        )

    @staticmethod
    def free_slug(name: str, exclude_pk: int | None = None) -> str:
        """A unique slug from the name (never one of the reserved slugs such as ``seed``)."""
        base = (slugify(name) or "scenario")[:100]
        if base in RESERVED_SLUGS:
            base = f"{base}-copy"
        taken: QuerySet[SavedScenario] = SavedScenario.objects.all()
        if exclude_pk is not None:
            taken = taken.exclude(pk=exclude_pk)
        slug, number = base, 1
        while taken.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug


def seed_result() -> PlanResult:
    return compute(seed_scenario())
