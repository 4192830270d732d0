"""Reading user input with the model's readers, guarded against arithmetic overflow.

The model reports every bad field as a :class:`PlanningInputError`. A few absurd values
(e.g. a spending share with forty digits) overflow the decimal context before a range
check sees them; here such an overflow becomes a field error too, naming the top-level
input that caused it, so that no entry point answers a 500.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from clusterdev.planning.model import (
    GrantRequest,
    GrantResult,
    PlanningInputError,
    PlanResult,
    Scenario,
    calculate_grant,
    compute,
)

T = TypeVar("T")
TOO_LARGE = "is out of range: a number far too large (or too precise) to work with"


def _guarded(work: Callable[[Any], T], mapping: Any) -> T:
    try:
        return work(mapping)
    except ArithmeticError:
        pass
    if isinstance(mapping, Mapping):
        for key in mapping:
            rest = {k: v for k, v in mapping.items() if k != key}
            try:
                work(rest)
            except ArithmeticError:
                continue
            except PlanningInputError:
                pass
            raise PlanningInputError.single(str(key), TOO_LARGE) from None
    raise PlanningInputError.single("input", TOO_LARGE) from None


def read_scenario(mapping: Any) -> Scenario:
    """``Scenario.from_mapping`` and validation; every problem as a PlanningInputError."""
    return _guarded(lambda m: Scenario.from_mapping(m).validate(), mapping)


def plan(mapping: Any) -> PlanResult:
    """The plan of a scenario mapping; every problem as a PlanningInputError."""
    return _guarded(lambda m: compute(Scenario.from_mapping(m)), mapping)


def grant(mapping: Any) -> GrantResult:
    """The grant for a request mapping; every problem as a PlanningInputError."""
    return _guarded(lambda m: calculate_grant(GrantRequest.from_mapping(m)), mapping)
