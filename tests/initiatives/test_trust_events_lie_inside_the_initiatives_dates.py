"""A trust-building event is dated inside its initiative (start to actual or planned end):
an event of 2020 in an initiative starting in 2024 is a 400 naming the date in the API, and
a form error on the page; nothing is saved."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from clusterdev.initiatives.models import TrustEvent
from tests.conftest import api_as

pytestmark = pytest.mark.django_db
URL = "/api/initiatives/events/"


@pytest.fixture
def dated(initiative_a):
    initiative_a.start_date = date(2024, 4, 1)
    initiative_a.planned_end_date = date(2027, 3, 31)
    initiative_a.save()
    return initiative_a


def _post(user, initiative, day):
    return api_as(user).post(
        URL, {"initiative": initiative.pk, "kind": "seminar", "date": day}, format="json"
    )


def test_an_event_before_the_start_is_a_400_naming_the_date(cda_a, dated):
    response = _post(cda_a, dated, "2020-06-01")
    assert response.status_code == 400
    assert "before the initiative starts (2024-04-01)" in response.json()["date"][0]
    assert not TrustEvent.objects.exists()


def test_an_event_after_the_end_is_a_400(staff, dated):
    response = _post(staff, dated, "2027-04-01")
    assert response.status_code == 400
    assert "after the initiative ends (2027-03-31)" in response.json()["date"][0]


def test_the_actual_end_counts_once_the_initiative_ended(cda_a, dated):
    dated.actual_end_date = date(2025, 12, 31)
    dated.status = "dropped"
    dated.save()
    assert _post(cda_a, dated, "2026-02-01").status_code == 400
    assert _post(cda_a, dated, "2025-12-31").status_code == 201


def test_moving_an_event_out_of_the_dates_is_refused(cda_a, dated):
    event = TrustEvent.objects.create(initiative=dated, kind="seminar", date=date(2025, 1, 1))
    response = api_as(cda_a).patch(f"{URL}{event.pk}/", {"date": "2023-01-01"}, format="json")
    assert response.status_code == 400 and "date" in response.json()
    event.refresh_from_db()
    assert event.date == date(2025, 1, 1)


def test_without_dates_any_date_goes(cda_a, initiative_a):
    assert _post(cda_a, initiative_a, "2020-06-01").status_code == 201


def test_the_page_form_shows_the_error_on_the_date(cda_a, dated):
    client = Client()
    client.force_login(cda_a)
    data = {
        "kind": "workshop",
        "date": "2020-06-01",
        "outcomes": "",
        "participants-TOTAL_FORMS": "0",
        "participants-INITIAL_FORMS": "0",
        "participants-MIN_NUM_FORMS": "0",
        "participants-MAX_NUM_FORMS": "30",
    }
    response = client.post(f"/initiatives/{dated.pk}/events/", data)
    assert response.status_code == 400
    assert "is before the initiative starts" in response.content.decode()
    assert not TrustEvent.objects.exists()
    assert (
        client.post(f"/initiatives/{dated.pk}/events/", {**data, "date": "2024-06-01"}).status_code
        == 302
    )
