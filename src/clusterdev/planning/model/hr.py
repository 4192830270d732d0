"""Human-resources projection: requirement, availability, gap and training.

For each role of the scenario:

- **required** is the role's ``required_override`` when the scenario holds
  one (e.g. the seed's figure), else what its need rule gives for the
  clusters covered at the scenario's ``ratio_point``, rounded up.  The
  ratio's low, high and chosen point are always shown beside it, with
  whether the ratio is stated by the source or only implied.
- **gap** = required − available (negative when there is a surplus).
- **training_needed_per_year** closes a positive gap between the base year
  and the target year: ``ceil(gap / (target − base))``.
- **gap_closes_year** is when the gap closes at the current training
  capacity: ``base + ceil(gap / capacity)``; the base year if there is no
  gap, and ``None`` if there is a gap and no capacity.

Requirements are based on all clusters the programme covers (by typology),
as the seed's table is ("across 5,000 additional clusters").
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .roles import Role
from .scenario import Scenario

__all__ = [
    "HrProjection",
    "HrTotals",
    "RoleResult",
    "gap_closing_year",
    "project_hr",
    "training_needed_per_year",
]


def gap_closing_year(gap: int, capacity_per_year: int, base_year: int) -> int | None:
    """Year in which a gap closes when ``capacity_per_year`` people are trained a year.

    Examples
    --------
    >>> gap_closing_year(9650, 35, 2005)
    2281
    >>> gap_closing_year(100, 0, 2005) is None
    True
    >>> gap_closing_year(-5, 0, 2005)
    2005
    """
    if gap <= 0:
        return base_year
    if capacity_per_year <= 0:
        return None
    return base_year + math.ceil(gap / capacity_per_year)


def training_needed_per_year(gap: int, base_year: int, target_year: int) -> int:
    """People to train a year to close ``gap`` between the base and target years.

    Examples
    --------
    >>> training_needed_per_year(9650, 2005, 2010)
    1930
    >>> training_needed_per_year(-10, 2005, 2010)
    0
    """
    if target_year <= base_year:
        raise ValueError("target_year must be after base_year")
    return math.ceil(max(gap, 0) / (target_year - base_year))


@dataclass(frozen=True)
class RoleResult:
    """The projection for one role (see the module docstring for each figure)."""

    role: str
    label: str
    education: str
    required: int
    required_source: str
    override: int | None
    override_note: str
    ratio_low: int
    ratio_high: int
    ratio_estimate: int
    ratio_stated: bool
    ratio_text: str
    available: int
    gap: int
    training_needed_per_year: int
    training_capacity_per_year: int
    capacity_is_assumption: bool
    gap_closes_year: int | None
    closes_by_target: bool
    notes: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe mapping with ``role``, ``required``, ``available``, ``gap`` and more."""
        return {
            "role": self.role,
            "label": self.label,
            "required": self.required,
            "available": self.available,
            "gap": self.gap,
            "education": self.education,
            "required_source": self.required_source,
            "override": self.override,
            "override_note": self.override_note,
            "ratio_estimate": {
                "low": self.ratio_low,
                "high": self.ratio_high,
                "point": self.ratio_estimate,
                "stated": self.ratio_stated,
                "rule": self.ratio_text,
            },
            "training_needed_per_year": self.training_needed_per_year,
            "training_capacity_per_year": self.training_capacity_per_year,
            "capacity_is_assumption": self.capacity_is_assumption,
            "gap_closes_year": self.gap_closes_year,
            "closes_by_target": self.closes_by_target,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class HrTotals:
    """Totals over all roles."""

    required: int
    available: int
    gap: int
    training_needed_per_year: int
    training_capacity_per_year: int

    def to_dict(self) -> dict[str, int]:
        """JSON-safe mapping."""
        return {
            "required": self.required,
            "available": self.available,
            "gap": self.gap,
            "training_needed_per_year": self.training_needed_per_year,
            "training_capacity_per_year": self.training_capacity_per_year,
        }


@dataclass(frozen=True)
class HrProjection:
    """The HR projection: one result per role, totals, and the years used."""

    roles: tuple[RoleResult, ...]
    totals: HrTotals
    base_year: int
    target_year: int
    ratio_point: str
    clusters: int
    notes: tuple[str, ...]

    def role(self, key: str) -> RoleResult:
        """Return the result for role ``key`` (``KeyError`` if absent)."""
        for result in self.roles:
            if result.role == key:
                return result
        raise KeyError(key)


def _range_text(low: int, high: int) -> str:
    return f"{low:,}" if low == high else f"{low:,}-{high:,}"


def _role_result(role: Role, scenario: Scenario) -> RoleResult:
    counts = scenario.clusters_by_typology()
    low, high, estimate = role.ratio_estimate(counts, scenario.ratio_point)
    notes: list[str] = []
    kind = "stated" if role.need.stated else "implied (not stated by the source)"
    if role.required_override is not None:
        required, source = role.required_override, "override"
        where = "within" if low <= role.required_override <= high else "outside"
        notes.append(
            f"Required is an explicit input ({role.required_override:,}); the {kind} ratio "
            f"gives {_range_text(low, high)} ({estimate:,} at its {scenario.ratio_point} point), "
            f"so the input is {where} the ratio's range."
        )
    else:
        required, source = estimate, "ratio"
        notes.append(
            f"Required from the {kind} ratio at its {scenario.ratio_point} point "
            f"(range {_range_text(low, high)})."
        )
    unnamed = role.need.unnamed_typologies(counts)
    if unnamed:
        notes.append(
            "The rule names no ratio for "
            + ", ".join(unnamed)
            + " clusters; the range spans the ratios it names for other typologies."
        )
    if role.capacity_is_assumption:
        notes.append("Training capacity is an assumption (see data/hr_roles.toml), not sourced.")
    gap = required - role.available
    closes = gap_closing_year(gap, role.training_capacity_per_year, scenario.base_year)
    return RoleResult(
        role=role.key,
        label=role.label,
        education=role.education,
        required=required,
        required_source=source,
        override=role.required_override,
        override_note=role.override_note,
        ratio_low=low,
        ratio_high=high,
        ratio_estimate=estimate,
        ratio_stated=role.need.stated,
        ratio_text=role.need.text,
        available=role.available,
        gap=gap,
        training_needed_per_year=training_needed_per_year(
            gap, scenario.base_year, scenario.target_year
        ),
        training_capacity_per_year=role.training_capacity_per_year,
        capacity_is_assumption=role.capacity_is_assumption,
        gap_closes_year=closes,
        closes_by_target=closes is not None and closes <= scenario.target_year,
        notes=tuple(notes),
    )


def project_hr(scenario: Scenario) -> HrProjection:
    """Project HR requirement, availability, gap and training for every role.

    Parameters
    ----------
    scenario : Scenario
        Validated first (raises ``PlanningInputError`` if invalid).

    Returns
    -------
    HrProjection

    Examples
    --------
    >>> from clusterdev.planning.model.scenario import seed_scenario
    >>> hr = project_hr(seed_scenario())
    >>> hr.totals.required, hr.totals.available
    (107300, 12972)
    >>> cda = hr.role("cda")
    >>> cda.required, cda.available, cda.gap, cda.training_needed_per_year
    (10000, 350, 9650, 1930)
    >>> cda.ratio_low, cda.ratio_high, cda.required_source
    (5000, 15000, 'override')
    """
    scenario.validate()
    results = tuple(_role_result(role, scenario) for role in scenario.roles)
    totals = HrTotals(
        required=sum(r.required for r in results),
        available=sum(r.available for r in results),
        gap=sum(r.gap for r in results),
        training_needed_per_year=sum(r.training_needed_per_year for r in results),
        training_capacity_per_year=sum(r.training_capacity_per_year for r in results),
    )
    counts = scenario.clusters_by_typology()
    mix = ", ".join(f"{typology} {count:,}" for typology, count in counts.items())
    notes = (
        f"Requirements are for all {scenario.clusters:,} clusters covered ({mix}); "
        f"availability is at {scenario.base_year}; gaps are to close by {scenario.target_year}.",
        f"Without an override a role needs the {scenario.ratio_point} point of its ratio "
        "(low, mid or high), rounded up to whole persons.",
    )
    return HrProjection(
        roles=results,
        totals=totals,
        base_year=scenario.base_year,
        target_year=scenario.target_year,
        ratio_point=scenario.ratio_point,
        clusters=scenario.clusters,
        notes=notes,
    )
