"""A curator starts a mapping run from the web, watches it finish in the background,
and accepts a cluster it found."""

import re
from pathlib import Path
from typing import Any

import pytest

from tests.browser.helpers import sign_in

pytestmark = pytest.mark.browser


def test_curator_runs_the_engine_in_the_background_and_accepts_a_cluster(
    page: Any, demo_server: str, demo_var_dir: Path
) -> None:
    sign_in(page, demo_server, demo_var_dir, "admin", "/mapping/")
    page.get_by_label("Title").fill("Browser run")
    page.get_by_role("button", name="Start mapping").click()
    page.wait_for_url(re.compile(r"/mapping/runs/\d+/"))
    # The page polls the background job until it is done.
    page.wait_for_selector("#run-status[data-status=done]", timeout=120_000)
    assert page.get_by_role("heading", name=re.compile("Matched")).is_visible()
    # The demo already took in this register's clusters, so they are matched, not new.
    assert int(page.get_by_test_id("count-matched").inner_text()) >= 5
    page.locator("input[name=candidate]").first.check()
    page.get_by_role("button", name="Accept ticked").click()
    assert page.get_by_text("1 accepted.").is_visible()
