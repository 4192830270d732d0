"""For the lead's portfolio: per initiative and indicator, the latest approved period's actual
against its target, in a fixed number of queries."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clusterdev.initiatives.models import Initiative
from clusterdev.monitoring import services
from clusterdev.monitoring.panel import portfolio_rows
from tests.monitoring.helpers import periods, plan, value

pytestmark = pytest.mark.django_db


def test_latest_approved_period_only(initiative_a, initiative_b, ta, staff):
    plan(initiative_a)
    first, second = periods(initiative_a)
    for period, turnover, exports, target in ((first, 1000, 100, 20), (second, 1000, 300, 25)):
        value(initiative_a, "turnover", "actual", turnover, period)
        value(initiative_a, "exports", "actual", exports, period)
        value(initiative_a, "turnover", "target", 1000, period)
        value(initiative_a, "exports", "target", target * 10, period)
    services.approve(first, ta)
    rows = portfolio_rows(Initiative.objects.all())
    assert len(rows) == 1
    row = rows[0]
    assert row["initiative"] == initiative_a and row["indicator"].code == "export_share"
    assert (row["period"], row["actual"], row["target"]) == (first, Decimal(10), Decimal(20))
    assert row["achievement"] == Decimal("50.0")
    services.approve(second, ta)
    row = portfolio_rows(Initiative.objects.all())[0]
    assert (row["period"], row["actual"], row["achievement"]) == (
        second, Decimal(30), Decimal("120.0")
    )  # fmt: skip
    assert portfolio_rows(Initiative.objects.none()) == []


def test_queries_do_not_grow_with_initiatives(initiative_a, initiative_b, ta):
    for initiative in (initiative_a, initiative_b):
        plan(initiative)
        period = periods(initiative, 1)[0]
        value(initiative, "turnover", "actual", 10, period)
        value(initiative, "exports", "actual", 1, period)
        services.approve(period, ta)
    with CaptureQueriesContext(connection) as one:
        portfolio_rows(Initiative.objects.filter(pk=initiative_a.pk))
    with CaptureQueriesContext(connection) as two:
        assert len(portfolio_rows(Initiative.objects.all())) == 2
    assert len(one) == len(two)
