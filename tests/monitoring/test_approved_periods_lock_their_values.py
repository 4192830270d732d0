"""Once a period is approved its values cannot be created, changed or deleted: 409 in the
API, an error naming the period on the page; after an unlock they can again."""

from __future__ import annotations

import pytest

from clusterdev.monitoring import services
from clusterdev.monitoring.models import Period, Value
from tests.conftest import api_as
from tests.monitoring.helpers import periods, plan, value

pytestmark = pytest.mark.django_db


@pytest.fixture
def locked(initiative_a, ta):
    plan(initiative_a)
    period = periods(initiative_a, 1)[0]
    row = value(initiative_a, "turnover", "actual", 100, period)
    services.approve(period, ta)
    return period, row


def test_the_api_answers_409_for_every_write(cda_a, initiative_a, locked):
    period, row = locked
    client = api_as(cda_a)
    created = client.post(
        "/api/monitoring/values/",
        {
            "initiative": initiative_a.pk,
            "element": "exports",
            "kind": "actual",
            "period": period.pk,
            "value": 5,
        },
        format="json",
    )
    assert created.status_code == 409 and "FY2024" in created.json()["detail"]
    changed = client.patch(f"/api/monitoring/values/{row.pk}/", {"value": 1}, format="json")
    assert changed.status_code == 409
    deleted = client.delete(f"/api/monitoring/values/{row.pk}/")
    assert deleted.status_code == 409
    bulk = client.post(
        "/api/monitoring/values/bulk/",
        {"initiative": initiative_a.pk,
         "rows": [{"element": "exports", "kind": "actual", "period": period.pk, "value": 5}]},
        format="json",
    )  # fmt: skip
    assert bulk.status_code == 409
    moved = client.patch(f"/api/monitoring/periods/{period.pk}/", {"label": "X"}, format="json")
    assert moved.status_code == 409
    assert client.delete(f"/api/monitoring/periods/{period.pk}/").status_code == 409
    assert Value.objects.get(pk=row.pk).value == 100
    assert Value.objects.count() == 1


def test_moving_a_value_out_of_a_locked_period_is_refused(cda_a, initiative_a, locked):
    _period, row = locked
    other = Period.objects.create(
        initiative=initiative_a, label="FY2025", start="2025-04-01", end="2026-03-31"
    )
    response = api_as(cda_a).patch(
        f"/api/monitoring/values/{row.pk}/", {"period": other.pk}, format="json"
    )
    assert response.status_code == 409


def test_the_page_grid_names_the_locked_period(client, cda_a, initiative_a, locked):
    period, _row = locked
    client.force_login(cda_a)
    response = client.post(
        f"/monitoring/initiatives/{initiative_a.pk}/grid/{period.pk}/",
        {"v-turnover-actual---": "999"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 400
    assert "The period FY2024 is approved and locked" in response.content.decode()
    assert Value.objects.get().value == 100


def test_after_an_unlock_values_change_again(cda_a, initiative_a, ta, locked):
    period, row = locked
    services.unlock(period, ta, "Turnover was entered in thousands")
    response = api_as(cda_a).patch(
        f"/api/monitoring/values/{row.pk}/", {"value": "100000"}, format="json"
    )
    assert response.status_code == 200
