"""Whatever is typed, the pages and the API answer 200 or 400, never a 500."""

import json

import pytest
from django.test import Client
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

ODD = ["", " ", "abc", "-1", "0", "1e999", "NaN", "inf", "1.5", "9" * 40, "½", "0x10", "[]", "{}"]
FIELDS = [
    "clusters",
    "clusters_per_year_max",
    "duration_years",
    "cost_per_cluster_crore",
    "spending_profile",
    "first_year",
    "horizon_years",
    "inflation_rate",
    "discount_rate",
    "hr_base_year",
    "hr_target_year",
    "ratio_point",
    "groups",
    "hr-cda-required",
    "hr-ta-available",
    "hr-researcher-training_capacity_per_year",
]


@pytest.mark.parametrize("field", FIELDS)
def test_the_planner_page_answers_odd_values_with_200_or_400(client: Client, field: str) -> None:
    for value in ODD:
        response = client.get("/planning/", {field: value}, HTTP_HX_REQUEST="true")
        assert response.status_code in (200, 400), (field, value)


@pytest.mark.parametrize("field", [f for f in FIELDS if not f.startswith("hr-")] + ["hr", "name"])
def test_the_compute_api_answers_odd_values_with_200_or_400(api: APIClient, field: str) -> None:
    for value in [*ODD, None, True, [], {}, [1, "x"], {"a": 1}, 10**30, -(10**30), 1.5]:
        response = api.post(
            "/api/planning/compute/", json.dumps({field: value}), content_type="application/json"
        )
        assert response.status_code in (200, 400), (field, value, response.content[:200])


@pytest.mark.parametrize(
    "field",
    [
        "project_cost_crore",
        "industry_crore",
        "spv_members",
        "largest_member_equity_share",
        "land_cost_crore",
        "artisans",
        "version",
        "on",
        "category",
        "component",
        "scheme",
    ],
)
def test_the_grant_api_and_page_answer_odd_values_with_200_or_400(
    api: APIClient, client: Client, field: str
) -> None:
    base = {"scheme": "sfurti", "component": "hard", "project_cost_crore": "4", "artisans": "600"}
    for value in [*ODD, None, True, [], {}, 10**30]:
        response = api.post(
            "/api/planning/grant/",
            json.dumps({**base, field: value}),
            content_type="application/json",
        )
        assert response.status_code in (200, 400), (field, value, response.content[:200])
    for value in ODD:
        page = client.get("/planning/grants/", {**base, field: value})
        assert page.status_code in (200, 400), (field, value)
