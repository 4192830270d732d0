"""Malformed input to the monitoring API is a 400 with field errors, never a server error."""

from __future__ import annotations

import pytest

from tests.conftest import api_as
from tests.monitoring.helpers import periods, plan

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"initiative": "x", "rows": []},
        {"initiative": 1, "rows": "not a list"},
        {"initiative": 1, "rows": []},
        {"initiative": 1, "rows": [{"element": "turnover", "kind": "actual", "value": "abc"}]},
        {"initiative": 1, "rows": [{"element": "turnover", "kind": "weekly", "value": "1"}]},
        {
            "initiative": 1,
            "rows": [{"element": "turnover", "kind": "actual", "period": 99999, "value": "1"}],
        },
        {
            "initiative": 1,
            "rows": [{"element": "turnover", "kind": "baseline", "value": "1e30"}],
        },
    ],
)
def test_bulk(cda_a, initiative_a, body):
    plan(initiative_a)
    if isinstance(body.get("initiative"), int):
        body = {**body, "initiative": initiative_a.pk}
    response = api_as(cda_a).post("/api/monitoring/values/bulk/", body, format="json")
    assert response.status_code == 400, response.content


def test_single_values_periods_and_unlock(cda_a, ta, initiative_a):
    plan(initiative_a)
    period = periods(initiative_a, 1)[0]
    client = api_as(cda_a)
    for body in (
        {
            "initiative": initiative_a.pk,
            "element": "turnover",
            "kind": "actual",
            "period": period.pk,
            "value": "NaN",
        },
        {
            "initiative": initiative_a.pk,
            "element": "turnover",
            "kind": "actual",
            "period": period.pk,
            "value": "12345678901234567890",
        },
        {"initiative": initiative_a.pk, "element": "turnover"},
    ):
        assert client.post("/api/monitoring/values/", body, format="json").status_code == 400
    response = client.post(
        "/api/monitoring/periods/",
        {"initiative": initiative_a.pk, "label": "x", "start": "2030-13-01", "end": "y"},
        format="json",
    )
    assert response.status_code == 400 and {"start", "end"} <= set(response.json())
    response = api_as(ta).post(f"/api/monitoring/periods/{period.pk}/unlock/", {}, format="json")
    assert response.status_code == 400
    bad_id = client.get("/api/monitoring/indicator-values/?initiative=abc")
    assert bad_id.status_code == 400
