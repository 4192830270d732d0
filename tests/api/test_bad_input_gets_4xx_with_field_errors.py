"""Malformed bodies and query parameters get 4xx with field errors, never a 500."""

import pytest
from rest_framework.test import APIClient

from tests.conftest import api_as
from tests.registry.factories import make_cluster, seed_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(curator) -> APIClient:  # type: ignore[no-untyped-def]
    return api_as(curator)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"slug": "a", "product": "p", "typology": "services"}, "name"),
        ({"name": "n", "slug": "bad slug!", "product": "p", "typology": "services"}, "slug"),
        ({"name": "n", "slug": "s1", "product": "p", "typology": "castle"}, "typology"),
        (
            {
                "name": "n",
                "slug": "s2",
                "product": "p",
                "typology": "services",
                "districts": ["nowhere"],
            },
            "districts",
        ),
        (
            {
                "name": "n",
                "slug": "s3",
                "product": "p",
                "typology": "services",
                "nic_codes": ["99999"],
            },
            "nic_codes",
        ),
        (
            {"name": "n", "slug": "s4", "product": "p", "typology": "services", "latitude": 20},
            "longitude",
        ),
        (
            {
                "name": "n",
                "slug": "s5",
                "product": "p",
                "typology": "services",
                "latitude": 200,
                "longitude": 1,
            },
            "latitude",
        ),
        (
            {
                "name": "n",
                "slug": "s6",
                "product": "p",
                "typology": "services",
                "footprint": {"type": "Point"},
            },
            "footprint",
        ),
        (
            {
                "name": "n",
                "slug": "s7",
                "product": "p",
                "typology": "services",
                "footprint": {"type": "Polygon", "coordinates": [[[1, 1], [2, 2], [3, 1]]]},
            },
            "footprint",
        ),
        (
            {
                "name": "n",
                "slug": "s8",
                "product": "p",
                "typology": "services",
                "external_ids": ["x"],
            },
            "external_ids",
        ),
        ({"name": "n", "slug": "firozabad-glass", "product": "p", "typology": "services"}, "slug"),
    ],
)
def test_bad_cluster_bodies_name_the_field(writer: APIClient, body: dict, field: str) -> None:
    response = writer.post("/api/clusters/", body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.data


def test_body_that_is_not_json_is_a_400(writer: APIClient) -> None:
    response = writer.post("/api/clusters/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert "detail" in response.data


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"units": -1}, "units"),
        ({"units": "many"}, "units"),
        ({"turnover_inr_crore": "1e999"}, "turnover_inr_crore"),
        ({"year": 1200, "units": 3}, "year"),
        ({}, "non_field_errors"),
        ({"units": 5, "is_preferred": True}, "preferred_reason"),
    ],
)
def test_bad_estimate_bodies_name_the_field(writer: APIClient, body: dict, field: str) -> None:
    cluster = make_cluster("estimate-target")
    payload = {"cluster": cluster.slug, "source": seed_source().key, **body}
    response = writer.post("/api/estimates/", payload, format="json")
    assert response.status_code == 400, response.content
    assert field in response.data


def test_second_preferred_estimate_is_refused_with_a_reason(writer: APIClient) -> None:
    cluster = make_cluster("two-preferred")
    base = {
        "cluster": cluster.slug,
        "source": seed_source().key,
        "is_preferred": True,
        "preferred_reason": "best",
    }
    assert writer.post("/api/estimates/", {**base, "units": 1}, format="json").status_code == 201
    response = writer.post("/api/estimates/", {**base, "units": 2, "year": 2020}, format="json")
    assert response.status_code == 400
    assert "is_preferred" in response.data


@pytest.mark.parametrize(
    "params",
    [
        {"typology": "castle"},
        {"nic": "abc"},
        {"min_units": "lots"},
        {"state": "IN-ZZ"},
        {"sort": "up"},
        {"district": "no-such-code"},
    ],
)
def test_bad_query_parameters_are_a_400_naming_the_parameter(api: APIClient, params: dict) -> None:
    response = api.get("/api/clusters/", params)
    assert response.status_code == 400
    assert set(params) <= set(response.data)


def test_page_past_the_end_is_a_404_with_a_message(api: APIClient) -> None:
    response = api.get("/api/clusters/", {"page": 9999})
    assert response.status_code == 404
    assert "detail" in response.data


def test_unknown_geography_resolution_is_a_404_with_suggestions(api: APIClient) -> None:
    response = api.get("/api/geography/resolve/", {"state": "Gujarat", "district": "Ahmdabad"})
    assert response.status_code == 404
    assert response.data["suggestions"]
    assert "district" in response.data


def test_resolution_without_parameters_is_a_400(api: APIClient) -> None:
    response = api.get("/api/geography/resolve/")
    assert response.status_code == 400
    assert {"state", "district"} <= set(response.data)
