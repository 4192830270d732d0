"""Every map draws over one small, cacheable image of India instead of repeating it inline."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_basemap_is_an_svg_with_a_day_of_browser_caching(client: Client) -> None:
    response = client.get("/map/india.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "max-age=86400" in response["Cache-Control"]
    assert response.content.count(b"h3.2v3.2") > 700  # one square per district centre


def test_pages_reference_the_basemap_instead_of_inlining_it(client: Client) -> None:
    for path in ("/", "/clusters/firozabad-glass/"):
        body = client.get(path).content
        assert b'href="/map/india.svg"' in body
        assert b"h3.2v3.2" not in body
