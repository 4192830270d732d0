"""Properties of the finance projection that hold whatever the inputs."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from clusterdev.planning.model import (
    ClusterGroup,
    Scenario,
    apportion,
    project_finance,
    take_up_schedule,
)

TYPOLOGY_NAMES = ["industrial", "artisan", "services", "mixed"]

costs = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("50"), places=3, allow_nan=False)


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    ceiling = draw(st.integers(min_value=1, max_value=2000))
    typologies = draw(
        st.lists(st.sampled_from(TYPOLOGY_NAMES), min_size=1, max_size=3, unique=True)
    )
    groups = tuple(
        ClusterGroup(
            typology,
            draw(st.integers(min_value=1, max_value=ceiling * 15)),
            draw(costs),
        )
        for typology in typologies
    )
    duration = draw(st.integers(min_value=1, max_value=8))
    if draw(st.booleans()):
        weights = draw(st.lists(st.integers(0, 9), min_size=duration, max_size=duration))
        if sum(weights) == 0:
            weights[0] = 1
        profile = tuple(Fraction(w, sum(weights)) for w in weights)
    else:
        profile = ()
    return Scenario(
        groups=groups,
        clusters_per_year_max=ceiling,
        duration_years=duration,
        first_year=draw(st.integers(min_value=1990, max_value=2100)),
        spending_profile=profile,
        horizon_years=draw(st.integers(min_value=1, max_value=15)),
        inflation_rate=draw(st.sampled_from([Decimal(0), Decimal("0.05")])),
        discount_rate=draw(st.sampled_from([Decimal(0), Decimal("0.08")])),
    )


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_total_spending_equals_clusters_times_cost_whatever_the_ceiling_duration_and_profile(
    scenario: Scenario,
) -> None:
    projection = project_finance(scenario)
    expected = sum((g.clusters * g.cost_per_cluster_crore for g in scenario.groups), Decimal(0))
    assert projection.totals.gross == expected
    assert sum(row.spending_crore for row in projection.years) == expected


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_clusters_in_progress_never_exceed_the_ceiling_times_the_duration(
    scenario: Scenario,
) -> None:
    projection = project_finance(scenario)
    limit = scenario.clusters_per_year_max * scenario.duration_years
    for row in projection.years:
        assert 0 <= row.clusters_in_progress <= min(limit, scenario.clusters)
        assert row.new_clusters <= scenario.clusters_per_year_max


@settings(max_examples=100, deadline=None)
@given(scenarios())
def test_every_cluster_is_taken_up_once_and_stays_in_progress_for_the_duration(
    scenario: Scenario,
) -> None:
    projection = project_finance(scenario)
    assert projection.totals.new_clusters == scenario.clusters
    cluster_years = sum(row.clusters_in_progress for row in projection.years)
    assert cluster_years == scenario.clusters * scenario.duration_years
    assert len(projection.years) == max(scenario.horizon_years, scenario.programme_years)


@settings(max_examples=100, deadline=None)
@given(scenarios())
def test_periods_and_typologies_add_up_to_the_totals(scenario: Scenario) -> None:
    projection = project_finance(scenario)
    totals = projection.totals
    assert totals.first_5_years + totals.next_5_years + totals.after_10_years == totals.gross
    for series, period in (
        ([r.spending_nominal_crore for r in projection.years], totals.nominal),
        ([r.spending_discounted_crore for r in projection.years], totals.discounted),
    ):
        assert sum(series, Decimal(0)) == period.gross
    for row in projection.years:
        assert sum(t.spending_crore for t in row.by_typology) == row.spending_crore
        assert sum(t.new_clusters for t in row.by_typology) == row.new_clusters
        assert row.spending_crore >= 0


@settings(max_examples=100, deadline=None)
@given(scenarios())
def test_inflation_never_lowers_and_discounting_never_raises_the_totals(
    scenario: Scenario,
) -> None:
    totals = project_finance(scenario).totals
    if scenario.inflation_rate > 0:
        assert totals.nominal.gross >= totals.gross
    else:
        assert totals.nominal.gross == totals.gross
    if scenario.discount_rate > 0:
        assert totals.discounted.gross <= totals.nominal.gross


@given(
    st.lists(st.integers(min_value=0, max_value=5000), min_size=1, max_size=4),
    st.integers(min_value=1, max_value=3000),
)
def test_the_take_up_schedule_respects_the_ceiling_and_takes_up_every_cluster(
    counts: list[int], ceiling: int
) -> None:
    schedule = take_up_schedule(counts, ceiling)
    for year in schedule[:-1]:
        assert sum(year) == ceiling
    if schedule:
        assert 0 < sum(schedule[-1]) <= ceiling
    assert [sum(year[i] for year in schedule) for i in range(len(counts))] == counts


@given(
    st.lists(st.fractions(min_value=0, max_value=1000, max_denominator=97), min_size=1, max_size=12)
)
def test_apportioned_values_add_up_to_the_rounded_total_and_move_less_than_one_step(
    values: list[Fraction],
) -> None:
    step = Decimal("0.01")
    rounded = apportion(values, step)
    total = sum(values, Fraction(0))
    assert abs(Fraction(sum(rounded, Decimal(0))) - total) <= Fraction(1, 200)
    for exact, value in zip(values, rounded, strict=True):
        assert abs(Fraction(value) - exact) < Fraction(1, 100)
