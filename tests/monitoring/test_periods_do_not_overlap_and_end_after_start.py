"""Periods of one initiative: end on or after start, no overlap, unique labels (400s)."""

from __future__ import annotations

import pytest

from clusterdev.monitoring.models import Period
from tests.conftest import api_as
from tests.monitoring.helpers import periods

pytestmark = pytest.mark.django_db


def _post(client, initiative, label, start, end):
    return client.post(
        "/api/monitoring/periods/",
        {"initiative": initiative.pk, "label": label, "start": start, "end": end},
        format="json",
    )


def test_the_api_refuses_reversed_and_overlapping_periods(cda_a, initiative_a):
    client = api_as(cda_a)
    assert _post(client, initiative_a, "Q1", "2024-04-01", "2024-06-30").status_code == 201
    reversed_ = _post(client, initiative_a, "Q2", "2024-09-30", "2024-07-01")
    assert reversed_.status_code == 400 and "end" in reversed_.json()
    overlap = _post(client, initiative_a, "Q1b", "2024-06-01", "2024-08-31")
    assert overlap.status_code == 400 and "Q1" in str(overlap.json()["start"])
    same_label = _post(client, initiative_a, "Q1", "2025-01-01", "2025-03-31")
    assert same_label.status_code == 400 and "label" in same_label.json()
    assert _post(client, initiative_a, "Q2", "2024-07-01", "2024-07-01").status_code == 201
    assert Period.objects.filter(initiative=initiative_a).count() == 2


def test_another_initiatives_periods_do_not_clash(cda_b, initiative_a, initiative_b):
    periods(initiative_a)
    response = _post(api_as(cda_b), initiative_b, "FY2024", "2024-04-01", "2025-03-31")
    assert response.status_code == 201


def test_the_page_form_shows_the_overlap(client, cda_a, initiative_a):
    periods(initiative_a, 1)
    client.force_login(cda_a)
    response = client.post(
        f"/monitoring/initiatives/{initiative_a.pk}/",
        {
            "add_period": "1",
            "period-label": "Mid",
            "period-start": "2024-05-01",
            "period-end": "2024-06-01",
        },
    )
    assert response.status_code == 400
    assert "overlaps FY2024" in response.content.decode()
    response = client.post(
        f"/monitoring/initiatives/{initiative_a.pk}/",
        {
            "add_period": "1",
            "period-label": "FY2024",
            "period-start": "2026-05-01",
            "period-end": "2026-06-01",
        },
    )
    assert response.status_code == 400
    assert Period.objects.filter(initiative=initiative_a).count() == 1
