"""/api/clusters/: anonymous read with filters, search and pagination; curator write."""

import pytest
from rest_framework.test import APIClient

from tests.conftest import api_as
from tests.registry.factories import make_cluster

pytestmark = pytest.mark.django_db


def test_anonymous_list_is_paginated_with_a_count(api: APIClient) -> None:
    response = api.get("/api/clusters/", {"page_size": 5})
    assert response.status_code == 200
    assert response.data["count"] >= 40 and len(response.data["results"]) == 5
    assert response.data["next"]


def test_filters_are_the_same_as_the_list_page(api: APIClient) -> None:
    response = api.get("/api/clusters/", {"state": "IN-UP", "typology": "traditional_sme"})
    slugs = [c["slug"] for c in response.data["results"]]
    assert "firozabad-glass" in slugs


def test_search_with_q(api: APIClient) -> None:
    response = api.get("/api/clusters/", {"q": "knitwear"})
    assert {c["slug"] for c in response.data["results"]} >= {"tirupur-knitwear"}


def test_detail_has_districts_with_codes_and_a_centroid(api: APIClient) -> None:
    data = api.get("/api/clusters/firozabad-glass/").data
    assert data["district_details"][0]["state"] == "Uttar Pradesh"
    lat, lon = data["centroid"]
    assert 26 < lat < 28 and 77 < lon < 79


def test_curator_creates_a_cluster_with_districts_by_code(curator) -> None:  # type: ignore[no-untyped-def]
    from tests.registry.factories import district_code

    code = district_code("Uttar Pradesh", "Agra")
    response = api_as(curator).post(
        "/api/clusters/",
        {
            "name": "Agra petha",
            "slug": "agra-petha",
            "product": "Ash-gourd sweets",
            "typology": "tiny_ssi",
            "status": "verified",
            "districts": [code],
            "nic_codes": ["1073"],
        },
        format="json",
    )
    assert response.status_code == 201, response.data
    assert response.data["district_details"][0]["code"] == code
    found = APIClient().get("/api/clusters/", {"q": "petha agra"}).data["results"]
    assert [c["slug"] for c in found] == ["agra-petha"]


def test_ordering_by_units(api: APIClient) -> None:
    make_cluster("order-a", units=10)
    make_cluster("order-b", units=90000)
    results = api.get("/api/clusters/", {"q": "order", "ordering": "-headline_units"}).data[
        "results"
    ]
    assert [c["slug"] for c in results] == ["order-b", "order-a"]


def test_session_write_needs_csrf(client, curator) -> None:  # type: ignore[no-untyped-def]
    csrf_client = APIClient(enforce_csrf_checks=True)
    csrf_client.force_login(curator)
    response = csrf_client.post("/api/sources/", {"key": "k", "title": "t"}, format="json")
    assert response.status_code == 403
