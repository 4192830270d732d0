"""The M&E page's dashboard: per indicator and element the baseline, targets and actuals by
period as an inline SVG chart and a table, progress to the life target, disaggregations."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clusterdev.monitoring import dashboard
from tests.monitoring.helpers import periods, plan, value

pytestmark = pytest.mark.django_db


def test_rows_charts_and_progress(client, cda_a, initiative_a):
    plan(initiative_a)
    first, second = periods(initiative_a)
    value(initiative_a, "turnover", "baseline", 1000)
    value(initiative_a, "turnover", "life_target", 1500)
    value(initiative_a, "turnover", "target", 1100, first)
    value(initiative_a, "turnover", "actual", 1200, first)
    value(initiative_a, "turnover", "target", 1300, second)
    value(initiative_a, "turnover", "actual", 1150, first, size="micro")
    built = dashboard.build(initiative_a)
    turnover = next(r for r in built["rows"] if r.code == "turnover")
    assert turnover.targets == [Decimal(1100), Decimal(1300)]
    assert turnover.actuals == [Decimal(1200), None]
    assert turnover.progress == Decimal("40.0")  # 200 of the 500 from baseline to target
    assert turnover.disaggregated[0]["label"] == "Micro"
    assert "<svg" in turnover.chart and "<polyline" not in turnover.chart  # one actual: a dot
    assert next(r.code for r in built["rows"]) == "export_share"  # indicators first
    client.force_login(cda_a)
    page = client.get(f"/monitoring/initiatives/{initiative_a.pk}/").content.decode()
    assert page.count("<svg") >= 1 and "40.0%" in page and "FY2025" in page


def test_labels_in_charts_are_escaped(initiative_a):
    from clusterdev.monitoring.charts import target_actual_chart

    svg = target_actual_chart(
        "<script>", ["<b>Q1</b>", "Q2"], [Decimal(1), None], [Decimal(2), Decimal(3)]
    )
    assert "<script>" not in svg and "&lt;b&gt;Q1" in svg and "<polyline" in svg
    assert target_actual_chart("x", [], [], []) == ""
