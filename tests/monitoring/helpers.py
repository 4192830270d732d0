"""Shared set-up for the monitoring tests: the catalogue, a plan and two periods."""

from __future__ import annotations

import datetime
from decimal import Decimal

from clusterdev.monitoring.models import DataElement, Indicator, MonitoringPlan, Period, Value
from clusterdev.monitoring.reference import load_catalogue


def catalogue() -> None:
    load_catalogue()


def plan(initiative, elements=("turnover", "exports"), indicators=("export_share",)):
    catalogue()
    plan, _ = MonitoringPlan.objects.get_or_create(initiative=initiative)
    plan.elements.set(DataElement.objects.filter(code__in=elements))
    plan.indicators.set(Indicator.objects.filter(code__in=indicators))
    return plan


def periods(initiative, count: int = 2) -> list[Period]:
    rows = []
    for index in range(count):
        start = datetime.date(2024 + index, 4, 1)
        rows.append(
            Period.objects.create(
                initiative=initiative,
                label=f"FY{2024 + index}",
                start=start,
                end=datetime.date(2025 + index, 3, 31),
            )
        )
    return rows


def value(initiative, code, kind, amount, period=None, **split) -> Value:
    return Value.objects.create(
        initiative=initiative,
        element=DataElement.objects.get(code=code),
        period=period,
        kind=kind,
        value=Decimal(str(amount)),
        **split,
    )


def rows(response):
    data = response.json()
    return data["results"] if isinstance(data, dict) and "results" in data else data
