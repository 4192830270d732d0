"""The diagnostics API: private readers read, editors write, others find nothing; ties are
checked like on the pages; the measures endpoint agrees with the page."""

from __future__ import annotations

import pytest

from clusterdev.diagnostics.models import Actor
from tests.conftest import api_as
from tests.diagnostics.helpers import mapped

pytestmark = pytest.mark.django_db


def _rows(response):
    data = response.json()
    return data["results"] if isinstance(data, dict) else data


def test_readers_list_what_cda_b_cannot_see(cda_a, cda_b, ta, initiative_a):
    mapped(initiative_a)
    for reader in (cda_a, ta):
        assert len(_rows(api_as(reader).get("/api/diagnostics/actors/"))) == 3
    assert _rows(api_as(cda_b).get("/api/diagnostics/actors/")) == []
    assert _rows(api_as(cda_b).get("/api/diagnostics/constraints/")) == []
    actor = Actor.objects.first()
    assert api_as(cda_b).get(f"/api/diagnostics/actors/{actor.pk}/").status_code == 404
    measures = api_as(cda_b).get(f"/api/diagnostics/initiatives/{initiative_a.pk}/measures/")
    assert measures.status_code == 404


def test_measures_count_actors_ties_and_institutions(cda_a, initiative_a):
    mapped(initiative_a, actors=4)
    data = api_as(cda_a).get(f"/api/diagnostics/initiatives/{initiative_a.pk}/measures/").json()
    assert (data["actors"], data["ties"], data["institutions_linked"]) == (4, 3, 1)
    assert data["density"] == 0.5


def test_a_tie_to_another_maps_actor_is_a_400(cda_a, staff, initiative_a, initiative_b):
    own = mapped(initiative_a)
    other = Actor.objects.create(initiative=initiative_b, name="Other", kind="firm")
    body = {"initiative": initiative_a.pk, "source": own[0].pk, "target": other.pk,
            "kind": "supply"}  # fmt: skip
    response = api_as(staff).post("/api/diagnostics/ties/", body, format="json")
    assert response.status_code == 400
    assert "another initiative's map" in response.json()["target"][0]
    # For cda_a initiative B's actors do not exist at all.
    response = api_as(cda_a).post("/api/diagnostics/ties/", body, format="json")
    assert response.status_code == 400 and "does not exist" in response.json()["target"][0]


def test_self_tie_and_duplicate_are_field_errors(cda_a, initiative_a):
    bmo, unit, _ = mapped(initiative_a)
    client = api_as(cda_a)
    body = {"initiative": initiative_a.pk, "source": unit.pk, "target": unit.pk, "kind": "supply"}
    assert (
        "itself" in client.post("/api/diagnostics/ties/", body, format="json").json()["target"][0]
    )
    body["target"] = bmo.pk
    body["kind"] = "membership"
    response = client.post("/api/diagnostics/ties/", body, format="json")
    assert response.status_code == 400 and "already" in response.json()["kind"][0]


def test_the_ta_may_not_write(ta, initiative_a):
    response = api_as(ta).post(
        "/api/diagnostics/constraints/",
        {"initiative": initiative_a.pk, "area": "finance", "title": "Credit"},
        format="json",
    )
    assert response.status_code == 403
