"""A planner opens /planning/, changes an assumption and sees the tables follow (htmx)."""

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _first_year_spending(page: Any) -> str:
    return page.locator("#years tbody tr").first.locator("td").nth(2).inner_text()


def test_changing_clusters_per_year_updates_the_spending_table(page: Any, demo_server: str) -> None:
    page.goto(demo_server + "/planning/")
    assert page.get_by_role("heading", name="Resource planner").is_visible()
    assert _first_year_spending(page) == "200"
    assert page.locator("#totals").inner_text().count("5,000") >= 1

    page.get_by_label("Clusters taken up per year (at most)").fill("500")
    page.get_by_label("Clusters taken up per year (at most)").press("Tab")
    page.wait_for_function("location.search.includes('clusters_per_year_max=500')")
    page.wait_for_function(
        "document.querySelector('#years tbody tr td:nth-of-type(3)').innerText.trim() === '100'"
    )
    assert _first_year_spending(page) == "100"
    assert page.locator("#years tbody tr").count() >= 14  # ten take-up years + four more


def test_a_bad_value_is_explained_next_to_its_field(page: Any, demo_server: str) -> None:
    page.goto(demo_server + "/planning/")
    field = page.get_by_label("Years of one cluster initiative")
    field.fill("0")
    field.press("Tab")
    message = page.locator("#id_duration_years_error")
    message.wait_for(state="visible")
    assert "from 1 to 50" in message.inner_text()
    field.fill("5")
    field.press("Tab")
    page.wait_for_function("document.querySelector('#id_duration_years_error').hidden")
    assert _first_year_spending(page) == "200"


def test_the_planner_fits_a_phone_screen(browser: Any, demo_server: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    for path in ["/planning/", "/planning/grants/", "/planning/compare/?s=seed&s=seed"]:
        page.goto(demo_server + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (path, width)
    context.close()


def test_the_grant_calculator_answers_in_place(page: Any, demo_server: str) -> None:
    page.goto(demo_server + "/planning/grants/")
    page.get_by_label("Version").fill("2007")
    page.get_by_label("Project cost (Rs crore)").fill("18")
    page.get_by_label("Project cost (Rs crore)").press("Tab")
    page.locator("#grant").wait_for()
    assert re.search(r"10\.5", page.locator("#grant").inner_text())
