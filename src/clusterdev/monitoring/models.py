"""Monitoring and evaluation (step 6): a catalogue of data elements and indicators, and per
initiative its periods, entered values, period approvals and sustainability checks.

Indicators are formulas over data element codes, computed from entered values; they are
never typed in (see ``formula.py`` and ``compute.py``).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from clusterdev.core.models import DomainModel
from clusterdev.initiatives.dates import date_problems
from clusterdev.initiatives.models import InitiativeRecord
from clusterdev.monitoring import choices, formula

CODE = RegexValidator(
    r"^[a-z][a-z0-9_]{0,59}$",
    _lazy("Use lower-case letters, digits and underscores, starting with a letter (e.g. exports)."),
)
VALUE_LIMIT = Decimal("1e15")
INSTITUTIONS_LIMIT = [MinValueValidator(0), MaxValueValidator(10_000)]


class DataElement(DomainModel):
    """Something entered per initiative and period: turnover, employment of women, …"""

    code = models.CharField(max_length=60, unique=True, validators=[CODE])
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=60, blank=True)
    value_type = models.CharField(
        max_length=10, choices=choices.ValueType.choices, default=choices.ValueType.NUMBER
    )
    disaggregations = models.JSONField(
        default=list,
        blank=True,
        help_text='Dimensions values may be split by: any of "sex", "size", "social_category"',
    )
    description = models.TextField(blank=True)
    source = models.CharField(
        max_length=300, blank=True, help_text="Where the element comes from (document, section)"
    )

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def clean(self) -> None:
        dims = self.disaggregations
        if not isinstance(dims, list) or any(d not in choices.DIMENSIONS for d in dims):
            raise ValidationError(
                {"disaggregations": _("Choose among sex, size and social_category.")}
            )
        if len(set(dims)) != len(dims):
            raise ValidationError({"disaggregations": _("A dimension is listed twice.")})
        if self.code in formula.FUNCTIONS:
            raise ValidationError(
                {"code": _("%(code)s is the name of a formula function.") % {"code": self.code}}
            )
        old = DataElement.objects.filter(pk=self.pk).values_list("code", flat=True).first()
        if self.pk and old and old != self.code:
            readers = [i.code for i in Indicator.objects.all() if old in i.element_codes()]
            if readers or self.values.exists():
                raise ValidationError(
                    {"code": _("Values or indicator formulas use this code; it cannot be renamed.")}
                )


class Indicator(DomainModel):
    """A formula over data element codes, e.g. ``exports / turnover * 100``."""

    code = models.CharField(max_length=60, unique=True, validators=[CODE])
    name = models.CharField(max_length=200)
    unit = models.CharField(max_length=60, blank=True)
    formula = models.CharField(max_length=formula.MAX_LENGTH)
    description = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def parsed(self) -> formula.Formula:
        return formula.parse(self.formula)

    def element_codes(self) -> list[str]:
        try:
            return sorted(self.parsed().codes)
        except formula.FormulaError:
            return []

    def clean(self) -> None:
        try:
            parsed = formula.parse(self.formula)
            known = DataElement.objects.filter(code__in=parsed.codes).values_list("code", flat=True)
            formula.check(parsed, known)
        except formula.FormulaError as error:
            raise ValidationError({"formula": str(error)}) from None


class MonitoringPlan(InitiativeRecord, DomainModel):
    """The data elements and indicators an initiative chose to follow."""

    initiative = models.OneToOneField(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="monitoring_plan"
    )
    elements = models.ManyToManyField(DataElement, blank=True, related_name="+")
    indicators = models.ManyToManyField(Indicator, blank=True, related_name="+")

    class Meta:
        ordering = ["initiative", "pk"]

    def __str__(self) -> str:
        return f"Monitoring plan of {self.initiative}"


class Period(InitiativeRecord, DomainModel):
    """A reporting period of an initiative; approving it locks its values."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="monitoring_periods"
    )
    label = models.CharField(max_length=60)
    start = models.DateField()
    end = models.DateField()
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["initiative", "start", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "label"], name="one_period_label"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def locked(self) -> bool:
        return self.approved_at is not None

    def clean(self) -> None:
        problems = date_problems(
            self.initiative if self.initiative_id else None,
            {"start": (_("Start"), self.start), "end": (_("End"), self.end)},
            order=("start", "end"),
        )
        if problems:
            raise ValidationError(problems)
        if self.initiative_id and self.label:
            twin = Period.objects.filter(initiative_id=self.initiative_id, label=self.label)
            if twin.exclude(pk=self.pk).exists():
                raise ValidationError({"label": _("The initiative already has a period so named.")})
        if self.initiative_id and self.start and self.end:
            clash = (
                Period.objects.filter(
                    initiative_id=self.initiative_id, start__lte=self.end, end__gte=self.start
                )
                .exclude(pk=self.pk)
                .first()
            )
            if clash:
                raise ValidationError(
                    {
                        "start": _("The period overlaps %(label)s (%(start)s to %(end)s).")
                        % {"label": clash.label, "start": clash.start, "end": clash.end}
                    }
                )


class PeriodDecision(InitiativeRecord, DomainModel):
    """An approval or an unlock of a period: who, when (created) and why."""

    initiative_path = "period.initiative_id"

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="decisions")
    decision = models.CharField(max_length=10, choices=choices.Decision.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.period}: {self.decision} by {self.actor}"


class Value(InitiativeRecord, DomainModel):
    """One entered value of a data element: baseline, target, actual or life target,
    for a period (targets and actuals) or the whole initiative (baseline, life target),
    as a total (all dimensions blank) or for one disaggregation."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="monitoring_values"
    )
    element = models.ForeignKey(DataElement, on_delete=models.PROTECT, related_name="values")
    period = models.ForeignKey(
        Period, on_delete=models.CASCADE, null=True, blank=True, related_name="values"
    )
    kind = models.CharField(max_length=12, choices=choices.Kind.choices)
    sex = models.CharField(max_length=10, choices=choices.Sex.choices, blank=True)
    size = models.CharField(max_length=10, choices=choices.Size.choices, blank=True)
    social_category = models.CharField(
        max_length=10, choices=choices.SocialCategory.choices, blank=True
    )
    value = models.DecimalField(
        max_digits=20,
        decimal_places=4,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(VALUE_LIMIT)],
    )
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["initiative", "element__code", "kind", "period__start", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "initiative",
                    "element",
                    "period",
                    "kind",
                    "sex",
                    "size",
                    "social_category",
                ],
                condition=Q(period__isnull=False),
                name="one_value_per_period_cell",
            ),
            models.UniqueConstraint(
                fields=["initiative", "element", "kind", "sex", "size", "social_category"],
                condition=Q(period__isnull=True),
                name="one_value_per_initiative_cell",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.element.code} {self.kind} {self.period or '-'}: {self.value}"

    def disaggregation(self) -> tuple[str, str, str]:
        return (self.sex, self.size, self.social_category)

    def disaggregation_label(self) -> str:
        parts = [
            choices.DIMENSIONS[d](getattr(self, d)).label
            for d in choices.DIMENSIONS
            if getattr(self, d)
        ]
        return ", ".join(str(p) for p in parts) or _("Total")

    def clean(self) -> None:
        errors: dict[str, str] = {}
        in_period = self.kind in choices.PERIOD_KINDS
        kind_name = str(self.get_kind_display()).lower()
        if in_period and not self.period_id:
            errors["period"] = _("A %(kind)s needs a period.") % {"kind": kind_name}
        if not in_period and self.kind and self.period_id:
            errors["period"] = _(
                "A %(kind)s belongs to the whole initiative: leave the period empty."
            ) % {"kind": kind_name}
        if (
            self.period_id
            and self.initiative_id
            and self.period.initiative_id != self.initiative_id
        ):
            errors["period"] = _("The period belongs to another initiative.")
        element = self.element if self.element_id else None
        if element is not None:
            for dimension in choices.DIMENSIONS:
                if getattr(self, dimension) and dimension not in (element.disaggregations or []):
                    errors[dimension] = _("%(code)s is not disaggregated by %(dimension)s.") % {
                        "code": element.code,
                        "dimension": str(choices.DIMENSION_LABELS[dimension]).lower(),
                    }
            value = self.value
            if value is not None:
                if element.value_type == choices.ValueType.PERCENT and value > 100:
                    errors["value"] = _("A percentage cannot be over 100.")
                elif element.value_type == choices.ValueType.COUNT and value != int(value):
                    errors["value"] = _("A count is a whole number.")
                elif element.value_type == choices.ValueType.YES_NO and value not in (0, 1):
                    errors["value"] = _("Yes / no is 1 (yes) or 0 (no).")
        if not errors and self.initiative_id and self.element_id and self.kind:
            twin = Value.objects.filter(
                initiative_id=self.initiative_id,
                element_id=self.element_id,
                period_id=self.period_id,
                kind=self.kind,
                sex=self.sex,
                size=self.size,
                social_category=self.social_category,
            ).exclude(pk=self.pk)
            if twin.exists():
                errors["value"] = _("This cell already has a value; change that value instead.")
        if errors:
            raise ValidationError(errors)


class SustainabilityCheck(InitiativeRecord, DomainModel):
    """A dated assessment of whether local institutions can carry on without the initiative."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="sustainability_checks"
    )
    date = models.DateField()
    can_identify = models.CharField(
        max_length=10,
        choices=choices.Ability.choices,
        help_text="Local institutions are able to identify what is needed",
    )
    can_carry_out = models.CharField(
        max_length=10,
        choices=choices.Ability.choices,
        help_text="Local institutions are able to carry it out",
    )
    institutions_linked = models.PositiveIntegerField(validators=INSTITUTIONS_LIMIT)
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"Sustainability check of {self.date}"
