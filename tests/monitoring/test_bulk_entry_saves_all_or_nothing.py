"""Bulk entry (API and page grid): one bad row saves nothing and names the row and field."""

from __future__ import annotations

import pytest

from clusterdev.monitoring.models import Value
from tests.conftest import api_as
from tests.monitoring.helpers import periods, plan, value

pytestmark = pytest.mark.django_db


def test_the_api_saves_every_row_or_none(cda_a, initiative_a):
    plan(initiative_a)
    period = periods(initiative_a, 1)[0]
    client = api_as(cda_a)
    good = [
        {"element": "turnover", "kind": "actual", "period": period.pk, "value": "500"},
        {"element": "exports", "kind": "actual", "period": period.pk, "value": "100"},
        {
            "element": "turnover",
            "kind": "actual",
            "period": period.pk,
            "size": "micro",
            "value": "200",
        },
    ]
    bad = [*good, {"element": "rejection_rate", "kind": "baseline", "value": "140"}]
    response = client.post(
        "/api/monitoring/values/bulk/", {"initiative": initiative_a.pk, "rows": bad},
        format="json",
    )  # fmt: skip
    assert response.status_code == 400
    assert "value" in response.json()["rows"]["3"]
    assert not Value.objects.exists()
    response = client.post(
        "/api/monitoring/values/bulk/", {"initiative": initiative_a.pk, "rows": good},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201 and len(response.json()) == 3
    # the same cell again updates it; null removes it
    again = [
        {"element": "turnover", "kind": "actual", "period": period.pk, "value": "550"},
        {"element": "exports", "kind": "actual", "period": period.pk, "value": None},
    ]
    response = client.post(
        "/api/monitoring/values/bulk/", {"initiative": initiative_a.pk, "rows": again},
        format="json",
    )  # fmt: skip
    assert response.status_code == 201
    assert Value.objects.get(element__code="turnover", size="").value == 550
    assert not Value.objects.filter(element__code="exports").exists()


def test_the_same_cell_twice_in_one_batch_is_refused(cda_a, initiative_a):
    plan(initiative_a)
    rows = [{"element": "turnover", "kind": "baseline", "value": "1"}] * 2
    response = api_as(cda_a).post(
        "/api/monitoring/values/bulk/", {"initiative": initiative_a.pk, "rows": rows},
        format="json",
    )  # fmt: skip
    assert response.status_code == 400 and "row 0" in str(response.json()["rows"]["1"])


def test_bulk_into_another_initiative_is_404(cda_b, initiative_a):
    plan(initiative_a)
    response = api_as(cda_b).post(
        "/api/monitoring/values/bulk/",
        {"initiative": initiative_a.pk,
         "rows": [{"element": "turnover", "kind": "baseline", "value": "1"}]},
        format="json",
    )  # fmt: skip
    assert response.status_code == 404


def test_the_page_grid_saves_nothing_when_one_cell_is_bad(client, cda_a, initiative_a):
    plan(initiative_a, elements=("turnover", "exports", "rejection_rate"))
    period = periods(initiative_a, 1)[0]
    value(initiative_a, "exports", "actual", 10, period)
    client.force_login(cda_a)
    url = f"/monitoring/initiatives/{initiative_a.pk}/grid/{period.pk}/"
    response = client.post(
        url,
        {
            "v-turnover-actual---": "900",
            "v-exports-actual---": "",
            "v-rejection_rate-target---": "150",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "rejection_rate, target, Total" in text and "over 100" in text
    assert 'value="900"' in text  # what was typed is kept
    assert list(Value.objects.values_list("element__code", "value")) == [("exports", 10)]
    response = client.post(url, {"v-turnover-actual---": "abc"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 400 and "Not a number" in response.content.decode()
    response = client.post(
        url, {"v-turnover-actual---": "900", "v-exports-actual---": ""}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "Values saved" in response.content.decode()
    assert list(Value.objects.values_list("element__code", "value")) == [("turnover", 900)]
