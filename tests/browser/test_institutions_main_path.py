"""A visitor reads the institutions: the list, one institution with the map of its clusters,
the 2005 status table with the computed total beside the stated one, and the timeline chart."""

import re
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_visitor_opens_an_institution_and_sees_its_clusters_on_the_map(
    page: Any, demo_server: str
) -> None:
    page.goto(demo_server + "/institutions/")
    expect(page.get_by_role("heading", name="Institutions", exact=True)).to_be_visible()
    assert int(page.get_by_test_id("result-count").locator("strong").inner_text()) >= 30
    page.get_by_role("link", name="SBI", exact=True).click()
    page.wait_for_url(re.compile(r"/institutions/sbi/$"))
    clusters = page.locator("section[aria-labelledby=clusters]")
    expect(clusters.get_by_role("list").get_by_role("link", name="Firozabad glass")).to_be_visible()
    expect(clusters.locator("svg.map circle").first).to_be_visible()
    expect(clusters.get_by_role("img").get_by_role("link", name="Firozabad glass")).to_have_count(1)


def test_the_status_table_shows_the_computed_total_beside_the_stated_one(
    page: Any, demo_server: str
) -> None:
    page.goto(demo_server + "/institutions/")
    page.get_by_role("link", name="2005 status table").click()
    page.wait_for_url(re.compile(r"/institutions/status/$"))
    totals = page.get_by_test_id("totals")
    expect(totals).to_contain_text("clusters summed from the 34 rows")
    expect(totals).to_contain_text("1,052")
    expect(totals).to_contain_text("total stated by the source")
    expect(totals).to_contain_text("1,037")
    differ = page.get_by_test_id("totals-differ")
    expect(differ).to_contain_text("The stated totals differ from the sum of the rows.")
    expect(differ.get_by_role("row", name=re.compile("Stated minus sum"))).to_contain_text("-15")


def test_the_timeline_draws_its_charts(page: Any, demo_server: str) -> None:
    page.goto(demo_server + "/institutions/")
    page.get_by_role("link", name="Timeline 1989–2005").click()
    chart = page.get_by_role("img", name="Institutions named for the first time, by year")
    expect(chart).to_be_visible()
    assert chart.locator("rect").count() >= 5
    expect(page.get_by_role("img", name=re.compile("^Cumulative clusters"))).to_be_visible()
    expect(page.get_by_test_id("timeline").locator("tbody tr").first).to_be_visible()
