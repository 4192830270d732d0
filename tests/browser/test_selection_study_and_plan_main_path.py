"""Steps 1, 2 and 4 on the demo, as its CDA: she scores one more candidate on the selection
page, fills a section of the diagnostic study and corrects a constraint, and adds an activity
to the draft action plan. What she adds she removes again, so the demo stays as it was."""

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import sign_in_to_the_demo_initiative

pytestmark = pytest.mark.browser


def test_the_cda_scores_a_candidate_on_the_selection_page(
    page: Any, demo_server: str, demo_var_dir: Path
) -> None:
    sign_in_to_the_demo_initiative(page, demo_server, demo_var_dir, "demo-cda")
    page.get_by_role("link", name=re.compile("^Step 1: selection scoring")).click()
    scoring = page.locator("form", has=page.get_by_role("button", name="Save score"))
    scoring.get_by_label("Cluster").fill("kannur-handloom")
    for criterion, score in (("Socio economic importance", "6"), ("Promotability", "7"),
                             ("Viability", "5"), ("Sustainability", "6")):  # fmt: skip
        scoring.get_by_label(criterion, exact=True).fill(score)
    scoring.get_by_role("button", name="Save score").click()
    expect(page.get_by_text("Score saved.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Kannur")
    expect(row).to_contain_text("6.0")  # the weighted mean, with equal weights
    row.get_by_role("button", name="remove").click()
    expect(page.get_by_role("row").filter(has_text="Kannur")).to_have_count(0)


def test_the_cda_fills_a_study_section_and_corrects_a_constraint(
    page: Any, demo_server: str, demo_var_dir: Path
) -> None:
    sign_in_to_the_demo_initiative(page, demo_server, demo_var_dir, "demo-cda")
    page.get_by_role("link", name="Actor map").first.click()
    page.get_by_role("link", name="Diagnostic study", exact=True).first.click()
    page.wait_for_url(re.compile(r"/diagnostics/initiatives/\d+/$"))
    threats = "Cheaper imported glassware; gas prices may rise."
    page.get_by_label("Threats", exact=True).fill(threats)
    page.get_by_role("button", name="Save the study").click()
    expect(page.get_by_text("Study saved.")).to_be_visible()
    expect(page.get_by_label("Threats", exact=True)).to_have_value(threats)

    row = page.get_by_role("row").filter(has_text="Each unit buys soda ash alone")
    row.get_by_role("link", name="edit").click()
    expect(page.get_by_role("heading", name="Edit Each unit buys soda ash alone")).to_be_visible()
    page.get_by_label("Description", exact=True).fill("Traders charge small units 15% more.")
    page.get_by_role("button", name="Save the constraint").click()
    expect(page.get_by_text("Constraint saved.")).to_be_visible()
    expect(row).to_contain_text("Traders charge small units 15% more.")
    expect(page.get_by_role("button", name="Add the constraint")).to_be_visible()


def test_the_cda_adds_an_activity_to_the_draft_plan(
    page: Any, demo_server: str, demo_var_dir: Path
) -> None:
    sign_in_to_the_demo_initiative(page, demo_server, demo_var_dir, "demo-cda")
    page.locator("#action-plan-panel").get_by_role("link", name="Action plan", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile(r"Action plan · v2"))).to_be_visible()
    page.get_by_role("link", name="Add an activity").click()
    page.get_by_label("Title").fill("Browser: cullet recycling pilot")
    page.get_by_label("Each unit buys soda ash alone").check()
    page.get_by_label("Budget (Rs)").fill("500000")
    page.get_by_label("Start date").fill("2026-10-01")
    page.get_by_label("End date").fill("2027-03-31")
    page.get_by_label("Responsible").fill("Glass association")
    for share, percent in (("Private", "50"), ("Institution", "10"), ("Scheme", "30"),
                           ("State", "5")):  # fmt: skip
        page.get_by_label(f"{share} share (%)").fill(percent)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(re.compile("The funding shares add up to 95 %"))).to_be_visible()
    page.get_by_label("State share (%)").fill("10")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Activity saved.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Browser: cullet recycling pilot")
    expect(row).to_contain_text("Each unit buys soda ash alone")
    expect(row).to_contain_text("500,000")
    row.get_by_role("button", name="Remove").click()
    expect(page.get_by_text("Activity removed.")).to_be_visible()
    expect(row).to_have_count(0)
