"""A visitor opens the home page, filters the cluster list, opens a cluster, downloads the CSV."""

import csv
import io
import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_visitor_filters_opens_a_cluster_and_downloads_the_csv(page: Any, demo_server: str) -> None:
    page.goto(demo_server + "/")
    assert page.get_by_role("heading", name="India's enterprise clusters").is_visible()
    assert int(page.get_by_test_id("total-clusters").inner_text().replace(",", "")) >= 20
    assert page.locator("svg.map circle").count() >= 10

    page.get_by_role("link", name="Clusters", exact=True).click()
    page.wait_for_url(re.compile(r"/clusters/"))
    everything = int(page.get_by_test_id("result-count").locator("strong").inner_text())

    # Ticking a type updates the results in place (htmx) and the address (shareable).
    page.get_by_label(re.compile("Handloom")).check()
    page.wait_for_function("location.search.includes('typology=handloom')")
    page.wait_for_function(
        "n => Number(document.querySelector('[data-testid=result-count] strong').innerText) < n",
        arg=everything,
    )
    rows = page.locator("#results tbody tr")
    assert 1 <= rows.count() < everything
    assert page.get_by_role("link", name=re.compile("Kannur")).is_visible()

    with page.expect_download() as download_info:
        page.get_by_test_id("export-csv").click()
    path = download_info.value.path()
    with open(path, encoding="utf-8-sig") as handle:
        exported = list(csv.DictReader(io.StringIO(handle.read())))
    assert exported and {row["typology"] for row in exported} == {"handloom"}

    page.get_by_role("link", name=re.compile("Kannur")).first.click()
    page.wait_for_url(re.compile(r"/clusters/kannur"))
    assert page.get_by_role("heading", name="Estimates side by side").is_visible()
    assert page.get_by_role("heading", name="History of changes").is_visible()
    assert page.locator("svg.map circle.highlight").count() == 1


def test_search_box_narrows_the_list_as_you_type(page: Any, demo_server: str) -> None:
    page.goto(demo_server + "/clusters/")
    page.get_by_placeholder("Name, product, place, NIC").fill("glass")
    page.wait_for_function("location.search.includes('q=glass')")
    page.wait_for_function("document.querySelectorAll('#results tbody tr').length === 1")
    assert page.get_by_role("link", name="Firozabad glass").is_visible()


def test_pages_fit_a_phone_screen(browser: Any, demo_server: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in ["/", "/clusters/", "/clusters/firozabad-glass/", "/figures/", "/about/data/"]:
        page.goto(demo_server + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px on a phone"
    context.close()
