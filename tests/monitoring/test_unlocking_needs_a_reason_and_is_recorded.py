"""Approve and unlock are actions of the TA or the institution's staff; each is a row with
who, when and (for an unlock) why; re-approval locks again."""

from __future__ import annotations

import pytest

from clusterdev.monitoring.models import Period, PeriodDecision
from tests.conftest import api_as
from tests.monitoring.helpers import periods

pytestmark = pytest.mark.django_db


def test_the_cycle_is_recorded(ta, staff, initiative_a):
    period = periods(initiative_a, 1)[0]
    client = api_as(ta)
    url = f"/api/monitoring/periods/{period.pk}/"
    approved = client.post(url + "approve/")
    assert approved.status_code == 201 and approved.json()["decision"] == "approved"
    assert client.post(url + "approve/").status_code == 409
    assert Period.objects.get().locked and Period.objects.get().approved_by == ta
    no_reason = client.post(url + "unlock/", {"reason": "  "}, format="json")
    assert no_reason.status_code == 400 and "reason" in no_reason.json()
    assert Period.objects.get().locked
    unlocked = api_as(staff).post(url + "unlock/", {"reason": "Exports mistyped"}, format="json")
    assert unlocked.status_code == 201
    assert not Period.objects.get().locked
    assert client.post(url + "unlock/", {"reason": "again"}, format="json").status_code == 409
    assert client.post(url + "approve/").status_code == 201
    assert Period.objects.get().locked
    log = list(PeriodDecision.objects.order_by("pk").values_list("decision", "actor", "reason"))
    assert log == [
        ("approved", ta.pk, ""),
        ("unlocked", staff.pk, "Exports mistyped"),
        ("approved", ta.pk, ""),
    ]
    history = client.get(url + "decisions/").json()
    assert [row["decision"] for row in history] == ["approved", "unlocked", "approved"]


@pytest.mark.parametrize("who", ["cda_a", "cda_b"])
def test_cdas_may_not_approve(request, who, initiative_a):
    period = periods(initiative_a, 1)[0]
    response = api_as(request.getfixturevalue(who)).post(
        f"/api/monitoring/periods/{period.pk}/approve/"
    )
    assert response.status_code == (403 if who == "cda_a" else 404)
    assert not Period.objects.get().locked


def test_the_ta_reviews_only_what_he_mentors(ta, initiative_b):
    period = periods(initiative_b, 1)[0]
    response = api_as(ta).post(f"/api/monitoring/periods/{period.pk}/approve/")
    assert response.status_code == 404


def test_page_buttons_approve_and_unlock(client, ta, initiative_a):
    period = periods(initiative_a, 1)[0]
    client.force_login(ta)
    client.post(f"/monitoring/periods/{period.pk}/approve/")
    assert Period.objects.get().locked
    page = client.post(f"/monitoring/periods/{period.pk}/unlock/", {"reason": ""}, follow=True)
    assert "Say why" in page.content.decode()
    assert Period.objects.get().locked
    client.post(f"/monitoring/periods/{period.pk}/unlock/", {"reason": "Typo in Q1"})
    assert not Period.objects.get().locked
    assert PeriodDecision.objects.filter(reason="Typo in Q1", actor=ta).exists()
