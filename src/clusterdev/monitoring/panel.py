"""Monitoring's hooks for the initiative page and the portfolio (wired by the initiatives app)."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import F
from django.urls import reverse

from clusterdev.monitoring import choices, compute
from clusterdev.monitoring.models import (
    MonitoringPlan,
    Period,
    SustainabilityCheck,
    Value,
)


def institutions_linked_value(initiative_id: int) -> Decimal | None:
    """The latest entered total of the data element "institutions_linked" (actual, else
    baseline), for showing beside the number a sustainability check records."""
    row = (
        Value.objects.filter(
            initiative_id=initiative_id,
            element__code="institutions_linked",
            sex="",
            size="",
            social_category="",
            kind__in=[choices.Kind.ACTUAL, choices.Kind.BASELINE],
        )
        .order_by("kind", F("period__end").desc(nulls_last=True))  # actuals before baseline
        .values_list("value", flat=True)
        .first()
    )
    return row


def initiative_panel(request, initiative, *, private: bool) -> dict | None:
    """Context for ``monitoring/_initiative_panel.html``: periods, approvals, latest check."""
    if not private:
        return None
    periods = list(Period.objects.filter(initiative=initiative))
    approved = [p for p in periods if p.locked]
    plan = (
        MonitoringPlan.objects.filter(initiative=initiative)
        .prefetch_related("elements", "indicators")
        .first()
    )
    check = SustainabilityCheck.objects.filter(initiative=initiative).first()
    return {
        "initiative": initiative,
        "periods": len(periods),
        "approved": len(approved),
        "latest_approved": approved[-1] if approved else None,
        "values": Value.objects.filter(initiative=initiative).count(),
        "elements": len(plan.elements.all()) if plan else 0,
        "indicators": len(plan.indicators.all()) if plan else 0,
        "check": check,
        "url": reverse("monitoring:initiative", args=[initiative.pk]),
        "sustainability_url": reverse("monitoring:sustainability", args=[initiative.pk]),
    }


def latest_approved(initiatives_qs) -> tuple[dict, dict, dict, dict]:
    """What the portfolio's monitoring figures are computed from, in four queries.

    Returns (initiatives by id, the latest approved period of each, the indicators of
    each initiative's plan, the target and actual values of those periods by initiative).
    """
    initiatives = {i.pk: i for i in initiatives_qs}
    latest: dict[int, Period] = {}
    for period in Period.objects.filter(
        initiative__in=initiatives, approved_at__isnull=False
    ).order_by("initiative", "end", "pk"):
        latest[period.initiative_id] = period
    plans = {
        plan.initiative_id: list(plan.indicators.all())
        for plan in MonitoringPlan.objects.filter(initiative__in=latest).prefetch_related(
            "indicators"
        )
    }
    values: dict[int, list[Value]] = {}
    for value in Value.objects.filter(
        period__in=list(latest.values()),
        kind__in=[choices.Kind.TARGET, choices.Kind.ACTUAL],
    ).select_related("element"):
        values.setdefault(value.initiative_id, []).append(value)
    return initiatives, latest, plans, values


def portfolio_rows(initiatives_qs) -> list[dict]:
    """Per initiative and indicator of its plan: the latest approved period's actual against
    its target (totals), and the actual as a per cent of the target.

    Rows: {"initiative", "indicator", "period", "actual", "target", "achievement"}; the caller
    passes only initiatives the viewer may read privately. A fixed number of queries.
    """
    initiatives, latest, plans, values = latest_approved(initiatives_qs)
    if not latest:
        return []
    rows = []
    for initiative_id, period in latest.items():
        indicators = plans.get(initiative_id) or []
        if not indicators:
            continue
        computed = compute.indicator_values(indicators, values.get(initiative_id, []), [period])
        totals = {
            (item.indicator.code, item.kind): item.value for item in computed if item.is_total
        }
        for indicator in indicators:
            actual = totals.get((indicator.code, choices.Kind.ACTUAL))
            target = totals.get((indicator.code, choices.Kind.TARGET))
            achievement = None
            if actual is not None and target:
                achievement = (actual / target * 100).quantize(Decimal("0.1"))
            rows.append(
                {
                    "initiative": initiatives[initiative_id],
                    "indicator": indicator,
                    "period": period,
                    "actual": compute.tidy(actual, 2),
                    "target": compute.tidy(target, 2),
                    "achievement": achievement,
                }
            )
    rows.sort(key=lambda r: (r["initiative"].title, r["initiative"].pk, r["indicator"].code))
    return rows
