"""A scheme may be named with its version joined on, as people write it: "mse-cdp-2007"."""

import pytest

from clusterdev.planning.model import PlanningInputError, find_scheme


def test_scheme_and_version_written_together_find_that_version() -> None:
    rules = find_scheme("mse-cdp-2007")
    assert (rules.scheme, rules.version) == ("mse-cdp", "2007")


def test_shorthand_and_an_explicit_version_must_agree() -> None:
    with pytest.raises(PlanningInputError, match="version"):
        find_scheme("mse-cdp-2007", version="2019")


def test_unknown_shorthand_still_lists_the_schemes() -> None:
    with pytest.raises(PlanningInputError, match="allowed: iius, mse-cdp"):
        find_scheme("mse-cdp-1999")
