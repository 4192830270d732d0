"""Mapping runs started from the web, and the clusters each found, awaiting a curator."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse

from clusterdev.core.models import DomainModel
from clusterdev.mapping.choices import Decision, DiffStatus, RunStatus
from clusterdev.registry.models import Cluster


class MappingRun(DomainModel):
    """One run of the engine over an uploaded (or bundled) register."""

    title = models.CharField(max_length=200)
    register = models.CharField(max_length=500, help_text="Path of the register file")
    rules = models.CharField(max_length=100, default="fmc-observatory")
    product_level = models.PositiveSmallIntegerField(default=4)
    engine = models.CharField(max_length=10, default="duckdb")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    stage = models.CharField(max_length=40, blank=True)
    progress = models.JSONField(default=dict, blank=True, help_text="{stage: [done, total]}")
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    out_dir = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("mapping:run", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status in (RunStatus.QUEUED, RunStatus.RUNNING)

    def counts(self) -> dict[str, int]:
        rows = self.candidates.values_list("diff_status").annotate(n=models.Count("pk"))
        return dict(rows)


class Candidate(DomainModel):
    """A cluster a run found (or a registry cluster it no longer finds), with its diff."""

    run = models.ForeignKey(MappingRun, on_delete=models.CASCADE, related_name="candidates")
    engine_id = models.CharField(max_length=80, help_text="The engine's deterministic cluster id")
    method = models.CharField(max_length=20)
    rule_set = models.CharField(max_length=100)
    rules_met = models.CharField(max_length=300, blank=True)
    product_code = models.CharField(max_length=5, blank=True)
    product_name = models.CharField(max_length=400, blank=True)
    typology = models.CharField(max_length=20, blank=True)
    state = models.CharField(max_length=400, blank=True)
    district = models.CharField(max_length=1000, blank=True)
    district_codes = models.JSONField(default=list, blank=True)
    units = models.PositiveIntegerField(null=True, blank=True)
    employment = models.PositiveIntegerField(null=True, blank=True)
    turnover_inr = models.FloatField(null=True, blank=True)
    location_quotient = models.FloatField(null=True, blank=True)
    stars = models.PositiveSmallIntegerField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    area_km2 = models.FloatField(null=True, blank=True)
    outline = models.JSONField(null=True, blank=True)
    diff_status = models.CharField(max_length=10, choices=DiffStatus.choices)
    registry_cluster = models.ForeignKey(
        Cluster, on_delete=models.SET_NULL, null=True, blank=True, related_name="mapping_candidates"
    )
    changes = models.JSONField(default=dict, blank=True, help_text="{field: [registry, run]}")
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["diff_status", "-units", "engine_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["run", "engine_id", "diff_status"], name="uniq_candidate"
            )
        ]

    def __str__(self) -> str:
        return f"{self.product_name} in {self.district} ({self.method})"

    def get_additional_data(self) -> dict[str, Any]:
        return {"run_id": self.run_id}
