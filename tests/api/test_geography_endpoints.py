"""/api/geography/: states, districts with every spelling, PIN codes and the resolver."""

import pytest
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


def test_all_36_states_and_uts(api: APIClient) -> None:
    assert api.get("/api/geography/states/").data["count"] == 36


def test_districts_filter_by_state_and_spelling(api: APIClient) -> None:
    data = api.get("/api/geography/districts/", {"state": "IN-GJ", "q": "ahmedabad"}).data
    assert data["count"] == 1
    district = data["results"][0]
    assert {a["kind"] for a in district["aliases"]} >= {"india_post"}


def test_pin_lookup(api: APIClient) -> None:
    data = api.get("/api/geography/pincodes/110001/").data
    assert data["district_name"] and data["latitude"]


@pytest.mark.parametrize(
    ("state", "district"),
    [
        ("GUJARAT", "AHMADABAD"),
        ("gujarat", " Ahmedabad "),
        ("IN-GJ", "ahmedabad"),
        ("Tamil Nadu", "TUTICORIN"),
        ("Tamil Nadu", "Thoothukudi"),
    ],
)
def test_resolver_accepts_the_known_spellings(api: APIClient, state: str, district: str) -> None:
    response = api.get("/api/geography/resolve/", {"state": state, "district": district})
    assert response.status_code == 200, response.data
    assert response.data["state"] in {"IN-GJ", "IN-TN"}
