"""Finance projection: clusters taken up, clusters in progress and spending by year.

Clusters are taken up at most ``clusters_per_year_max`` a year until all are
covered; when a scenario mixes typologies, each year's intake is shared among
them in proportion to the clusters each still has to take up (largest
remainder, so counts stay whole).  A cluster taken up in year *y* spends
``profile[k]`` of its cost in year *y + k* and is "in progress" for
``duration_years`` years.

Spending is exact (fractions) until the end.  It is then rounded per
typology to Rs 0.01 crore (or finer when a cost is given more precisely) by
largest remainder, so every table adds up: the years add up to the totals and
the typologies to the years.  With decimal costs and decimal shares nothing
is rounded at all.

Prices: costs are at first-year prices.  ``spending_nominal_crore`` applies
inflation, ``(1 + inflation_rate) ** t`` for the *t*-th year after the
first; ``spending_discounted_crore`` brings the nominal figure back to the
first year at ``(1 + discount_rate) ** -t``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .amounts import JsonNumber, apportion, json_number, quantum_for, tidy
from .rules import share_text
from .scenario import Scenario

__all__ = [
    "FinanceProjection",
    "FinanceTotals",
    "PeriodTotals",
    "TypologyYear",
    "YearRow",
    "project_finance",
    "take_up_schedule",
]


@dataclass(frozen=True)
class TypologyYear:
    """One typology's share of one year."""

    typology: str
    new_clusters: int
    clusters_in_progress: int
    spending_crore: Decimal

    def to_dict(self) -> dict[str, JsonNumber]:
        """JSON-safe mapping (numbers: ``int`` if whole, else exact text)."""
        return {
            "new_clusters": self.new_clusters,
            "clusters_in_progress": self.clusters_in_progress,
            "spending_crore": json_number(self.spending_crore),
        }


@dataclass(frozen=True)
class YearRow:
    """One year of the finance projection.

    ``year_number`` counts from 1 (the seed's "Yr. I").  ``spending_crore``
    is at first-year prices; ``spending_nominal_crore`` includes inflation
    and ``spending_discounted_crore`` is the nominal figure discounted to the
    first year (both equal ``spending_crore`` when the rates are 0).
    """

    year: int
    year_number: int
    new_clusters: int
    clusters_in_progress: int
    spending_crore: Decimal
    spending_nominal_crore: Decimal
    spending_discounted_crore: Decimal
    by_typology: tuple[TypologyYear, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe mapping with ``year``, ``new_clusters``, ``clusters_in_progress``,
        ``spending_crore`` and the extra fields."""
        return {
            "year": self.year,
            "year_number": self.year_number,
            "new_clusters": self.new_clusters,
            "clusters_in_progress": self.clusters_in_progress,
            "spending_crore": json_number(self.spending_crore),
            "spending_nominal_crore": json_number(self.spending_nominal_crore),
            "spending_discounted_crore": json_number(self.spending_discounted_crore),
            "by_typology": {t.typology: t.to_dict() for t in self.by_typology},
        }


@dataclass(frozen=True)
class PeriodTotals:
    """Spending over years 1-5, 6-10, 11 on, and all years."""

    first_5_years: Decimal
    next_5_years: Decimal
    after_10_years: Decimal
    gross: Decimal

    @classmethod
    def of(cls, values: Sequence[Decimal]) -> PeriodTotals:
        """Add up yearly values by period.

        Examples
        --------
        >>> PeriodTotals.of([Decimal(v) for v in (2, 4, 6, 8, 10, 8, 6, 4, 2, 0, 1)])
        PeriodTotals(first_5_years=Decimal('30'), next_5_years=Decimal('20'), \
after_10_years=Decimal('1'), gross=Decimal('51'))
        """
        zero = Decimal(0)
        return cls(
            first_5_years=tidy(sum(values[:5], zero)),
            next_5_years=tidy(sum(values[5:10], zero)),
            after_10_years=tidy(sum(values[10:], zero)),
            gross=tidy(sum(values, zero)),
        )

    def to_dict(self) -> dict[str, JsonNumber]:
        """JSON-safe mapping."""
        return {
            "first_5_years": json_number(self.first_5_years),
            "next_5_years": json_number(self.next_5_years),
            "after_10_years": json_number(self.after_10_years),
            "gross": json_number(self.gross),
        }


@dataclass(frozen=True)
class FinanceTotals:
    """Totals of the projection.

    ``first_5_years``, ``next_5_years``, ``after_10_years`` and ``gross`` are
    at first-year prices; ``nominal`` and ``discounted`` hold the same
    periods with inflation and discounting applied.
    """

    first_5_years: Decimal
    next_5_years: Decimal
    after_10_years: Decimal
    gross: Decimal
    nominal: PeriodTotals
    discounted: PeriodTotals
    new_clusters: int
    peak_clusters_in_progress: int
    peak_spending_crore: Decimal

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe mapping with ``first_5_years``, ``next_5_years``, ``gross`` and more."""
        return {
            "first_5_years": json_number(self.first_5_years),
            "next_5_years": json_number(self.next_5_years),
            "after_10_years": json_number(self.after_10_years),
            "gross": json_number(self.gross),
            "new_clusters": self.new_clusters,
            "peak_clusters_in_progress": self.peak_clusters_in_progress,
            "peak_spending_crore": json_number(self.peak_spending_crore),
            "nominal": self.nominal.to_dict(),
            "discounted": self.discounted.to_dict(),
        }


@dataclass(frozen=True)
class FinanceProjection:
    """Year-by-year finance projection with its totals.

    ``rounding_step_crore`` is the step the spending figures are rounded to
    (see the module docstring); ``notes`` explain anything a reader should
    know (an extended horizon, the rounding).
    """

    years: tuple[YearRow, ...]
    totals: FinanceTotals
    rounding_step_crore: Decimal
    notes: tuple[str, ...]


def take_up_schedule(clusters: Sequence[int], ceiling: int) -> tuple[tuple[int, ...], ...]:
    """Share out the yearly intake among groups of clusters until all are taken up.

    Each year takes up ``min(ceiling, clusters left)``; the intake is shared
    in proportion to what each group has left, by largest remainder (ties to
    the earlier group), so every count is whole.

    Parameters
    ----------
    clusters : sequence of int
        Clusters to take up, per group (each ≥ 0).
    ceiling : int
        Most clusters taken up in a year (≥ 1).

    Returns
    -------
    tuple of tuple of int
        One tuple per year, holding each group's new clusters.

    Examples
    --------
    >>> take_up_schedule([5000], 1000)
    ((1000,), (1000,), (1000,), (1000,), (1000,))
    >>> take_up_schedule([300, 100], 150)
    ((113, 37), (112, 38), (75, 25))
    """
    if ceiling < 1:
        raise ValueError("ceiling must be at least 1")
    if any(count < 0 for count in clusters):
        raise ValueError("cluster counts must be ≥ 0")
    remaining = list(clusters)
    years: list[tuple[int, ...]] = []
    while (left := sum(remaining)) > 0:
        intake = min(ceiling, left)
        if intake == left:
            taken = list(remaining)
        else:
            quotas = [Fraction(intake * count, left) for count in remaining]
            taken = [math.floor(quota) for quota in quotas]
            missing = intake - sum(taken)
            order = sorted(range(len(quotas)), key=lambda i: (taken[i] - quotas[i], i))
            for index in order[:missing]:
                taken[index] += 1
        remaining = [have - took for have, took in zip(remaining, taken, strict=True)]
        years.append(tuple(taken))
    return tuple(years)


def _power(base: Fraction, exponents: int) -> list[Fraction]:
    values = [Fraction(1)]
    for _ in range(1, exponents):
        values.append(values[-1] * base)
    return values


def project_finance(scenario: Scenario) -> FinanceProjection:
    """Project clusters and spending year by year.

    Parameters
    ----------
    scenario : Scenario
        Validated first (raises ``PlanningInputError`` if invalid).

    Returns
    -------
    FinanceProjection
        One row per year for ``scenario.years_shown`` years, and totals.

    Examples
    --------
    >>> from clusterdev.planning.model.scenario import seed_scenario
    >>> projection = project_finance(seed_scenario())
    >>> [str(row.spending_crore) for row in projection.years]
    ['200', '400', '600', '800', '1000', '800', '600', '400', '200', '0']
    >>> t = projection.totals
    >>> t.first_5_years, t.next_5_years, t.gross
    (Decimal('3000'), Decimal('2000'), Decimal('5000'))
    """
    scenario.validate()
    groups = scenario.groups
    profile = scenario.profile
    duration = scenario.duration_years
    horizon = scenario.years_shown
    schedule = take_up_schedule([g.clusters for g in groups], scenario.clusters_per_year_max)

    def new_in(group: int, year: int) -> int:
        return schedule[year][group] if 0 <= year < len(schedule) else 0

    growth = _power(1 + Fraction(scenario.inflation_rate), horizon)
    discount = _power(1 / (1 + Fraction(scenario.discount_rate)), horizon)
    step = quantum_for(g.cost_per_cluster_crore for g in groups)

    new: list[list[int]] = []
    in_progress: list[list[int]] = []
    real: list[tuple[Decimal, ...]] = []
    nominal: list[tuple[Decimal, ...]] = []
    discounted: list[tuple[Decimal, ...]] = []
    for index, group in enumerate(groups):
        cost = Fraction(group.cost_per_cluster_crore)
        new.append([new_in(index, y) for y in range(horizon)])
        in_progress.append(
            [sum(new_in(index, y - k) for k in range(duration)) for y in range(horizon)]
        )
        exact = [
            cost * sum((profile[k] * new_in(index, y - k) for k in range(duration)), Fraction(0))
            for y in range(horizon)
        ]
        real.append(apportion(exact, step))
        nominal.append(apportion([v * growth[y] for y, v in enumerate(exact)], step))
        discounted.append(
            apportion([v * growth[y] * discount[y] for y, v in enumerate(exact)], step)
        )

    zero = Decimal(0)
    rows = tuple(
        YearRow(
            year=scenario.first_year + y,
            year_number=y + 1,
            new_clusters=sum(new[g][y] for g in range(len(groups))),
            clusters_in_progress=sum(in_progress[g][y] for g in range(len(groups))),
            spending_crore=tidy(sum((real[g][y] for g in range(len(groups))), zero)),
            spending_nominal_crore=tidy(sum((nominal[g][y] for g in range(len(groups))), zero)),
            spending_discounted_crore=tidy(
                sum((discounted[g][y] for g in range(len(groups))), zero)
            ),
            by_typology=tuple(
                TypologyYear(group.typology, new[g][y], in_progress[g][y], tidy(real[g][y]))
                for g, group in enumerate(groups)
            ),
        )
        for y in range(horizon)
    )
    spending = PeriodTotals.of([row.spending_crore for row in rows])
    totals = FinanceTotals(
        first_5_years=spending.first_5_years,
        next_5_years=spending.next_5_years,
        after_10_years=spending.after_10_years,
        gross=spending.gross,
        nominal=PeriodTotals.of([row.spending_nominal_crore for row in rows]),
        discounted=PeriodTotals.of([row.spending_discounted_crore for row in rows]),
        new_clusters=sum(row.new_clusters for row in rows),
        peak_clusters_in_progress=max(row.clusters_in_progress for row in rows),
        peak_spending_crore=max(row.spending_crore for row in rows),
    )
    notes = [
        f"Spending in Rs crore at {scenario.first_year} prices, rounded to Rs {step} crore "
        "so that years and typologies add up to the totals."
    ]
    if horizon > scenario.horizon_years:
        notes.append(
            f"Horizon extended from {scenario.horizon_years} to {horizon} years: take-up lasts "
            f"{scenario.take_up_years} years and each initiative {duration} years."
        )
    if scenario.inflation_rate or scenario.discount_rate:
        notes.append(
            f"Nominal spending adds {share_text(scenario.inflation_rate)} inflation a year; "
            "discounted spending is nominal spending discounted at "
            f"{share_text(scenario.discount_rate)} a year to {scenario.first_year}."
        )
    if len(groups) > 1:
        notes.append(
            "Each year's intake is shared among typologies in proportion to the clusters "
            "each still has to take up."
        )
    return FinanceProjection(rows, totals, step, tuple(notes))
