"""Anonymous reads are served from the cache, and any write shows on the very next read."""

import pytest
from django.test import Client

from tests.conftest import api_as
from tests.registry.factories import make_cluster

pytestmark = pytest.mark.django_db


def test_an_edit_through_the_api_shows_on_the_next_public_read(client: Client, curator) -> None:  # type: ignore[no-untyped-def]
    cluster = make_cluster("cached-cluster", product="Old product")
    assert b"Old product" in client.get("/clusters/cached-cluster/").content
    assert b"Old product" in client.get("/api/clusters/cached-cluster/").content
    api_as(curator).patch(
        "/api/clusters/cached-cluster/", {"product": "New product"}, format="json"
    )
    assert b"New product" in client.get(cluster.get_absolute_url()).content
    assert b"New product" in client.get("/api/clusters/cached-cluster/").content


def test_a_repeated_anonymous_read_runs_only_the_data_version_query(
    client: Client, django_assert_num_queries
) -> None:  # type: ignore[no-untyped-def]
    client.get("/clusters/?typology=handloom")
    with django_assert_num_queries(1):
        assert client.get("/clusters/?typology=handloom").status_code == 200


def test_signed_in_pages_are_never_served_from_the_public_cache(client: Client, curator) -> None:  # type: ignore[no-untyped-def]
    make_cluster("only-for-curators", status="candidate")
    assert b"only-for-curators" not in client.get("/clusters/?q=only").content
    client.force_login(curator)
    assert b"only-for-curators" in client.get("/clusters/?q=only").content


def test_a_new_estimate_changes_the_cached_list_figures(client: Client, curator) -> None:  # type: ignore[no-untyped-def]
    make_cluster("estimate-later")
    first = client.get("/clusters/", {"q": "estimate later"}).content.decode()
    api_as(curator).post(
        "/api/estimates/",
        {"cluster": "estimate-later", "source": "fmc-2005-clustering-for-progress", "units": 4321},
        format="json",
    )
    second = client.get("/clusters/", {"q": "estimate later"}).content.decode()
    assert "4,321" not in first and "4,321" in second
