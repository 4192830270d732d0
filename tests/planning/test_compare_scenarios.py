"""/planning/compare/: two or more scenarios side by side, with a chart."""

import pytest
from django.test import Client

from tests.planning.factories import make_scenario

pytestmark = pytest.mark.django_db


def test_the_compare_page_shows_two_scenarios_side_by_side(client: Client, cda_a) -> None:  # type: ignore[no-untyped-def]
    saved = make_scenario(cda_a, "Half speed")
    response = client.get("/planning/compare/", {"s": ["seed", saved.slug]})
    body = response.content.decode()
    assert response.status_code == 200
    assert [p["title"] for p in response.context["plans"]] == ["Seed scenario (2005)", "Half speed"]
    first_year = response.context["year_rows"][0]
    assert first_year[0] == 2006
    assert [cell["spending_crore"] for cell in first_year[1]] == [200, 100]
    assert 'id="compare-totals"' in body and 'id="compare-hr"' in body and "<svg" in body
    totals = dict(response.context["total_rows"])
    assert totals["Gross"] == [5000, 5000]


def test_three_scenarios_can_be_compared(client: Client, cda_a, cda_b) -> None:  # type: ignore[no-untyped-def]
    one = make_scenario(cda_a, "One")
    two = make_scenario(cda_b, "Two", duration_years=4)
    response = client.get("/planning/compare/", {"s": ["seed", one.slug, two.slug]})
    assert len(response.context["plans"]) == 3


def test_fewer_than_two_scenarios_asks_for_more(client: Client) -> None:
    assert client.get("/planning/compare/").status_code == 200
    response = client.get("/planning/compare/", {"s": ["seed", "no-such-plan"]})
    assert response.status_code == 400
    assert "no-such-plan" in response.content.decode()
