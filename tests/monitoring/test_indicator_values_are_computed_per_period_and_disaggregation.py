"""Indicator values come from element values: per period and kind, as totals, and per
disaggregation only where every input has it; division by zero is "not computable"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.conftest import api_as
from tests.monitoring.helpers import periods, plan, value

pytestmark = pytest.mark.django_db


def _values(client, initiative, **params):
    query = "&".join(f"{k}={v}" for k, v in {"initiative": initiative.pk, **params}.items())
    response = client.get(f"/api/monitoring/indicator-values/?{query}")
    assert response.status_code == 200, response.content
    return response.json()


def test_export_share_per_period_kind_and_size(cda_a, initiative_a):
    plan(initiative_a, indicators=("export_share", "women_share_employment"))
    first, second = periods(initiative_a)
    value(initiative_a, "turnover", "baseline", 1000)
    value(initiative_a, "exports", "baseline", 100)
    value(initiative_a, "turnover", "actual", 800, first)
    value(initiative_a, "exports", "actual", 200, first)
    value(initiative_a, "turnover", "actual", 300, first, size="micro")
    value(initiative_a, "exports", "actual", 30, first, size="micro")
    value(initiative_a, "turnover", "actual", 500, first, size="small")  # no small exports
    value(initiative_a, "turnover", "target", 0, second)
    value(initiative_a, "exports", "target", 50, second)
    rows = _values(api_as(cda_a), initiative_a, indicator="export_share")
    found = {(r["period_label"], r["kind"], r["size"]): r["value"] for r in rows}
    assert found == {
        ("", "baseline", ""): "10.0000",
        ("FY2024", "actual", ""): "25.0000",
        ("FY2024", "actual", "micro"): "10.0000",
        ("FY2025", "target", ""): None,  # division by zero: not computable
    }
    totals = _values(api_as(cda_a), initiative_a, totals_only="true")
    assert all(not r["size"] for r in totals)


def test_women_share_and_totals_summed_from_one_dimension(cda_a, initiative_a):
    plan(initiative_a, elements=("employment",), indicators=("women_share_employment",))
    period = periods(initiative_a, 1)[0]
    value(initiative_a, "employment_women", "actual", 30, period)
    value(initiative_a, "employment_men", "actual", 90, period)
    value(initiative_a, "employment_women", "actual", 10, period, social_category="sc")
    value(initiative_a, "employment_men", "actual", 10, period, social_category="sc")
    rows = _values(api_as(cda_a), initiative_a)
    found = {r["social_category"]: Decimal(r["value"]) for r in rows}
    assert found == {"": Decimal(25), "sc": Decimal(50)}


def test_a_missing_total_is_the_sum_of_one_dimension():
    from clusterdev.monitoring import compute

    class Element:
        def __init__(self, code, value_type="count"):
            self.code, self.value_type = code, value_type

    class Row:
        def __init__(self, code, amount, sex="", value_type="count"):
            self.element = Element(code, value_type)
            self.period_id, self.kind, self.value = None, "baseline", Decimal(amount)
            self.sex, self.size, self.social_category = sex, "", ""

        def disaggregation(self):
            return (self.sex, self.size, self.social_category)

    grid = compute.cells(
        [
            Row("employment", 30, "women"),
            Row("employment", 70, "men"),
            Row("rejection_rate", 5, "women", "percent"),
        ]
    )
    totals = grid[(None, "baseline")][compute.TOTAL]
    assert totals == {"employment": Decimal(100)}  # percentages are not added up


def test_another_initiatives_values_are_404_and_a_missing_id_is_400(cda_b, initiative_a):
    plan(initiative_a)
    client = api_as(cda_b)
    assert (
        client.get(f"/api/monitoring/indicator-values/?initiative={initiative_a.pk}").status_code
        == 404
    )
    assert client.get("/api/monitoring/indicator-values/").status_code == 400
