"""The section 2.4 table and the 1989–2005 timeline are generated from the stored rows."""

import pytest
from django.test import Client

from clusterdev.institutions import charts
from clusterdev.institutions.models import Institution, TimelineEntry

pytestmark = pytest.mark.django_db


def test_the_analysis_table_has_the_twelve_institutions_of_section_2_4(client: Client) -> None:
    response = client.get("/institutions/analysis/")
    assert len(response.context["institutions"]) == 12
    unido = Institution.objects.get(slug="unido-cdp")
    assert (unido.private_leverage_over_20, unido.public_leverage_over_20) == ("yes", "yes")
    assert unido.implementation_channel == "own_staff" and unido.social_capital_thrust is True
    sidbi = Institution.objects.get(slug="sidbi")
    assert sidbi.thrust_areas == ["credit", "technology"]
    assert sidbi.social_capital_thrust is None  # not stated is not "no"


def test_institutions_enter_the_field_in_the_years_the_source_lists() -> None:
    years = {y["year"]: y for y in charts.timeline()}
    assert sorted(years) == [1989, 1991, 1997, 1998, 2000, 2003, 2005]
    assert [i["slug"] for i in years[1989]["entering"]] == ["sbi"]
    assert len(years[2005]["listed"]) == 21
    assert {i["slug"] for i in years[2005]["entering"]} == {
        "dc-handlooms",
        "orissa-industries",
        "ari",
        "dipp",
        "wool-board",
    }


def test_cumulative_clusters_are_summed_per_year() -> None:
    years = {y["year"]: y for y in charts.timeline()}
    assert years[1997]["cumulative_clusters"] == 7 + 8 + 4
    assert years[2000]["cumulative_clusters"] == 9 + 18 + 7
    assert years[2003]["cumulative_clusters"] == 619
    assert years[2003]["institutions_with_figures"] == 15
    assert years[1998]["cumulative_clusters"] is None


def test_a_new_entry_changes_the_chart(client: Client) -> None:
    TimelineEntry.objects.create(
        year=2004,
        institution=Institution.objects.get(slug="nift"),
        listed=True,
        cumulative_clusters=12,
        source_id=Institution.objects.get(slug="nift").source_id,
        source_section="test",
    )
    response = client.get("/institutions/timeline/")
    assert "2004" in [c.label for c in response.context["entering"].columns]
    assert response.content.decode().count("<svg") >= 2


def test_the_timeline_api_matches_the_page(api) -> None:  # type: ignore[no-untyped-def]
    data = api.get("/api/institution-timeline/").json()
    assert [y["year"] for y in data] == [1989, 1991, 1997, 1998, 2000, 2003, 2005]
    assert data[0]["cumulative_clusters"] == 2


def test_the_stated_count_of_institutions_is_shown_beside_the_list(client: Client) -> None:
    response = client.get("/institutions/timeline/")
    years = {y["year"]: y for y in response.context["years"]}
    assert (years[2000]["stated_institutions"], len(years[2000]["listed"])) == (5, 5)
    assert (years[2005]["stated_institutions"], len(years[2005]["listed"])) == (20, 21)
    body = response.content.decode()
    assert 'data-testid="count-differs"' in body and "20 stated, 21 named" in body
