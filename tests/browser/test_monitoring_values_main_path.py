"""The demo CDA opens a period of her own on the monitoring page, enters a value in its grid
and finds it on the dashboard; the TA approves the period and its values are locked for
both of them. The period is new, so the demo's own periods stay as they were."""

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import sign_in_to_the_demo_initiative

pytestmark = pytest.mark.browser

LABEL = "Browser 2026-27"
TURNOVER = "turnover actual Total"


def _period_row(page: Any) -> Any:
    periods = page.locator("section[aria-labelledby=periods-h]")
    return periods.get_by_role("row").filter(has_text=LABEL)


def test_a_value_is_entered_shown_then_locked_by_approval(
    page: Any, browser: Any, demo_server: str, demo_var_dir: Path
) -> None:
    sign_in_to_the_demo_initiative(page, demo_server, demo_var_dir, "demo-cda")
    page.get_by_role("link", name="Monitoring page and dashboard").click()
    adding = page.locator("form", has=page.get_by_role("button", name="Add period"))
    adding.get_by_label("Label").fill(LABEL)  # the demo's two periods are approved
    adding.get_by_label("Start").fill("2026-04-01")
    adding.get_by_label("End").fill("2027-03-31")
    adding.get_by_role("button", name="Add period").click()
    expect(page.get_by_text("Period added.")).to_be_visible()
    expect(_period_row(page)).to_contain_text("open")

    _period_row(page).get_by_role("link", name="enter values").click()
    page.get_by_label(TURNOVER, exact=True).fill("63500")
    page.get_by_role("button", name="Save values").click()
    expect(page.get_by_role("status").filter(has_text="Values saved.")).to_be_visible()
    page.get_by_role("link", name="Show the updated dashboard").click()
    turnover = page.locator("#row-turnover table").first
    expect(turnover.get_by_role("columnheader", name=LABEL)).to_be_visible()
    expect(turnover.get_by_role("row", name=re.compile("^Actual"))).to_contain_text("63500")

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        ta = context.new_page()
        sign_in_to_the_demo_initiative(ta, demo_server, demo_var_dir, "demo-ta")
        ta.get_by_role("link", name="Monitoring page and dashboard").click()
        _period_row(ta).get_by_role("button", name="Approve and lock").click()
        expect(ta.get_by_text(re.compile("approved and locked"))).to_be_visible()
        expect(_period_row(ta)).to_contain_text("approved, locked")
    finally:
        context.close()

    page.reload()
    _period_row(page).get_by_role("link", name="values", exact=True).click()
    expect(page.locator("#grid")).to_contain_text(f"The period {LABEL} is approved and locked")
    expect(page.get_by_label(TURNOVER, exact=True)).to_have_value("63500")
    expect(page.get_by_label(TURNOVER, exact=True)).to_be_disabled()
    expect(page.get_by_role("button", name="Save values")).to_have_count(0)
