"""Saving, reopening, updating and deleting scenarios on the pages; each change logged."""

import json

import pytest
from auditlog.models import LogEntry
from django.test import Client

from clusterdev.planning.models import SavedScenario
from tests.planning.factories import make_scenario

pytestmark = pytest.mark.django_db


def _inputs(client: Client, **params: str) -> str:
    return client.get("/planning/", params).context["inputs_json"]


def test_a_signed_in_user_saves_what_the_planner_shows(client: Client, cda_a) -> None:  # type: ignore[no-untyped-def]
    client.force_login(cda_a)
    inputs = _inputs(client, clusters_per_year_max="500")
    response = client.post("/planning/save/", {"name": "Half speed", "inputs": inputs})
    saved = SavedScenario.objects.get(owner=cda_a, name="Half speed")
    assert response.status_code == 302 and response["Location"] == saved.get_absolute_url()
    assert saved.inputs["clusters_per_year_max"] == 500
    page = client.get(saved.get_absolute_url())
    assert page.status_code == 200
    assert page.context["result"]["years"][0]["spending_crore"] == 100
    assert LogEntry.objects.get_for_object(saved).get().actor == cda_a


def test_saving_again_under_the_same_name_updates_the_users_scenario(client: Client, cda_a) -> None:  # type: ignore[no-untyped-def]
    client.force_login(cda_a)
    client.post(
        "/planning/save/", {"name": "Mine", "inputs": _inputs(client, clusters_per_year_max="500")}
    )
    client.post(
        "/planning/save/", {"name": "Mine", "inputs": _inputs(client, clusters_per_year_max="250")}
    )
    saved = SavedScenario.objects.get(owner=cda_a, name="Mine")
    assert saved.inputs["clusters_per_year_max"] == 250
    assert LogEntry.objects.get_for_object(saved).count() == 2


def test_anonymous_visitors_are_sent_to_sign_in(client: Client) -> None:
    response = client.post("/planning/save/", {"name": "x", "inputs": "{}"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not SavedScenario.objects.filter(name="x").exists()
    assert "Sign in" in client.get("/planning/").content.decode()


def test_inputs_that_do_not_read_are_not_saved(client: Client, cda_a) -> None:  # type: ignore[no-untyped-def]
    client.force_login(cda_a)
    client.post("/planning/save/", {"name": "Broken", "inputs": json.dumps({"duration_years": 0})})
    assert not SavedScenario.objects.filter(name="Broken").exists()


def test_only_the_owner_or_an_admin_deletes_on_the_pages(
    client: Client, cda_a, cda_b, national_admin
) -> None:  # type: ignore[no-untyped-def]
    saved = make_scenario(cda_a)
    client.force_login(cda_b)
    assert client.post(f"/planning/s/{saved.slug}/delete/").status_code == 403
    assert "Delete this scenario" not in client.get(saved.get_absolute_url()).content.decode()
    client.force_login(national_admin)
    assert client.post(f"/planning/s/{saved.slug}/delete/").status_code == 302
    assert not SavedScenario.objects.filter(pk=saved.pk).exists()


def test_a_scenario_split_by_typology_opens_in_the_planner(client: Client, cda_a) -> None:  # type: ignore[no-untyped-def]
    groups = [
        {"typology": "industrial", "clusters": 1000, "cost_per_cluster_crore": 2},
        {"typology": "artisan", "clusters": 3000, "cost_per_cluster_crore": "0.5"},
    ]
    saved = make_scenario(cda_a, "By typology", groups=groups)
    page = client.get(saved.get_absolute_url())
    assert page.status_code == 200
    assert page.context["result"]["totals"]["gross"] == 3500
    assert 'name="clusters" value="4000"' in page.content.decode()
    assert "readonly" in page.content.decode()
    # Editing another input keeps the groups.
    edited = client.get(saved.get_absolute_url(), {"clusters_per_year_max": "2000"})
    assert edited.context["result"]["totals"]["gross"] == 3500
    assert edited.context["result"]["years"][0]["new_clusters"] == 2000
