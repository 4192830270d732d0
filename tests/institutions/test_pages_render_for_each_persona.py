"""Every institutions page is public: each persona reads the same pages."""

import pytest
from django.test import Client

from tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db

PAGES = [
    "/institutions/",
    "/institutions/sbi/",
    "/institutions/analysis/",
    "/institutions/status/",
    "/institutions/timeline/",
]


@pytest.mark.parametrize("persona_client", PERSONAS, indirect=True)
@pytest.mark.parametrize("url", PAGES)
def test_page_renders(persona_client: Client, url: str) -> None:
    response = persona_client.get(url)
    assert response.status_code == 200
    assert "Institutions" in response.content.decode()


@pytest.mark.parametrize("persona_client", ["curator", "national_admin"], indirect=True)
def test_curators_see_an_edit_link(persona_client: Client) -> None:
    assert (
        "/admin/institutions/institution/"
        in persona_client.get("/institutions/sbi/").content.decode()
    )


@pytest.mark.parametrize("persona_client", ["public", "cda_a"], indirect=True)
def test_others_see_no_edit_link(persona_client: Client) -> None:
    assert "/admin/institutions/" not in persona_client.get("/institutions/sbi/").content.decode()


def test_the_institution_page_shows_clusters_map_counts_and_source(client: Client) -> None:
    body = client.get("/institutions/sbi/").content.decode()
    assert "Firozabad glass" in body and "Coimbatore agricultural pump-sets" in body
    assert '<svg class="map"' in body
    assert "20 + (4)" in body
    assert "Clustering for Progress" in body
    assert "History of changes" in body


def test_an_unknown_institution_is_404(client: Client) -> None:
    assert client.get("/institutions/no-such-body/").status_code == 404


def test_the_nav_links_to_institutions(client: Client) -> None:
    assert 'href="/institutions/"' in client.get("/").content.decode()
