"""Institutions that take up cluster development, and the seed's tables about them.

An institution is what a later ``Initiative`` model will point at (with a registry cluster):
``Institution`` has a stable ``slug`` and knows the registry clusters it worked in.
Figures keep the text the source printed beside the numbers read from it, and every row
names its source (a ``registry.Source``) and section.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.deconstruct import deconstructible

from clusterdev.core.models import DomainModel
from clusterdev.geography.models import State
from clusterdev.institutions.choices import (
    Category,
    Channel,
    ClusterType,
    Leverage,
    RoleKind,
    ThrustArea,
)
from clusterdev.registry.models import COUNT_LIMIT, Cluster, Source

# "12+ (3)", "8? + (5)", "60", "0 + (314)": completed, then optionally "+ (in progress)".
COUNTS_PATTERN = re.compile(r"^\s*(\d+)\s*(\?)?\s*(?:\+\s*\(\s*(\d+)\s*(\?)?\s*\))?\s*$")


def parse_counts(text: str) -> tuple[int, int | None, bool]:
    """(completed, in progress or None when not written, uncertain) from the table's text.

    A question mark after either number marks the pair uncertain. Raises ValueError when the
    text does not have the table's shape.
    """
    match = COUNTS_PATTERN.match(text or "")
    if not match:
        raise ValueError(f"{text!r} is not written as 'completed + (in progress)'")
    completed, mark1, in_progress, mark2 = match.groups()
    return (
        int(completed),
        int(in_progress) if in_progress is not None else None,
        bool(mark1 or mark2),
    )


@deconstructible
class ChoiceListValidator:
    """A JSON list whose items are all codes of the given choices."""

    def __init__(self, allowed: list[str]) -> None:
        self.allowed = list(allowed)

    def __call__(self, value: Any) -> None:
        if not isinstance(value, list) or any(v not in self.allowed for v in value):
            raise ValidationError(f"Give a list of: {', '.join(self.allowed)}.")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ChoiceListValidator) and other.allowed == self.allowed


class Role(models.Model):
    """A role an institution plays (policy, funding …) or the focus of its improvement work."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=100)
    kind = models.CharField(max_length=10, choices=RoleKind.choices)
    abbreviation = models.CharField(max_length=20, blank=True, help_text="As the seed writes it")
    order = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(32767)])

    class Meta:
        ordering = ["kind", "order", "name"]

    def __str__(self) -> str:
        return self.name


class Institution(DomainModel):
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=60)
    slug = models.SlugField(max_length=80, unique=True)
    category = models.CharField(max_length=30, choices=Category.choices)
    state = models.ForeignKey(
        State,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="institutions",
        help_text="For state institutions: the state they work in.",
    )
    years_of_experience = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text="Years in cluster development at the date below.",
    )
    experience_as_of = models.DateField(null=True, blank=True)
    roles = models.ManyToManyField(
        Role, blank=True, related_name="institutions", help_text="Primary roles and focus areas"
    )
    likely_future_role = models.CharField(max_length=200, blank=True)
    cluster_types = models.JSONField(
        default=list, blank=True, validators=[ChoiceListValidator(ClusterType.values)]
    )
    implementation_channel = models.CharField(
        max_length=20, choices=Channel.choices, blank=True, default=""
    )
    private_leverage_over_20 = models.CharField(
        max_length=4,
        choices=Leverage.choices,
        blank=True,
        default="",
        help_text="More than 20 % of funds leveraged from private sources",
    )
    public_leverage_over_20 = models.CharField(
        max_length=4,
        choices=Leverage.choices,
        blank=True,
        default="",
        help_text="More than 20 % of funds leveraged from public sources",
    )
    thrust_areas = models.JSONField(
        default=list, blank=True, validators=[ChoiceListValidator(ThrustArea.values)]
    )
    social_capital_thrust = models.BooleanField(
        null=True, blank=True, help_text="Yes, or unknown: the source never says no"
    )
    analysis_label = models.CharField(
        max_length=60, blank=True, help_text="Its row label in the section 2.4 analysis table"
    )
    objective = models.TextField(blank=True, help_text="Its stated objective, in our words")
    description = models.TextField(blank=True)
    clusters = models.ManyToManyField(Cluster, blank=True, related_name="institutions")
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="institutions"
    )
    source_section = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["short_name"]

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("institutions:institution", args=[self.slug])

    def get_cluster_types_display(self) -> list[str]:
        labels = dict(ClusterType.choices)
        return [labels.get(code, code) for code in self.cluster_types]

    def get_thrust_areas_display(self) -> list[str]:
        labels = dict(ThrustArea.choices)
        return [labels.get(code, code) for code in self.thrust_areas]


class StatusTable(DomainModel):
    """A table of clusters taken up per institution, with the totals its source states."""

    key = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    as_of = models.DateField(null=True, blank=True)
    stated_total_as_written = models.CharField(max_length=100, blank=True)
    stated_total = models.PositiveIntegerField(null=True, blank=True, validators=[COUNT_LIMIT])
    stated_completed = models.PositiveIntegerField(null=True, blank=True, validators=[COUNT_LIMIT])
    stated_in_progress = models.PositiveIntegerField(
        null=True, blank=True, validators=[COUNT_LIMIT]
    )
    notes = models.TextField(blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="status_tables")
    source_section = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-as_of", "title"]

    def __str__(self) -> str:
        return self.title

    def totals(self) -> dict[str, Any]:
        """Sums of the rows beside the stated totals; differences are stated minus computed."""
        rows = list(self.rows.all())
        completed = sum(r.completed or 0 for r in rows)
        in_progress = sum(r.in_progress or 0 for r in rows)
        computed = {
            "completed": completed,
            "in_progress": in_progress,
            "total": completed + in_progress,
        }
        stated = {
            "completed": self.stated_completed,
            "in_progress": self.stated_in_progress,
            "total": self.stated_total,
        }
        difference = {
            key: (stated[key] - computed[key]) if stated[key] is not None else None
            for key in computed
        }
        return {
            "rows": len(rows),
            "uncertain_rows": sum(1 for r in rows if r.uncertain),
            "computed": computed,
            "stated": stated,
            "difference": difference,
            "differs": any(d for d in difference.values()),
        }


class StatusRow(DomainModel):
    """One institution's row of a status table, kept as written beside the parsed counts."""

    table = models.ForeignKey(StatusTable, on_delete=models.CASCADE, related_name="rows")
    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="status_rows"
    )
    order = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(32767)])
    name_as_written = models.CharField(max_length=100)
    group_as_written = models.CharField(max_length=100, blank=True)
    experience_as_written = models.CharField(max_length=20, blank=True)
    roles_as_written = models.CharField(max_length=100, blank=True)
    future_role_as_written = models.CharField(max_length=200, blank=True)
    cluster_types_as_written = models.CharField(max_length=100, blank=True)
    counts_as_written = models.CharField(max_length=40)
    completed = models.PositiveIntegerField(validators=[COUNT_LIMIT])
    in_progress = models.PositiveIntegerField(
        null=True, blank=True, validators=[COUNT_LIMIT], help_text="Empty when not written"
    )
    uncertain = models.BooleanField(
        default=False, help_text="The source marks a count with a question mark"
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="status_rows")
    source_section = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["table", "order"]
        constraints = [
            models.UniqueConstraint(fields=["table", "institution"], name="uniq_status_row")
        ]

    def __str__(self) -> str:
        return f"{self.table}: {self.name_as_written}"

    def get_additional_data(self) -> dict[str, Any]:
        return {"institution_id": self.institution_id}

    def clean(self) -> None:
        try:
            completed, in_progress, uncertain = parse_counts(self.counts_as_written)
        except ValueError as error:
            raise ValidationError({"counts_as_written": str(error)}) from None
        if (self.completed, self.in_progress, self.uncertain) != (
            completed,
            in_progress,
            uncertain,
        ):
            raise ValidationError(
                {"counts_as_written": "The counts do not match the text as written."}
            )


class TimelineEntry(DomainModel):
    """An institution in a year of the seed's section 2.3 charts."""

    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1950), MaxValueValidator(2100)]
    )
    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="timeline")
    listed = models.BooleanField(
        default=False, help_text="Named among the institutions at work that year"
    )
    cumulative_clusters = models.PositiveIntegerField(
        null=True, blank=True, validators=[COUNT_LIMIT]
    )
    as_written = models.CharField(max_length=60, blank=True)
    notes = models.TextField(blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="timeline_entries")
    source_section = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["year", "institution__short_name"]
        verbose_name_plural = "timeline entries"
        constraints = [
            models.UniqueConstraint(fields=["year", "institution"], name="uniq_timeline_entry")
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.institution}"

    def get_additional_data(self) -> dict[str, Any]:
        return {"institution_id": self.institution_id}
