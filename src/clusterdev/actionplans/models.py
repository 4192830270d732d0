"""Action plans and implementation (steps 4 and 5).

An initiative's action plan is kept in versions (1, 2, …); each version holds its activities,
which carry a stable ``code`` so that two versions can be compared. Approved versions are
read-only. Implementation records (progress, SPVs, networks, common facilities) belong to the
initiative; progress is recorded against activities of the approved plan.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from clusterdev.actionplans import choices
from clusterdev.core.models import DomainModel
from clusterdev.initiatives.models import InitiativeRecord

MONEY = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}
PERCENT = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))]


class ActionPlan(InitiativeRecord, DomainModel):
    """One version of an initiative's action plan (step 4)."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="action_plans"
    )
    version = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(999)]
    )
    status = models.CharField(
        max_length=20, choices=choices.PlanStatus.choices, default=choices.PlanStatus.DRAFT
    )
    note = models.TextField(blank=True, help_text="What this version changes, and why")

    class Meta:
        ordering = ["initiative", "version"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "version"], name="one_plan_version"),
            models.UniqueConstraint(
                fields=["initiative"],
                condition=Q(status__in=["draft", "submitted"]),
                name="one_open_plan_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.initiative} — action plan v{self.version}"

    @property
    def locked(self) -> bool:
        return self.status in choices.LOCKED

    def approval(self):
        """The review that approved this version (who and when), or None."""
        for review in self.reviews.all():
            if review.decision == choices.Decision.APPROVED:
                return review
        return None


class PlanReview(InitiativeRecord, DomainModel):
    """Who approved or returned a plan version, when and why."""

    initiative_path = "plan.initiative_id"

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(max_length=20, choices=choices.Decision.choices)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} by {self.reviewer}"


class Activity(InitiativeRecord, DomainModel):
    """An activity of one plan version: budget, schedule, who is responsible, who pays."""

    initiative_path = "plan.initiative_id"

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="activities")
    code = models.CharField(
        max_length=20, help_text="Stable across versions (A1, A2, …): versions compare by it"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    constraints = models.ManyToManyField(
        "diagnostics.Constraint", blank=True, related_name="activities"
    )
    budget_inr = models.DecimalField(**MONEY, help_text="Budget in rupees")
    start_date = models.DateField()
    end_date = models.DateField()
    responsible = models.CharField(max_length=200, help_text="The responsible party")
    share_private = models.DecimalField(
        max_digits=5, decimal_places=2, default=Decimal(0), validators=PERCENT
    )
    share_institution = models.DecimalField(
        max_digits=5, decimal_places=2, default=Decimal(0), validators=PERCENT
    )
    share_scheme = models.DecimalField(
        max_digits=5, decimal_places=2, default=Decimal(0), validators=PERCENT
    )
    share_state = models.DecimalField(
        max_digits=5, decimal_places=2, default=Decimal(0), validators=PERCENT
    )
    scheme_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["plan", "start_date", "code", "pk"]
        verbose_name_plural = "activities"
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="one_activity_code_per_plan")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def amount(self, share_field: str) -> Decimal:
        return (self.budget_inr * getattr(self, share_field) / 100).quantize(Decimal("0.01"))


class ActivityProgress(InitiativeRecord, DomainModel):
    """Step 5: how far an activity is, and what it has cost so far (cumulative), at a date."""

    initiative_path = "activity.plan.initiative_id"

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="progress")
    date = models.DateField()
    percent_complete = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    spent_inr = models.DecimalField(
        **MONEY, help_text="Spent on the activity from its start up to this date (cumulative)"
    )
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["activity", "date", "pk"]
        verbose_name_plural = "activity progress"

    def __str__(self) -> str:
        return f"{self.activity.code} on {self.date}: {self.percent_complete} %"


class CommonFacility(InitiativeRecord, DomainModel):
    """Step 5: a common facility centre (CFC)."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="common_facilities"
    )
    name = models.CharField(max_length=200)
    services = models.TextField(blank=True, help_text="What the facility offers its users")
    cost_inr = models.DecimalField(**MONEY)
    grant_inr = models.DecimalField(**MONEY, default=Decimal(0))
    status = models.CharField(
        max_length=20,
        choices=choices.FacilityStatus.choices,
        default=choices.FacilityStatus.PLANNED,
    )
    opened_on = models.DateField(null=True, blank=True)
    users_per_month = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(10_000_000)]
    )

    class Meta:
        ordering = ["initiative", "name", "pk"]
        verbose_name_plural = "common facilities"

    def __str__(self) -> str:
        return self.name


class SPV(InitiativeRecord, DomainModel):
    """Step 5: a special purpose vehicle formed by cluster actors (often to own a CFC)."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="spvs"
    )
    name = models.CharField(max_length=200)
    legal_form = models.CharField(max_length=20, choices=choices.LegalForm.choices)
    registered_on = models.DateField(null=True, blank=True)
    members = models.PositiveIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(1_000_000)],
        help_text="Number of members (enterprises or persons)",
    )
    equity_notes = models.TextField(blank=True)
    facility = models.ForeignKey(
        CommonFacility, on_delete=models.SET_NULL, null=True, blank=True, related_name="spvs"
    )

    class Meta:
        ordering = ["initiative", "name", "pk"]
        verbose_name = "SPV"
        verbose_name_plural = "SPVs"

    def __str__(self) -> str:
        return self.name


NETWORK_MEMBERS = [
    MinValueValidator(
        choices.NETWORK_MIN_MEMBERS,
        message="An enterprise network has 3 to 20 member enterprises; this is too few.",
    ),
    MaxValueValidator(
        choices.NETWORK_MAX_MEMBERS,
        message="An enterprise network has 3 to 20 member enterprises; this is too many.",
    ),
]


class EnterpriseNetwork(InitiativeRecord, DomainModel):
    """Step 5: a network of 3–20 enterprises doing business jointly."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="enterprise_networks"
    )
    name = models.CharField(max_length=200)
    purpose = models.CharField(max_length=20, choices=choices.NetworkPurpose.choices)
    members = models.PositiveSmallIntegerField(validators=NETWORK_MEMBERS)
    formed_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["initiative", "name", "pk"]

    def __str__(self) -> str:
        return self.name
