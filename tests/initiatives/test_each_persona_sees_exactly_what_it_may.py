from __future__ import annotations

import pytest

from clusterdev.initiatives.models import StepRecord, TrustEvent
from tests.conftest import api_as

pytestmark = pytest.mark.django_db


def _titles(client) -> set[str]:
    response = client.get("/api/initiatives/")
    assert response.status_code == 200
    rows = response.json()
    rows = rows["results"] if isinstance(rows, dict) else rows
    return {row["title"] for row in rows}


def test_the_public_sees_only_published_summaries(api, initiative_a, initiative_b):
    StepRecord.objects.create(initiative=initiative_a, step=1, summary="private")
    assert _titles(api) == {"Initiative A"}
    row = api.get(f"/api/initiatives/{initiative_a.pk}/").json()
    assert row["summary"] == "Public summary A"
    assert "cdas" not in row and "ta" not in row
    assert api.get(f"/api/initiatives/{initiative_b.pk}/").status_code == 404
    assert api.get("/api/initiatives/steps/").status_code in (401, 403)


def test_cda_b_sees_only_the_public_face_of_a(cda_b, initiative_a, initiative_b):
    StepRecord.objects.create(initiative=initiative_a, step=1, summary="private")
    TrustEvent.objects.create(initiative=initiative_a, kind="seminar", date="2024-01-01")
    client = api_as(cda_b)
    assert _titles(client) == {"Initiative A", "Initiative B"}
    assert "cdas" not in client.get(f"/api/initiatives/{initiative_a.pk}/").json()
    assert client.get("/api/initiatives/steps/").json() == [] or not client.get(
        "/api/initiatives/steps/"
    ).json().get("results")
    assert not _rows(client.get("/api/initiatives/events/"))
    response = client.patch(f"/api/initiatives/{initiative_a.pk}/", {"title": "X"}, format="json")
    assert response.status_code == 403
    response = client.post(
        "/api/initiatives/steps/", {"initiative": initiative_a.pk, "step": 2}, format="json"
    )
    # For her, initiative A's private side does not exist: no hint that it does.
    assert response.status_code == 400
    assert "does not exist" in response.json()["initiative"][0]


def _rows(response):
    data = response.json()
    return data["results"] if isinstance(data, dict) else data


def test_cda_a_staff_and_admin_see_private_rows(
    cda_a, staff, national_admin, initiative_a, initiative_b
):
    StepRecord.objects.create(initiative=initiative_a, step=1, summary="private")
    assert len(_rows(api_as(cda_a).get("/api/initiatives/steps/"))) == 1
    assert _titles(api_as(cda_a)) == {"Initiative A"}
    assert _titles(api_as(staff)) == {"Initiative A", "Initiative B"}
    assert _titles(api_as(national_admin)) == {"Initiative A", "Initiative B"}
    response = api_as(cda_a).patch(
        f"/api/initiatives/{initiative_a.pk}/", {"title": "A renamed"}, format="json"
    )
    assert response.status_code == 200
