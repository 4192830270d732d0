"""The three ways user input enters the planner, each answering bad input with field errors.

The model's readers refuse every bad field, including numbers too long or too precise to plan
with, as a :class:`PlanningInputError`; the CLI, the API and the pages all read through here so
they agree on what is accepted.
"""

from __future__ import annotations

from typing import Any

from clusterdev.planning.model import (
    GrantRequest,
    GrantResult,
    PlanResult,
    Scenario,
    calculate_grant,
    compute,
)


def read_scenario(mapping: Any) -> Scenario:
    """``Scenario.from_mapping`` and validation; every problem as a PlanningInputError."""
    return Scenario.from_mapping(mapping).validate()


def plan(mapping: Any) -> PlanResult:
    """The plan of a scenario mapping; every problem as a PlanningInputError."""
    return compute(Scenario.from_mapping(mapping))


def grant(mapping: Any) -> GrantResult:
    """The grant for a request mapping; every problem as a PlanningInputError."""
    return calculate_grant(GrantRequest.from_mapping(mapping))
