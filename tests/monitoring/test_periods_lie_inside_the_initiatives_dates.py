"""A monitoring period lies inside its initiative's dates and ends on or after its start: a
400 naming start or end in the API, a form error on the page; nothing is saved."""

from __future__ import annotations

from datetime import date

import pytest

from clusterdev.monitoring.models import Period
from tests.conftest import api_as

pytestmark = pytest.mark.django_db
URL = "/api/monitoring/periods/"


@pytest.fixture
def dated(initiative_a):
    initiative_a.start_date = date(2024, 4, 1)
    initiative_a.planned_end_date = date(2027, 3, 31)
    initiative_a.save()
    return initiative_a


def _post(user, initiative, start, end, label="FY"):
    return api_as(user).post(
        URL,
        {"initiative": initiative.pk, "label": label, "start": start, "end": end},
        format="json",
    )


def test_a_period_starting_before_the_initiative_is_a_400_on_start(cda_a, dated):
    response = _post(cda_a, dated, "2020-04-01", "2021-03-31")
    assert response.status_code == 400
    errors = response.json()
    assert "Start (2020-04-01) is before the initiative starts (2024-04-01)" in errors["start"][0]
    assert "before the initiative starts" in errors["end"][0]
    assert not Period.objects.exists()


def test_a_period_ending_after_the_initiative_is_a_400_on_end(staff, dated):
    response = _post(staff, dated, "2026-04-01", "2027-06-30")
    assert response.status_code == 400
    assert set(response.json()) == {"end"}
    assert "after the initiative ends (2027-03-31)" in response.json()["end"][0]


def test_end_before_start_names_the_end(cda_a, dated):
    response = _post(cda_a, dated, "2025-04-01", "2025-01-01")
    assert response.status_code == 400
    assert "End (2025-01-01) cannot be before the start (2025-04-01)" in response.json()["end"][0]


def test_changing_a_period_out_of_the_dates_is_refused(cda_a, dated):
    period = Period.objects.create(
        initiative=dated, label="FY24", start=date(2024, 4, 1), end=date(2025, 3, 31)
    )
    response = api_as(cda_a).patch(f"{URL}{period.pk}/", {"start": "2023-04-01"}, format="json")
    assert response.status_code == 400 and "start" in response.json()
    period.refresh_from_db()
    assert period.start == date(2024, 4, 1)


def test_the_page_form_shows_the_error(client, cda_a, dated):
    client.force_login(cda_a)
    data = {"add_period": "1", "period-label": "Old", "period-start": "2020-04-01",
            "period-end": "2020-09-30"}  # fmt: skip
    response = client.post(f"/monitoring/initiatives/{dated.pk}/", data)
    assert response.status_code == 400
    assert "is before the initiative starts" in response.content.decode()
    assert not Period.objects.exists()
    ok = {**data, "period-start": "2024-04-01", "period-end": "2024-09-30"}
    assert client.post(f"/monitoring/initiatives/{dated.pk}/", ok).status_code == 302
