"""The seed's scenario is read-only: neither the API nor the pages can change it."""

import pytest
from django.test import Client
from rest_framework.test import APIClient

from clusterdev.planning.model import compute, seed_scenario
from clusterdev.planning.models import SavedScenario
from tests.conftest import api_as

pytestmark = pytest.mark.django_db
SEED = "/api/planning/scenarios/seed/"


def _seed_is_intact(client: Client | APIClient) -> None:
    assert client.get(SEED).json()["inputs"]["clusters_per_year_max"] == 1000
    assert client.get(SEED + "result/").json()["totals"]["gross"] == 5000
    assert compute(seed_scenario()).totals.gross == 5000


def test_the_seed_is_readable_by_anyone(api: APIClient) -> None:
    data = api.get(SEED).json()
    assert data["slug"] == "seed" and data["can_change"] is False
    assert data["inputs"]["hr"]["cda"]["required"] == 10000


@pytest.mark.parametrize("persona", ["cda_a", "curator", "national_admin"])
def test_no_one_can_change_or_delete_the_seed_over_the_api(persona: str, request) -> None:  # type: ignore[no-untyped-def]
    client = api_as(request.getfixturevalue(persona))
    for response in (
        client.put(SEED, {"name": "Seed", "inputs": {"clusters_per_year_max": 1}}, format="json"),
        client.patch(SEED, {"inputs": {"clusters_per_year_max": 1}}, format="json"),
        client.delete(SEED),
    ):
        assert response.status_code == 403
        assert "seed scenario is read-only" in response.json()["detail"]
    _seed_is_intact(client)


def test_saving_under_the_name_seed_makes_a_new_scenario_not_the_seed(cda_a) -> None:  # type: ignore[no-untyped-def]
    response = api_as(cda_a).post(
        "/api/planning/scenarios/",
        {"name": "seed", "inputs": {"clusters_per_year_max": 100}},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["slug"] != "seed"
    _seed_is_intact(api_as(cda_a))


def test_the_pages_cannot_change_or_delete_the_seed(client: Client, national_admin) -> None:  # type: ignore[no-untyped-def]
    client.force_login(national_admin)
    assert client.post("/planning/s/seed/delete/").status_code == 403
    response = client.post(
        "/planning/save/",
        {"name": "seed", "inputs": '{"clusters_per_year_max": 100}'},
    )
    assert response.status_code == 302
    assert SavedScenario.objects.get(name="seed").slug == "seed-copy"
    page = client.get("/planning/")
    assert page.context["result"]["years"][0]["spending_crore"] == 200
    _seed_is_intact(client)
