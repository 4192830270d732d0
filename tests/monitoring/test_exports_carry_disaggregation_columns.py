"""Downloads of values and indicator values keep the disaggregation columns (blank = total)."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.conftest import api_as
from tests.monitoring.helpers import periods, plan, value

pytestmark = pytest.mark.django_db


def _csv(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def data(initiative_a):
    plan(initiative_a)
    period = periods(initiative_a, 1)[0]
    value(initiative_a, "turnover", "actual", 800, period)
    value(initiative_a, "exports", "actual", 200, period)
    value(initiative_a, "turnover", "actual", 300, period, size="micro")
    value(initiative_a, "exports", "actual", 30, period, size="micro")
    value(initiative_a, "employment", "baseline", 40, sex="women", social_category="sc")
    return period


def test_values_csv_and_xlsx(client, cda_a, initiative_a, data):
    client.force_login(cda_a)
    url = f"/monitoring/initiatives/{initiative_a.pk}/values/"
    rows = _csv(client.get(url + "?export=csv"))
    assert {"sex", "size", "social_category", "kind", "period", "value"} <= set(rows[0])
    women_sc = [r for r in rows if r["sex"] == "women"]
    assert women_sc[0]["social_category"] == "sc" and women_sc[0]["period"] == ""
    assert any(r["size"] == "micro" and r["element"] == "turnover" for r in rows)
    sheet = load_workbook(io.BytesIO(client.get(url + "?export=xlsx").content)).active
    header = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert "social_category" in header and sheet.max_row == len(rows) + 1
    assert client.get(url + "?export=pdf").status_code == 400


def test_indicator_values_csv(client, cda_a, initiative_a, data):
    client.force_login(cda_a)
    rows = _csv(
        client.get(f"/monitoring/initiatives/{initiative_a.pk}/indicator-values/?export=csv")
    )
    found = {(r["indicator"], r["size"]): r["value"] for r in rows}
    assert found == {("export_share", ""): "25.0000", ("export_share", "micro"): "10.0000"}
    assert rows[0]["formula"] == "exports / turnover * 100"


def test_the_api_export_follows_the_same_rule(cda_a, cda_b, initiative_a, data):
    url = f"/api/monitoring/values/export/?initiative={initiative_a.pk}&export=csv"
    assert len(_csv(api_as(cda_a).get(url))) == 5
    assert api_as(cda_b).get(url).status_code == 404
