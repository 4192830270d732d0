import doctest
from decimal import Decimal

from clusterdev.actionplans import rules


def test_doctests_pass():
    result = doctest.testmod(rules)
    assert result.attempted > 10 and result.failed == 0


def test_shares_under_100_are_an_error_too():
    message = rules.shares_error({"share_private": 50, "share_scheme": 40})
    assert "90 %, under 100 %" in message and "private 50" in message and "scheme 40" in message


def test_decimal_shares_that_add_up_exactly_pass():
    shares = {"share_private": Decimal("33.33"), "share_institution": Decimal("33.33"),
              "share_scheme": Decimal("33.34"), "share_state": 0}  # fmt: skip
    assert rules.shares_error(shares) is None


def test_targets_come_from_the_data_file_with_a_source():
    targets = rules.targets()
    assert (targets["industrial"].low, targets["industrial"].high) == (50, 60)
    assert (targets["artisan"].low, targets["artisan"].high) == (10, 25)
    assert targets["services"].label == "no target"
    assert all(t.source for t in targets.values())
