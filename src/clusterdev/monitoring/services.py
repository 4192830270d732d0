"""The writes of monitoring, each in one transaction: nothing half-saved, locks respected.

A period's values may not be created, changed or deleted once the period is approved
(``PeriodLocked``: a 409 in the API, a form error on the page). Approving and unlocking are
recorded as ``PeriodDecision`` rows; an unlock needs a reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clusterdev.monitoring import choices, compute
from clusterdev.monitoring.models import (
    DataElement,
    Indicator,
    MonitoringPlan,
    Period,
    PeriodDecision,
    Value,
)

CELL = ("element", "period", "kind", "sex", "size", "social_category")


class PeriodLocked(Exception):
    """A write touches an approved period."""

    def __init__(self, period: Period, row: int | None = None) -> None:
        message = _(
            "The period %(label)s is approved and locked; "
            "unlock it (with a reason) to change its values."
        ) % {"label": period.label}
        if row is not None:
            message = _("Row %(row)s: %(message)s") % {"row": row, "message": message}
        super().__init__(message)
        self.period = period
        self.row = row


class BatchInvalid(Exception):
    """Rows of a batch that cannot be saved: {row index: {field: [messages]}}."""

    def __init__(self, errors: dict[str, dict]) -> None:
        super().__init__(f"{len(errors)} row(s) cannot be saved")
        self.errors = errors


class StateConflict(Exception):
    """An approval or unlock that does not fit the period's state."""


def _fresh(period: Period | None) -> Period | None:
    """The period as it is in the database now, its row locked until the transaction ends."""
    if period is None:
        return None
    return Period.objects.select_for_update().get(pk=period.pk)


def check_unlocked(*periods: Period | None, row: int | None = None) -> None:
    for period in periods:
        current = _fresh(period)
        if current is not None and current.locked:
            raise PeriodLocked(current, row)


def save_value(value: Value) -> Value:
    """Validate and save one value (new or changed); raise PeriodLocked or ValidationError."""
    with transaction.atomic():
        previous = Value.objects.filter(pk=value.pk).select_related("period").first()
        check_unlocked(value.period, previous.period if previous else None)
        value.full_clean()
        value.save()
    return value


def delete_value(value: Value) -> None:
    with transaction.atomic():
        check_unlocked(value.period)
        value.delete()


def save_batch(initiative, rows: list[dict]) -> list[Value]:
    """Create or update many values at once, all or nothing.

    Each row is a dict with element, period (or None), kind, sex, size, social_category and
    value (None or "" deletes the cell's value). A row for an existing cell updates it. A bad
    row raises BatchInvalid({index: {field: [messages]}}); a row in a locked
    period raises PeriodLocked naming the row and the period. Nothing is saved in either case.
    """
    saved: list[Value] = []
    errors: dict[str, dict] = {}
    with transaction.atomic():
        seen: dict[tuple, int] = {}
        for index, row in enumerate(rows):
            cell = tuple(row.get(f) or ("" if f in choices.DIMENSIONS else None) for f in CELL)
            if cell in seen:
                errors[str(index)] = {
                    "value": [_("Same cell as row %(row)s.") % {"row": seen[cell]}]
                }
                continue
            seen[cell] = index
            period = row.get("period")
            if period is not None and period.initiative_id != initiative.pk:
                errors[str(index)] = {"period": [_("The period belongs to another initiative.")]}
                continue
            check_unlocked(period, row=index)
            existing = Value.objects.filter(
                initiative=initiative,
                element=row["element"],
                period=period,
                kind=row["kind"],
                sex=row.get("sex") or "",
                size=row.get("size") or "",
                social_category=row.get("social_category") or "",
            ).first()
            amount = row.get("value")
            if amount is None or amount == "":
                if existing is not None:
                    existing.delete()
                continue
            value = existing or Value(
                initiative=initiative,
                element=row["element"],
                period=period,
                kind=row["kind"],
                sex=row.get("sex") or "",
                size=row.get("size") or "",
                social_category=row.get("social_category") or "",
            )
            value.value = amount
            if "note" in row:
                value.note = row.get("note") or ""
            try:
                value.full_clean()
            except ValidationError as error:
                errors[str(index)] = error.message_dict
                continue
            value.save()
            saved.append(value)
        if errors:
            transaction.set_rollback(True)
            raise BatchInvalid(errors)
    return saved


def save_period(period: Period) -> Period:
    """Create or change a period; an approved period's dates and label are locked too."""
    with transaction.atomic():
        if period.pk:
            check_unlocked(period)
        period.full_clean()
        period.save()
    return period


def delete_period(period: Period) -> None:
    with transaction.atomic():
        check_unlocked(period)
        period.delete()


def approve(period: Period, user) -> PeriodDecision:
    """Approve the period: its values are locked from now on."""
    with transaction.atomic():
        current = _fresh(period)
        if current.locked:
            raise StateConflict(
                _("The period %(label)s is already approved.") % {"label": current.label}
            )
        current.approved_at = timezone.now()
        current.approved_by = user
        current.save(update_fields=["approved_at", "approved_by", "last_updated"])
        decision = PeriodDecision.objects.create(
            period=current, decision=choices.Decision.APPROVED, actor=user
        )
    period.refresh_from_db()
    return decision


def unlock(period: Period, user, reason: str) -> PeriodDecision:
    """Unlock an approved period for corrections; the reason is kept with who and when."""
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Say why the period is unlocked.")})
    with transaction.atomic():
        current = _fresh(period)
        if not current.locked:
            raise StateConflict(
                _("The period %(label)s is not approved, so not locked.") % {"label": current.label}
            )
        current.approved_at = None
        current.approved_by = None
        current.save(update_fields=["approved_at", "approved_by", "last_updated"])
        decision = PeriodDecision.objects.create(
            period=current, decision=choices.Decision.UNLOCKED, actor=user, reason=reason.strip()
        )
    period.refresh_from_db()
    return decision


def plan_for(initiative) -> tuple[list[DataElement], list[Indicator]]:
    """The initiative's chosen elements (plus those its indicators read) and indicators."""
    plan = MonitoringPlan.objects.filter(initiative=initiative).first()
    if plan is None:
        return [], []
    indicators = list(plan.indicators.all())
    codes = {code for indicator in indicators for code in indicator.element_codes()}
    elements = {e.pk: e for e in plan.elements.all()}
    for element in DataElement.objects.filter(code__in=codes):
        elements.setdefault(element.pk, element)
    return sorted(elements.values(), key=lambda e: e.code), indicators


def indicators_reading(code: str) -> list[str]:
    """Codes of the indicators whose formula reads the data element ``code``."""
    return [i.code for i in Indicator.objects.all() if code in i.element_codes()]


def values_of(initiative) -> list[Value]:
    return list(Value.objects.filter(initiative=initiative).select_related("element", "period"))


def indicator_values(initiative, indicators: Iterable[Indicator] | None = None) -> list:
    """The initiative's computed indicator values (its plan's indicators unless given)."""
    if indicators is None:
        indicators = plan_for(initiative)[1]
    periods = list(Period.objects.filter(initiative=initiative))
    return compute.indicator_values(list(indicators), values_of(initiative), periods)


def decimal_or_none(text: str) -> Decimal | None:
    text = (text or "").strip().replace(",", "")
    if not text:
        return None
    return Decimal(text)
