"""Cluster development initiatives: an institution's work in one cluster, step by step."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext as _

from clusterdev.core.models import DomainModel
from clusterdev.initiatives import choices, dates, gates

SCORE = [MinValueValidator(0), MaxValueValidator(10)]


# Explicit limits keep the API schema the same on SQLite and PostgreSQL.
STEP_RANGE = [MinValueValidator(1), MaxValueValidator(6)]


class InitiativeRecord:
    """Mixin for rows that belong to an initiative: their change records carry its id.

    The initiative page's history then lists changes to all its records, deleted ones too.
    ``initiative_path`` names the attribute chain that leads to the initiative's id.
    """

    initiative_path = "initiative_id"

    def get_additional_data(self) -> dict:
        value = self
        for part in self.initiative_path.split("."):
            value = getattr(value, part)
        return {"initiative_id": value}


class InstitutionMembership(DomainModel):
    """A user who is staff of an institution: manages its initiatives."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="institution_memberships"
    )
    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=[("staff", "Staff")], default="staff")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "institution"], name="one_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.institution}"


class Initiative(DomainModel):
    institution = models.ForeignKey(
        "institutions.Institution", on_delete=models.PROTECT, related_name="initiatives"
    )
    cluster = models.ForeignKey(
        "registry.Cluster", on_delete=models.PROTECT, related_name="initiatives"
    )
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True, help_text="Public summary, shown when published")
    start_date = models.DateField(null=True, blank=True)
    planned_end_date = models.DateField(null=True, blank=True)
    actual_end_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=choices.Status.choices, default=choices.Status.PROPOSED
    )
    step = models.PositiveSmallIntegerField(
        choices=choices.Step.choices, default=1, validators=STEP_RANGE
    )
    cdas = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="initiatives_as_cda"
    )
    ta = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatives_as_ta",
    )
    objectives = models.JSONField(default=list, blank=True)
    approach = models.CharField(max_length=20, choices=choices.Approach.choices, blank=True)
    published = models.BooleanField(default=False)

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        for field in ("planned_end_date", "actual_end_date"):
            end = getattr(self, field)
            if end and self.start_date and end < self.start_date:
                errors[field] = "The end date cannot be before the start date."
        bad = [o for o in self.objectives or [] if o not in choices.Objective.values]
        if bad:
            errors["objectives"] = f"Unknown objectives: {', '.join(map(str, bad))}."
        for field, message in gates.status_problems(
            self.status, self.step or 1, self.actual_end_date
        ).items():
            errors.setdefault(field, message)
        if errors:
            raise ValidationError(errors)

    def get_additional_data(self) -> dict:
        return {"initiative_id": self.pk}

    def objective_labels(self) -> list[str]:
        labels = dict(choices.Objective.choices)
        return [str(labels.get(value, value)) for value in self.objectives or []]

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("initiatives:detail", args=[self.pk])

    def advance_refusal(self) -> dict | None:
        statuses = dict(self.records.values_list("step", "status"))
        return gates.advance_refusal(self.step, statuses)


class StepRecord(InitiativeRecord, DomainModel):
    """The record of one step (generic: a summary and free sections)."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="records")
    step = models.PositiveSmallIntegerField(choices=choices.Step.choices, validators=STEP_RANGE)
    summary = models.TextField(blank=True)
    sections = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=20, choices=choices.RecordStatus.choices, default=choices.RecordStatus.DRAFT
    )

    class Meta:
        ordering = ["initiative", "step"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "step"], name="one_record_per_step")
        ]

    def __str__(self) -> str:
        return f"{self.initiative} — step {self.step}"


class StepReview(InitiativeRecord, DomainModel):
    """Who approved or returned a step record, when and why."""

    initiative_path = "record.initiative_id"

    record = models.ForeignKey(StepRecord, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    decision = models.CharField(max_length=20, choices=choices.Decision.choices)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.decision} by {self.reviewer}"


class SelectionScore(InitiativeRecord, DomainModel):
    """Step 1: a candidate cluster scored 0–10 on the four selection criteria."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="selection_scores"
    )
    cluster = models.ForeignKey("registry.Cluster", on_delete=models.PROTECT, related_name="+")
    socio_economic_importance = models.DecimalField(
        max_digits=4, decimal_places=2, validators=SCORE
    )
    promotability = models.DecimalField(max_digits=4, decimal_places=2, validators=SCORE)
    viability = models.DecimalField(max_digits=4, decimal_places=2, validators=SCORE)
    sustainability = models.DecimalField(max_digits=4, decimal_places=2, validators=SCORE)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["initiative", "cluster"], name="one_score_per_cluster")
        ]

    def __str__(self) -> str:
        return f"{self.cluster} for {self.initiative}"


class TrustEvent(InitiativeRecord, DomainModel):
    """Step 3: a trust-building event."""

    KINDS = [
        ("seminar", "Seminar"),
        ("workshop", "Workshop"),
        ("study_tour", "Study tour"),
        ("trade_fair", "Trade fair"),
        ("exposure_visit", "Exposure visit"),
        ("joint_action", "Joint action"),
    ]
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=KINDS)
    date = models.DateField()
    participants = models.JSONField(
        default=list,
        blank=True,
        help_text='Rows like {"actor_type": "firm", "women": 3, "men": 5}; private',
    )
    outcomes = models.TextField(blank=True)

    class Meta:
        ordering = ["date", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.date}"

    def clean(self) -> None:
        initiative = self.initiative if self.initiative_id else None
        problems = dates.date_problems(initiative, {"date": (_("Date"), self.date)})
        if problems:
            raise ValidationError(problems)

    def totals(self) -> dict[str, int]:
        """Participants summed over actor types: women, men, all."""
        women = sum(int(row.get("women") or 0) for row in self.participants or [])
        men = sum(int(row.get("men") or 0) for row in self.participants or [])
        return {"women": women, "men": men, "all": women + men}
