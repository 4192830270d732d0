"""A whole resource plan: the finance and HR projections of one scenario.

:func:`compute` is the entry point used by the CLI (``clusterdev plan``),
the API and the web forms; :meth:`PlanResult.to_dict` gives the JSON shape
of ``clusterdev plan --format json``::

    {
      "scenario": {...inputs, as Scenario.to_mapping()...},
      "years": [{"year", "year_number", "new_clusters", "clusters_in_progress",
                 "spending_crore", "spending_nominal_crore",
                 "spending_discounted_crore", "by_typology"}, ...],
      "totals": {"first_5_years", "next_5_years", "after_10_years", "gross",
                 "new_clusters", "peak_clusters_in_progress",
                 "peak_spending_crore", "nominal": {...}, "discounted": {...}},
      "hr": [{"role", "label", "required", "available", "gap", "education",
              "required_source", "override", "override_note", "ratio_estimate",
              "training_needed_per_year", "training_capacity_per_year",
              "capacity_is_assumption", "gap_closes_year", "closes_by_target",
              "notes"}, ...],
      "hr_totals": {"required", "available", "gap", "training_needed_per_year",
                    "training_capacity_per_year"},
      "hr_basis": {"base_year", "target_year", "ratio_point", "clusters"},
      "notes": [...],
      "units": {...}
    }

Numbers: a whole number is a JSON integer; any other is a string with its
exact decimal text (e.g. ``"333.33"``), never a float.  Money is in Rs crore.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .finance import FinanceProjection, FinanceTotals, YearRow, project_finance
from .hr import HrProjection, RoleResult, project_hr
from .scenario import Scenario

__all__ = ["UNITS", "PlanResult", "compute"]

UNITS = {
    "money": "Rs crore (1 crore = 10 million rupees)",
    "numbers": "JSON integer when whole, otherwise a string with the exact decimal value",
    "people": "persons",
}


@dataclass(frozen=True)
class PlanResult:
    """Finance and HR projections of one scenario."""

    scenario: Scenario
    finance: FinanceProjection
    hr_projection: HrProjection

    @property
    def years(self) -> tuple[YearRow, ...]:
        """The finance projection's rows."""
        return self.finance.years

    @property
    def totals(self) -> FinanceTotals:
        """The finance projection's totals."""
        return self.finance.totals

    @property
    def hr(self) -> tuple[RoleResult, ...]:
        """The HR projection's rows, one per role."""
        return self.hr_projection.roles

    @property
    def notes(self) -> tuple[str, ...]:
        """Notes from both projections."""
        return self.finance.notes + self.hr_projection.notes

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON shape described in the module docstring.

        Examples
        --------
        >>> from clusterdev.planning.model.scenario import seed_scenario
        >>> data = compute(seed_scenario()).to_dict()
        >>> [y["spending_crore"] for y in data["years"]]
        [200, 400, 600, 800, 1000, 800, 600, 400, 200, 0]
        >>> data["totals"]["first_5_years"], data["totals"]["next_5_years"]
        (3000, 2000)
        >>> data["hr"][0]["role"], data["hr"][0]["required"], data["hr"][0]["gap"]
        ('cda', 10000, 9650)
        """
        hr = self.hr_projection
        return {
            "scenario": self.scenario.to_mapping(),
            "years": [row.to_dict() for row in self.finance.years],
            "totals": self.finance.totals.to_dict(),
            "hr": [role.to_dict() for role in hr.roles],
            "hr_totals": hr.totals.to_dict(),
            "hr_basis": {
                "base_year": hr.base_year,
                "target_year": hr.target_year,
                "ratio_point": hr.ratio_point,
                "clusters": hr.clusters,
            },
            "notes": list(self.notes),
            "units": dict(UNITS),
        }


def compute(scenario: Scenario) -> PlanResult:
    """Compute the finance and HR projections of a scenario.

    Parameters
    ----------
    scenario : Scenario
        The inputs; validated first.

    Returns
    -------
    PlanResult

    Raises
    ------
    PlanningInputError
        With every field error, if the scenario is invalid.

    Examples
    --------
    >>> from clusterdev.planning.model.scenario import seed_scenario
    >>> result = compute(seed_scenario())
    >>> [int(y.spending_crore) for y in result.years]
    [200, 400, 600, 800, 1000, 800, 600, 400, 200, 0]
    >>> result.hr_projection.totals.required, result.hr_projection.totals.available
    (107300, 12972)
    """
    scenario.validate()
    return PlanResult(scenario, project_finance(scenario), project_hr(scenario))
