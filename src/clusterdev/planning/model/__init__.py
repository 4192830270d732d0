"""Pure computation core of the ClusterDev resource planner (no Django).

Finance and human-resources projections of a cluster development programme,
and scheme grant calculators driven by dated, versioned rule files.

Main entry points:

- :func:`seed_scenario` / :meth:`Scenario.from_mapping` build the inputs;
- :func:`compute` returns a :class:`PlanResult` whose ``to_dict()`` is the
  JSON of ``clusterdev plan --format json``;
- :func:`calculate_grant` and :func:`split_revenue` apply scheme rules;
- every bad input raises :class:`PlanningInputError` with all field errors.

Money is in Rs crore as :class:`~decimal.Decimal`; JSON numbers are integers
when whole and exact decimal strings otherwise.

Examples
--------
>>> from clusterdev.planning.model import compute, seed_scenario
>>> result = compute(seed_scenario())
>>> [int(year.spending_crore) for year in result.years]
[200, 400, 600, 800, 1000, 800, 600, 400, 200, 0]
"""

from .amounts import JsonNumber, apportion, json_number
from .errors import FieldError, PlanningInputError, RulesDataError
from .finance import (
    FinanceProjection,
    FinanceTotals,
    PeriodTotals,
    TypologyYear,
    YearRow,
    project_finance,
    take_up_schedule,
)
from .grants import (
    BRACKETS_NOTE,
    CATEGORIES,
    Ceiling,
    GrantRequest,
    GrantResult,
    PartyShare,
    SplitResult,
    calculate_grant,
    split_revenue,
)
from .hr import (
    HrProjection,
    HrTotals,
    RoleResult,
    gap_closing_year,
    project_hr,
    training_needed_per_year,
)
from .plan import UNITS, PlanResult, compute
from .roles import NEED_BASES, RATIO_POINTS, TYPOLOGIES, NeedRule, Role, TypologyRatio
from .rules import (
    Band,
    ComponentRule,
    SchemeRules,
    SeedReference,
    SizeClass,
    Source,
    SplitShare,
    available_schemes,
    default_roles,
    find_scheme,
    load_schemes,
    parse_scheme_rules,
    seed_mapping,
    seed_reference,
)
from .scenario import LIMITS, ClusterGroup, Scenario, seed_scenario

__all__ = [
    "BRACKETS_NOTE",
    "CATEGORIES",
    "LIMITS",
    "NEED_BASES",
    "RATIO_POINTS",
    "TYPOLOGIES",
    "UNITS",
    "Band",
    "Ceiling",
    "ClusterGroup",
    "ComponentRule",
    "FieldError",
    "FinanceProjection",
    "FinanceTotals",
    "GrantRequest",
    "GrantResult",
    "HrProjection",
    "HrTotals",
    "JsonNumber",
    "NeedRule",
    "PartyShare",
    "PeriodTotals",
    "PlanResult",
    "PlanningInputError",
    "Role",
    "RoleResult",
    "RulesDataError",
    "Scenario",
    "SchemeRules",
    "SeedReference",
    "SizeClass",
    "Source",
    "SplitResult",
    "SplitShare",
    "TypologyRatio",
    "TypologyYear",
    "YearRow",
    "apportion",
    "available_schemes",
    "calculate_grant",
    "compute",
    "default_roles",
    "find_scheme",
    "gap_closing_year",
    "json_number",
    "load_schemes",
    "parse_scheme_rules",
    "project_finance",
    "project_hr",
    "seed_mapping",
    "seed_reference",
    "seed_scenario",
    "split_revenue",
    "take_up_schedule",
    "training_needed_per_year",
]
