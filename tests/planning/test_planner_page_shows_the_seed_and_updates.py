"""The planner page: the seed from the start, edits recompute, errors sit by their fields."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_planner_opens_on_the_seed_scenario_with_its_tables(client: Client) -> None:
    response = client.get("/planning/")
    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["result"]["totals"]["gross"] == 5000
    assert [y["spending_crore"] for y in response.context["result"]["years"]] == [
        200,
        400,
        600,
        800,
        1000,
        800,
        600,
        400,
        200,
        0,
    ]
    assert 'id="years"' in body and 'id="hr"' in body and "<svg" in body
    assert "107,300" in body and "12,972" in body


def test_each_seed_override_is_shown_beside_what_the_ratio_gives(client: Client) -> None:
    body = client.get("/planning/").content.decode()
    # CDA: the seed's 10,000 is an input; the ratio gives 5,000-15,000.
    assert "10,000" in body and "5,000–15,000" in body
    assert 'name="hr-cda-required"' in body and 'value="10000"' in body


def test_the_brackets_versus_slabs_note_is_on_the_page(client: Client) -> None:
    body = client.get("/planning/").content.decode()
    assert "brackets" in body and "slabs" in body


def test_changing_clusters_per_year_changes_the_spending_table(client: Client) -> None:
    response = client.get("/planning/", {"clusters_per_year_max": "500"})
    years = response.context["result"]["years"]
    assert response.status_code == 200
    assert years[0]["spending_crore"] == 100
    assert years[0]["new_clusters"] == 500


def test_an_htmx_change_returns_only_the_results_with_errors_swapped_out_of_band(
    client: Client,
) -> None:
    response = client.get("/planning/", {"clusters_per_year_max": "500"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in body and 'id="years"' in body
    assert 'id="id_duration_years_error" class="errorlist" hx-swap-oob="true"' in body


def test_a_bad_input_is_named_next_to_its_field_with_the_allowed_range(client: Client) -> None:
    response = client.get(
        "/planning/", {"duration_years": "0", "hr-cda-required": "-1"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert "must be a whole number from 1 to 50" in body
    assert "hr-cda-required" in body and "from 0 to 100,000,000" in body
    form = client.get("/planning/", {"duration_years": "0"})
    assert form.status_code == 400
    assert form.context["form"].errors["duration_years"]


def test_a_spending_profile_that_does_not_add_up_is_refused(client: Client) -> None:
    response = client.get("/planning/", {"spending_profile": "0.5, 0.6, 0, 0, 0"})
    assert response.status_code == 400
    assert "add up to exactly 1" in " ".join(response.context["form"].errors["spending_profile"])


def test_the_grant_page_works_out_a_grant_with_its_rule_and_source(client: Client) -> None:
    response = client.get(
        "/planning/grants/",
        {
            "scheme": "mse-cdp",
            "component": "cfc",
            "version": "2007",
            "project_cost_crore": "18",
            "category": "general",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["result"]["grant_crore"] == "10.5"
    assert "Rs 15 crore" in body and "Ministry of MSME" in body


def test_the_grant_page_names_a_bad_field_next_to_it(client: Client) -> None:
    response = client.get(
        "/planning/grants/",
        {
            "scheme": "mse-cdp",
            "component": "cfc",
            "version": "2019",
            "project_cost_crore": "25",
            "category": "special",
            "industry_crore": "1",
        },
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_industry_crore_error"' in body and "must be at least Rs 2.5 crore" in body


def test_the_site_navigation_links_to_planning(client: Client) -> None:
    assert 'href="/planning/"' in client.get("/").content.decode()
