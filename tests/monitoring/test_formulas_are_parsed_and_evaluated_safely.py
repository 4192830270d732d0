"""Indicator formulas: numbers, + - * /, parentheses, codes, sum/min/max; nothing else."""

from __future__ import annotations

import doctest
from decimal import Decimal

import pytest

from clusterdev.monitoring import formula
from clusterdev.monitoring.formula import FormulaError, evaluate, parse


def test_the_module_doctests_pass():
    result = doctest.testmod(formula)
    assert result.failed == 0 and result.attempted > 5


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os').system('true')",
        "exports.real",
        "exports ** 2",
        "exports % 2",
        "[exports]",
        "exports if turnover else 1",
        "exports < turnover",
        "'text'",
        "lambda: 1",
        "1e400 * exports",
        "sum()",
        "max(*exports)",
        "",
        "exports / ",
        "x" * 600,
    ],
)
def test_anything_but_arithmetic_is_refused_with_a_message(text):
    with pytest.raises(FormulaError) as error:
        parse(text)
    assert str(error.value).endswith(".")


def test_division_by_zero_and_missing_inputs_are_not_computable():
    share = parse("employment_women / (employment_women + employment_men) * 100")
    assert evaluate(share, {"employment_women": Decimal(0), "employment_men": Decimal(0)}) is None
    assert evaluate(share, {"employment_women": Decimal(30)}) is None
    assert evaluate(
        share, {"employment_women": Decimal(30), "employment_men": Decimal(90)}
    ) == Decimal(25)


def test_functions_work_and_are_not_element_codes():
    parsed = parse("sum(a, b, c) / max(units, 1) - min(a, 0)")
    assert parsed.codes == {"a", "b", "c", "units"}
    values = {"a": Decimal(1), "b": Decimal(2), "c": Decimal(3), "units": Decimal(0)}
    assert evaluate(parsed, values) == Decimal(6)


def test_the_display_and_progress_doctests_pass():
    from clusterdev.monitoring import compute, dashboard

    for module in (compute, dashboard):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted >= 1
