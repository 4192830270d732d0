"""The cluster list: faceted filters, search, sort, pagination; bad filters get a 400."""

import pytest
from django.test import Client

from tests.registry.factories import district_code, make_cluster

pytestmark = pytest.mark.django_db


def _slugs(response) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.slug for c in response.context["page"].object_list]


def test_list_opens_with_every_published_cluster(client: Client) -> None:
    response = client.get("/clusters/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count >= 40
    assert "Firozabad glass" in response.content.decode()


def test_filter_by_typology_keeps_only_that_type(client: Client) -> None:
    response = client.get("/clusters/", {"typology": "handloom"})
    slugs = _slugs(response)
    assert slugs and all("handloom" in s or "saree" in s or "paithan" in s for s in slugs)


def test_filter_by_state_uses_the_state_code(client: Client) -> None:
    response = client.get("/clusters/", {"state": "IN-UP"})
    slugs = _slugs(response)
    assert "firozabad-glass" in slugs
    assert "tirupur-knitwear" not in slugs


def test_filter_by_district_code(client: Client) -> None:
    code = district_code("Tamil Nadu", "Tiruppur")
    make_cluster("tiruppur-test", districts=[code])
    assert "tiruppur-test" in _slugs(client.get("/clusters/", {"district": code}))


def test_nic_filter_matches_codes_below_the_given_level(client: Client) -> None:
    make_cluster("knit-test", nic=["14301"])
    assert "knit-test" in _slugs(client.get("/clusters/", {"nic": "14"}))
    assert "knit-test" in _slugs(client.get("/clusters/", {"nic": "1430"}))
    assert "knit-test" not in _slugs(client.get("/clusters/", {"nic": "13"}))


def test_search_matches_every_word_in_name_product_or_place(client: Client) -> None:
    slugs = _slugs(client.get("/clusters/", {"q": "glass firozabad"}))
    assert slugs == ["firozabad-glass"]
    assert "firozabad-glass" in _slugs(client.get("/clusters/", {"q": "UTTAR pradesh"}))


def test_size_band_and_sort_by_units(client: Client) -> None:
    make_cluster("small-test", units=30)
    make_cluster("big-test", units=6000)
    response = client.get("/clusters/", {"size_band": ["lt50", "5000+"], "sort": "-units"})
    slugs = _slugs(response)
    assert slugs.index("big-test") < slugs.index("small-test")
    assert response.context["facets"]["size_band"]["5000+"] >= 1


def test_pagination_keeps_the_filters(client: Client) -> None:
    for index in range(55):
        make_cluster(f"paged-{index:02d}", typology="services")
    first = client.get("/clusters/", {"typology": "services"})
    assert first.context["page"].paginator.num_pages >= 2
    assert "typology=services&amp;page=2" in first.content.decode()
    second = client.get("/clusters/", {"typology": "services", "page": 2})
    assert set(_slugs(first)).isdisjoint(_slugs(second))


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"nic": "1x"}, "nic"),
        ({"typology": "castle"}, "typology"),
        ({"state": "IN-ZZ"}, "state"),
        ({"sort": "sideways"}, "sort"),
        ({"min_units": "many"}, "min_units"),
    ],
)
def test_bad_filter_values_get_400_naming_the_field(
    client: Client, params: dict, field: str
) -> None:
    response = client.get("/clusters/", params)
    assert response.status_code == 400
    assert field in response.context["filterset"].errors


def test_htmx_request_gets_only_the_results_fragment(client: Client) -> None:
    response = client.get("/clusters/", {"q": "glass"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and "Firozabad glass" in body


def test_choosing_a_state_lists_its_districts_with_counts(client: Client) -> None:
    response = client.get("/clusters/", {"state": "IN-UP"})
    body = response.content.decode()
    assert 'name="district"' in body and "Firozabad" in body
    code = district_code("Uttar Pradesh", "Firozabad")
    assert response.context["facets"]["district"][code] >= 1


def test_nic_divisions_of_the_results_are_offered_with_counts(client: Client) -> None:
    make_cluster("division-test", nic=["14301"])
    response = client.get("/clusters/", {"q": "division test"})
    assert ("14", "Manufacture of wearing apparel", 1) in response.context["nic_divisions"]
    assert "nic=14" in response.content.decode()
