"""Shared steps of the browser tests: signing in to the demo server as one of its users."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

DEMO_INITIATIVE = re.compile("energy-efficient furnaces")


def sign_in(page: Any, demo_server: str, var_dir: Path, username: str, next_: str) -> None:
    """Sign in on the login page and wait for ``next_``; every demo user (and ``admin``) has
    the password the demo wrote to ``demo-admin-password``."""
    page.goto(f"{demo_server}/accounts/login/?next={next_}")
    page.get_by_label("User name", exact=True).fill(username)
    password = (var_dir / "demo-admin-password").read_text().strip()
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(re.escape(next_) + "$"))


def sign_in_to_the_demo_initiative(
    page: Any, demo_server: str, var_dir: Path, username: str
) -> None:
    """Sign in, then open the demo initiative from the list of initiatives."""
    sign_in(page, demo_server, var_dir, username, "/initiatives/")
    page.get_by_role("link", name=DEMO_INITIATIVE).click()
