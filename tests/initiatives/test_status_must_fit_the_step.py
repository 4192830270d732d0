"""Status, step and end date agree: a clear 400 otherwise, on the API and the pages."""

from __future__ import annotations

import pytest

from tests.conftest import api_as

pytestmark = pytest.mark.django_db


def test_an_initiative_in_step_two_cannot_be_completed(cda_a, initiative_a):
    initiative_a.step = 2
    initiative_a.status = "active"
    initiative_a.save()
    response = api_as(cda_a).patch(
        f"/api/initiatives/{initiative_a.pk}/",
        {"status": "completed", "actual_end_date": "2027-01-01"},
        format="json",
    )
    assert response.status_code == 400
    assert "only in step 6" in response.json()["status"][0]
    initiative_a.refresh_from_db()
    assert initiative_a.status == "active"


def test_a_dropped_initiative_needs_its_end_date(cda_a, initiative_a):
    response = api_as(cda_a).patch(
        f"/api/initiatives/{initiative_a.pk}/", {"status": "dropped"}, format="json"
    )
    assert response.status_code == 400
    assert "actual end date" in response.json()["actual_end_date"][0]


def test_a_running_initiative_has_no_actual_end_date(cda_a, initiative_a):
    response = api_as(cda_a).patch(
        f"/api/initiatives/{initiative_a.pk}/", {"actual_end_date": "2027-01-01"}, format="json"
    )
    assert response.status_code == 400
    assert "Only a completed or dropped" in response.json()["actual_end_date"][0]


def test_a_proposed_initiative_past_step_one_is_refused(cda_a, initiative_a):
    initiative_a.step = 3
    initiative_a.status = "active"
    initiative_a.save()
    response = api_as(cda_a).patch(
        f"/api/initiatives/{initiative_a.pk}/", {"status": "proposed"}, format="json"
    )
    assert response.status_code == 400
    assert "step 1" in response.json()["status"][0]


def test_dropping_with_an_end_date_is_accepted(cda_a, initiative_a):
    response = api_as(cda_a).patch(
        f"/api/initiatives/{initiative_a.pk}/",
        {"status": "dropped", "actual_end_date": "2027-01-01"},
        format="json",
    )
    assert response.status_code == 200, response.json()
