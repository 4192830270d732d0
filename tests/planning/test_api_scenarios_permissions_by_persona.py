"""Saved scenarios over the API: anyone reads, signed-in users write their own, the owner or
an admin changes or deletes, and every change is logged."""

import pytest
from auditlog.models import LogEntry
from rest_framework.test import APIClient

from clusterdev.planning.models import SavedScenario
from tests.conftest import api_as
from tests.planning.factories import make_scenario

pytestmark = pytest.mark.django_db
URL = "/api/planning/scenarios/"


def test_anonymous_readers_list_and_read_saved_scenarios(api: APIClient, cda_a) -> None:  # type: ignore[no-untyped-def]
    saved = make_scenario(cda_a)
    listing = api.get(URL).json()
    assert saved.slug in [row["slug"] for row in listing["results"]]
    detail = api.get(f"{URL}{saved.slug}/").json()
    assert detail["owner"] == "cda-cluster-a" and detail["can_change"] is False
    result = api.get(f"{URL}{saved.slug}/result/").json()
    assert result["years"][0]["spending_crore"] == 100


def test_anonymous_cannot_create_change_or_delete(api: APIClient, cda_a) -> None:  # type: ignore[no-untyped-def]
    saved = make_scenario(cda_a)
    assert api.post(URL, {"name": "x", "inputs": {}}, format="json").status_code in (401, 403)
    assert api.patch(f"{URL}{saved.slug}/", {"name": "y"}, format="json").status_code in (401, 403)
    assert api.delete(f"{URL}{saved.slug}/").status_code in (401, 403)
    assert SavedScenario.objects.get(pk=saved.pk).name == "Faster take-up"


def test_a_signed_in_user_saves_a_scenario_of_their_own(cda_a) -> None:  # type: ignore[no-untyped-def]
    response = api_as(cda_a).post(
        URL,
        {"name": "Eight-year plan", "inputs": {"duration_years": 8, "spending_profile": "even"}},
        format="json",
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["slug"] == "eight-year-plan" and data["owner"] == "cda-cluster-a"
    assert data["inputs"]["duration_years"] == 8 and "hr" in data["inputs"]  # normalised
    saved = SavedScenario.objects.get(slug="eight-year-plan")
    assert LogEntry.objects.get_for_object(saved).get().actor == cda_a


def test_bad_inputs_get_400_naming_each_field(cda_a) -> None:  # type: ignore[no-untyped-def]
    response = api_as(cda_a).post(
        URL, {"name": "Bad", "inputs": {"duration_years": 0, "clusters": -1}}, format="json"
    )
    assert response.status_code == 400
    errors = response.json()["inputs"]
    assert "from 1 to 50" in errors["duration_years"][0] and "clusters" in errors


def test_a_user_cannot_use_one_name_twice(cda_a) -> None:  # type: ignore[no-untyped-def]
    make_scenario(cda_a, "Twice")
    response = api_as(cda_a).post(URL, {"name": "Twice", "inputs": {}}, format="json")
    assert response.status_code == 400 and "name" in response.json()


def test_cda_b_cannot_change_or_delete_cda_as_scenario(cda_a, cda_b) -> None:  # type: ignore[no-untyped-def]
    saved = make_scenario(cda_a)
    other = api_as(cda_b)
    assert (
        other.patch(f"{URL}{saved.slug}/", {"name": "Mine now"}, format="json").status_code == 403
    )
    assert (
        other.put(
            f"{URL}{saved.slug}/", {"name": "Mine now", "inputs": {}}, format="json"
        ).status_code
        == 403
    )
    assert other.delete(f"{URL}{saved.slug}/").status_code == 403
    saved.refresh_from_db()
    assert saved.name == "Faster take-up" and saved.owner == cda_a


def test_a_curator_without_ownership_cannot_change_it_either(cda_a, curator) -> None:  # type: ignore[no-untyped-def]
    saved = make_scenario(cda_a)
    assert api_as(curator).delete(f"{URL}{saved.slug}/").status_code == 403


def test_the_owner_changes_and_deletes_their_scenario(cda_a) -> None:  # type: ignore[no-untyped-def]
    saved = make_scenario(cda_a)
    client = api_as(cda_a)
    response = client.patch(
        f"{URL}{saved.slug}/", {"inputs": {"clusters_per_year_max": 250}}, format="json"
    )
    assert response.status_code == 200 and response.json()["can_change"] is True
    assert client.get(f"{URL}{saved.slug}/result/").json()["years"][0]["spending_crore"] == 50
    assert client.delete(f"{URL}{saved.slug}/").status_code == 204
    assert not SavedScenario.objects.filter(pk=saved.pk).exists()


def test_an_admin_may_change_and_delete_anyones_scenario(cda_a, national_admin) -> None:  # type: ignore[no-untyped-def]
    saved = make_scenario(cda_a)
    admin = api_as(national_admin)
    assert (
        admin.patch(f"{URL}{saved.slug}/", {"description": "Checked"}, format="json").status_code
        == 200
    )
    assert admin.delete(f"{URL}{saved.slug}/").status_code == 204
