"""POST /api/planning/grant/: grant, shares, ceiling, gap, rule and citation; 400s."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db
URL = "/api/planning/grant/"


def test_mse_cdp_2007_general_cfc_of_18_crore_gets_10_5(api: APIClient) -> None:
    response = api.post(
        URL,
        {"scheme": "mse-cdp", "component": "cfc", "project_cost_crore": 18, "version": "2007"},
        format="json",
    )
    data = response.json()
    assert response.status_code == 200
    assert data["grant_crore"] == "10.5"
    assert data["gap_crore"] == "7.5"
    assert data["ceiling"]["kind"] == "max_project_cost"
    assert "Ministry of MSME" in data["citation"] and data["rule_text"]


def test_mse_cdp_2019_special_cfc_of_25_crore_gets_18(api: APIClient) -> None:
    response = api.post(
        URL,
        {
            "scheme": "mse-cdp",
            "component": "cfc",
            "project_cost_crore": "25",
            "category": "special",
            "version": "2019",
        },
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["grant_crore"] == 18


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"scheme": "nope", "component": "cfc", "project_cost_crore": 1}, "scheme"),
        ({"scheme": "mse-cdp", "component": "cfc", "project_cost_crore": -1}, "project_cost_crore"),
        ({"scheme": "mse-cdp", "component": "cfc"}, "project_cost_crore"),
        ({"scheme": "mse-cdp", "project_cost_crore": 10}, "component"),
        ({"scheme": "mse-cdp", "component": "zzz", "project_cost_crore": 10}, "component"),
        (
            {"scheme": "mse-cdp", "component": "cfc", "project_cost_crore": 10, "category": "vip"},
            "category",
        ),
        (
            {
                "scheme": "mse-cdp",
                "component": "cfc",
                "project_cost_crore": 25,
                "version": "2019",
                "industry_crore": 1,
            },
            "industry_crore",
        ),
        (
            {"scheme": "mse-cdp", "component": "cfc", "project_cost_crore": 10, "on": "yesterday"},
            "on",
        ),
    ],
)
def test_bad_input_gets_400_naming_the_field(api: APIClient, body: dict, field: str) -> None:
    response = api.post(URL, body, format="json")
    assert response.status_code == 400
    assert field in response.json(), response.json()


def test_a_body_that_is_not_an_object_gets_400(api: APIClient) -> None:
    assert api.post(URL, [1], format="json").status_code == 400


def test_the_schemes_on_file_are_listed(api: APIClient) -> None:
    schemes = api.get("/api/planning/schemes/").json()
    versions = {(s["scheme"], s["version"]) for s in schemes}
    assert {("mse-cdp", "2007"), ("mse-cdp", "2019"), ("mse-cdp", "2022")} <= versions
    cfc = next(s for s in schemes if s["version"] == "2022" and s["scheme"] == "mse-cdp")
    assert "cfc" in [c["key"] for c in cfc["components"]] and cfc["source"]
