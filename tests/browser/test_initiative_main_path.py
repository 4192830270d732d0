"""Institution staff start an initiative and take it through step 1 on the pages; the demo's
CDA records an event; the public reads the portfolio."""

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.helpers import sign_in

pytestmark = pytest.mark.browser


def test_staff_start_an_initiative_and_get_step_one_approved(
    page: Any, demo_server: str, demo_var_dir: Path
) -> None:
    sign_in(page, demo_server, demo_var_dir, "demo-staff", "/initiatives/")
    page.get_by_role("link", name="New initiative").click()
    page.get_by_label("Title", exact=True).fill("Browser initiative")
    page.get_by_label("Institution", exact=True).select_option(label="SIDBI")
    page.get_by_label("Cluster", exact=True).fill("agra-foundries")
    page.get_by_label("Start date", exact=True).fill("2026-01-01")
    page.get_by_label("Planned end date", exact=True).fill(
        "2025-01-01"
    )  # before the start: refused
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("The end date cannot be before the start date.").is_visible()
    page.get_by_label("Planned end date", exact=True).fill("2029-12-31")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(r"/initiatives/\d+/$"))
    page.get_by_role("button", name="Advance to the next step").click()
    assert page.get_by_text("no record yet").first.is_visible()
    page.get_by_role("link", name="Selection", exact=True).click()
    page.get_by_label("Summary", exact=True).fill("Agra foundries chosen among three")
    page.get_by_role("button", name="Save and submit for review").click()
    assert page.get_by_text("Submitted for review.").is_visible()
    page.get_by_role("button", name="Approve").click()
    assert page.get_by_text("Review recorded.").is_visible()
    page.get_by_role("link", name="Browser initiative").click()
    page.get_by_role("button", name="Advance to the next step").click()
    assert page.get_by_text("The initiative entered the next step.").is_visible()
    assert "Diagnostic study" in page.locator("[aria-current=step]").inner_text()


def test_the_demo_cda_records_an_event_with_participants(
    page: Any, demo_server: str, demo_var_dir: Path
) -> None:
    sign_in(page, demo_server, demo_var_dir, "demo-cda", "/initiatives/")
    page.get_by_role("link", name=re.compile("energy-efficient furnaces")).click()
    assert page.get_by_role("heading", name="Action plan and implementation").is_visible()
    page.get_by_role("link", name=re.compile("trust-building events")).click()
    page.get_by_label("Kind", exact=True).select_option("exposure_visit")
    page.get_by_label("Date", exact=True).fill("2026-10-02")
    page.locator("[name=participants-0-actor_type]").select_option("artisan")
    page.locator("[name=participants-0-women]").fill("9")
    page.locator("[name=participants-0-men]").fill("6")
    page.locator("[name=participants-1-women]").fill("5")  # counted, but who were they?
    page.get_by_role("button", name="Save event").click()
    assert page.get_by_text("Nothing was saved").is_visible()
    assert page.get_by_text("Say who these participants were.").is_visible()
    page.locator("[name=participants-1-women]").fill("")
    page.get_by_role("button", name="Save event").click()
    assert page.get_by_text("Event saved.").is_visible()
    assert page.get_by_text(re.compile(r"3 events; 73 participants")).is_visible()


def test_the_public_reads_the_portfolio_with_its_map(page: Any, demo_server: str) -> None:
    page.goto(demo_server + "/initiatives/portfolio/")
    assert page.get_by_role("heading", name="Portfolio of initiatives").is_visible()
    assert page.locator("svg.map circle").count() >= 1
    assert page.get_by_text("Demo: design and marketing").count() == 0  # private
    with page.expect_download() as download:
        page.get_by_role("link", name="Report (PDF)").click()
    assert download.value.suggested_filename == "initiative-portfolio.pdf"
