"""A source's page shows what cites it and who changed it."""

import pytest
from django.test import Client

from tests.conftest import api_as

pytestmark = pytest.mark.django_db


def test_source_edit_by_api_appears_on_its_page(client: Client, curator) -> None:  # type: ignore[no-untyped-def]
    response = api_as(curator).post(
        "/api/sources/",
        {"key": "state-survey", "title": "State cluster survey", "year": 2019},
        format="json",
    )
    assert response.status_code == 201
    api_as(curator).patch("/api/sources/state-survey/", {"year": 2020}, format="json")
    page = client.get("/sources/state-survey/")
    body = page.content.decode()
    assert page.status_code == 200
    assert "institution-curator" in body and "2019" in body and "2020" in body


def test_seed_source_lists_the_clusters_it_documents(client: Client) -> None:
    body = client.get("/sources/fmc-2005-clustering-for-progress/").content.decode()
    assert "Firozabad glass" in body
