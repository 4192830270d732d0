"""The API: initiative records are private (its staff, CDAs, TA, admins); cda_b sees nothing
of initiative A; the public sees none; only editors write."""

from __future__ import annotations

import pytest

from clusterdev.monitoring import services
from clusterdev.monitoring.models import SustainabilityCheck
from tests.conftest import api_as
from tests.monitoring.helpers import periods, plan, rows, value

pytestmark = pytest.mark.django_db

LISTS = ["plans", "periods", "values", "sustainability"]


@pytest.fixture
def records(initiative_a, initiative_b, ta):
    plan(initiative_a)
    period = periods(initiative_a, 1)[0]
    row = value(initiative_a, "turnover", "actual", 100, period)
    check = SustainabilityCheck.objects.create(
        initiative=initiative_a, date="2025-03-31", can_identify="yes", can_carry_out="partly",
        institutions_linked=12,
    )  # fmt: skip
    return {"periods": period, "values": row, "sustainability": check,
            "plans": initiative_a.monitoring_plan}  # fmt: skip


def test_the_public_sees_nothing_private(api, records):
    for name in LISTS:
        assert api.get(f"/api/monitoring/{name}/").status_code in (401, 403)
    assert api.get(f"/api/monitoring/values/{records['values'].pk}/").status_code in (401, 403)


def test_cda_b_sees_nothing_of_initiative_a(cda_b, records, initiative_a):
    client = api_as(cda_b)
    for name in LISTS:
        assert rows(client.get(f"/api/monitoring/{name}/")) == []
        assert client.get(f"/api/monitoring/{name}/{records[name].pk}/").status_code == 404
        assert client.delete(f"/api/monitoring/{name}/{records[name].pk}/").status_code == 404
    response = client.post(
        "/api/monitoring/sustainability/",
        {
            "initiative": initiative_a.pk,
            "date": "2025-01-01",
            "can_identify": "no",
            "can_carry_out": "no",
            "institutions_linked": 1,
        },
        format="json",
    )
    assert response.status_code == 400  # initiative A does not exist for her
    assert "does not exist" in response.json()["initiative"][0]
    export = client.get(f"/api/monitoring/values/export/?initiative={initiative_a.pk}&export=csv")
    assert export.status_code == 404


@pytest.mark.parametrize("who", ["cda_a", "staff", "ta", "national_admin"])
def test_private_readers_see_every_list(request, who, records):
    client = api_as(request.getfixturevalue(who))
    for name in LISTS:
        assert [r["id"] for r in rows(client.get(f"/api/monitoring/{name}/"))] == [records[name].pk]


def test_the_ta_reads_but_does_not_enter_values(ta, records, initiative_a):
    client = api_as(ta)
    response = client.patch(
        f"/api/monitoring/values/{records['values'].pk}/", {"value": 5}, format="json"
    )
    assert response.status_code == 403
    services.approve(records["periods"], ta)  # but he approves (see the unlock tests)


@pytest.mark.parametrize("who", ["cda_a", "staff"])
def test_editors_write(request, who, records, initiative_a):
    client = api_as(request.getfixturevalue(who))
    response = client.patch(
        f"/api/monitoring/values/{records['values'].pk}/", {"value": 7}, format="json"
    )
    assert response.status_code == 200
    response = client.patch(
        f"/api/monitoring/plans/{records['plans'].pk}/",
        {"indicators": ["export_share", "turnover_per_unit"]},
        format="json",
    )
    assert response.status_code == 200 and len(response.json()["indicators"]) == 2
