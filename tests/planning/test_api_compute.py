"""POST /api/planning/compute/: the plan's JSON, or 400 with every bad field (never a 500)."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
URL = "/api/planning/compute/"


def test_an_empty_body_gives_the_seed_finance_figures(api: APIClient) -> None:
    response = api.post(URL, {}, format="json")
    data = response.json()
    assert response.status_code == 200
    assert [y["spending_crore"] for y in data["years"]] == [
        200,
        400,
        600,
        800,
        1000,
        800,
        600,
        400,
        200,
        0,
    ]
    assert data["totals"]["gross"] == 5000


def test_the_seed_mapping_reproduces_the_seed_hr_totals(api: APIClient) -> None:
    from clusterdev.planning.model import seed_scenario

    response = api.post(URL, seed_scenario().to_mapping(), format="json")
    assert response.json()["hr_totals"]["required"] == 107_300
    assert response.json()["hr_totals"]["available"] == 12_972


def test_inputs_change_the_result(api: APIClient) -> None:
    response = api.post(
        URL,
        {
            "clusters": 2000,
            "clusters_per_year_max": 500,
            "spending_profile": ["0.1", "0.2", "0.3", "0.2", "0.2"],
        },
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["years"][0]["spending_crore"] == 50


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"duration_years": 0}, "duration_years", "from 1 to 50"),
        ({"duration_years": -3}, "duration_years", "from 1 to 50"),
        ({"clusters_per_year_max": 0}, "clusters_per_year_max", "from 1 to 1,000,000"),
        ({"cost_per_cluster_crore": "-1"}, "cost_per_cluster_crore", "> 0"),
        (
            {"spending_profile": ["0.5", "0.6", "0", "0", "0"]},
            "spending_profile",
            "add up to exactly 1",
        ),
        ({"hr": {"cda": {"available": -1}}}, "hr.cda.available", "from 0 to"),
        ({"hr": {"wizard": {}}}, "hr.wizard", "unknown role"),
        ({"colour": "red"}, "colour", "not a known field"),
        ({"clusters": "many"}, "clusters", "whole number"),
    ],
)
def test_bad_input_gets_400_with_the_field_and_its_range(
    api: APIClient, body: dict, field: str, words: str
) -> None:
    response = api.post(URL, body, format="json")
    assert response.status_code == 400
    errors = response.json()
    assert field in errors, errors
    assert words in " ".join(errors[field])


def test_every_bad_field_is_reported_at_once(api: APIClient) -> None:
    response = api.post(URL, {"duration_years": 0, "clusters_per_year_max": -1}, format="json")
    assert set(response.json()) == {"duration_years", "clusters_per_year_max"}


@pytest.mark.parametrize("body", ["[1, 2]", '"text"', "5", "null"])
def test_a_body_that_is_not_an_object_gets_400(api: APIClient, body: str) -> None:
    response = api.post(URL, body, content_type="application/json")
    assert response.status_code == 400


def test_malformed_json_gets_400(api: APIClient) -> None:
    response = api.post(URL, "{not json", content_type="application/json")
    assert response.status_code == 400
