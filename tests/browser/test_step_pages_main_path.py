"""The step apps' main pages on the demo: the CDA extends the actor map; the action plan and
its comparison read well; the TA unlocks an approved monitoring period with a reason, and the
values grid opens in place."""

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.helpers import sign_in_to_the_demo_initiative

pytestmark = pytest.mark.browser


def test_the_cda_adds_an_actor_and_a_tie_to_the_map(
    page: Any, demo_server: str, demo_var_dir: Path
) -> None:
    sign_in_to_the_demo_initiative(page, demo_server, demo_var_dir, "demo-cda")
    page.get_by_role("link", name="Actor map").first.click()
    assert page.get_by_role("img", name="Network of 6 actors and 5 ties").is_visible()
    page.get_by_label("Name", exact=True).fill("Design school")
    page.get_by_label("Kind", exact=True).select_option("public_institution")
    page.get_by_role("button", name="Save the actor").click()
    assert page.get_by_text("Actor saved.").is_visible()
    page.get_by_label("From", exact=True).select_option(label="Design school")
    page.get_by_label("To", exact=True).select_option(label="Glass association")
    page.get_by_label("Kind of tie", exact=True).select_option("service")
    page.get_by_role("button", name="Add the tie").click()
    assert page.get_by_role("img", name="Network of 7 actors and 6 ties").is_visible()


def test_the_action_plan_and_its_first_approved_version(
    page: Any, demo_server: str, demo_var_dir: Path
) -> None:
    sign_in_to_the_demo_initiative(page, demo_server, demo_var_dir, "demo-cda")
    panel = page.locator("#action-plan-panel")
    panel.get_by_role("link", name="Action plan", exact=True).click()
    assert page.get_by_role("heading", name=re.compile(r"Action plan · v2")).is_visible()
    assert page.get_by_text("Second furnace line").first.is_visible()
    page.get_by_role("link", name="Compare the latest version with the first approved one").click()
    assert page.get_by_role("heading", name="Added").is_visible()


def test_the_ta_unlocks_an_approved_period_with_a_reason(
    page: Any, demo_server: str, demo_var_dir: Path
) -> None:
    sign_in_to_the_demo_initiative(page, demo_server, demo_var_dir, "demo-ta")
    page.get_by_role("link", name="Monitoring page and dashboard").click()
    assert page.locator("svg").first.is_visible()
    page.get_by_label("Reason").first.fill("Exports of March were entered twice")
    page.get_by_role("button", name="Unlock").first.click()
    assert page.get_by_text("Exports of March were entered twice").is_visible()
    page.get_by_role("link", name="values").first.click()
    page.wait_for_selector("#grid table")
