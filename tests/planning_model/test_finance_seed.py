"""The seed's budget table (Clustering for Progress, chapter 4) is reproduced exactly."""

from __future__ import annotations

from decimal import Decimal

from clusterdev.planning.model import (
    PeriodTotals,
    Scenario,
    compute,
    project_finance,
    seed_mapping,
    seed_reference,
    seed_scenario,
)

SEED_SPENDING = [200, 400, 600, 800, 1000, 800, 600, 400, 200, 0]


def test_the_seed_scenario_gives_the_seeds_spending_row_exactly() -> None:
    years = project_finance(seed_scenario()).years
    assert [row.spending_crore for row in years] == [Decimal(v) for v in SEED_SPENDING]


def test_the_seed_totals_are_3000_plus_2000_equals_5000() -> None:
    totals = project_finance(seed_scenario()).totals
    assert totals.first_5_years == Decimal(3000)
    assert totals.next_5_years == Decimal(2000)
    assert totals.gross == Decimal(5000)
    assert totals.first_5_years + totals.next_5_years == totals.gross
    assert totals.after_10_years == 0


def test_the_seed_projection_shows_ten_years_including_the_tenth_with_zero_spending() -> None:
    years = project_finance(seed_scenario()).years
    assert len(years) == 10
    assert years[-1].spending_crore == 0
    assert years[-1].clusters_in_progress == 0
    assert [row.year_number for row in years] == list(range(1, 11))


def test_the_seed_years_run_from_2006_to_2015() -> None:
    years = project_finance(seed_scenario()).years
    assert [row.year for row in years] == list(range(2006, 2016))


def test_the_seed_new_and_in_progress_clusters_match_the_seeds_table() -> None:
    years = project_finance(seed_scenario()).years
    assert [row.new_clusters for row in years] == [1000] * 5 + [0] * 5
    assert [row.clusters_in_progress for row in years] == [
        1000,
        2000,
        3000,
        4000,
        5000,
        4000,
        3000,
        2000,
        1000,
        0,
    ]


def test_the_projection_equals_the_seed_table_as_written_in_the_data_file() -> None:
    ref = seed_reference()
    projection = project_finance(seed_scenario())
    assert tuple(row.new_clusters for row in projection.years) == ref.budget_new_clusters
    assert (
        tuple(row.clusters_in_progress for row in projection.years)
        == ref.budget_clusters_in_progress
    )
    assert tuple(int(row.spending_crore) for row in projection.years) == (ref.budget_spending_crore)
    assert projection.totals.first_5_years == ref.budget_total_first_5_years
    assert projection.totals.next_5_years == ref.budget_total_next_5_years
    assert projection.totals.gross == ref.budget_gross_total


def test_the_seed_json_has_the_years_and_totals_the_cli_needs() -> None:
    data = compute(seed_scenario()).to_dict()
    assert [y["spending_crore"] for y in data["years"]] == SEED_SPENDING
    first = data["years"][0]
    assert {"year", "new_clusters", "clusters_in_progress", "spending_crore"} <= set(first)
    assert first == first | {"year": 2006, "new_clusters": 1000, "clusters_in_progress": 1000}
    totals = data["totals"]
    assert (totals["first_5_years"], totals["next_5_years"], totals["gross"]) == (
        3000,
        2000,
        5000,
    )


def test_an_empty_mapping_gives_the_seeds_finance_inputs() -> None:
    scenario = Scenario.from_mapping({})
    years = project_finance(scenario).years
    assert [int(row.spending_crore) for row in years] == SEED_SPENDING


def test_the_horizon_extends_when_the_programme_lasts_longer_than_ten_years() -> None:
    mapping = seed_mapping() | {"clusters_per_year_max": 500}
    projection = project_finance(Scenario.from_mapping(mapping))
    assert len(projection.years) == 14  # 10 years of take-up + 5-year initiatives - 1
    assert projection.years[-1].spending_crore > 0
    assert projection.totals.after_10_years > 0
    assert projection.totals.gross == Decimal(5000)
    assert any("Horizon extended from 10 to 14" in note for note in projection.notes)


def test_a_longer_horizon_shows_trailing_years_with_zero_spending() -> None:
    mapping = seed_mapping() | {"horizon_years": 12}
    years = project_finance(Scenario.from_mapping(mapping)).years
    assert len(years) == 12
    assert [int(row.spending_crore) for row in years[9:]] == [0, 0, 0]


def test_an_uneven_spending_profile_front_loads_the_spending() -> None:
    mapping = seed_mapping() | {"spending_profile": ["0.1", "0.2", "0.3", "0.2", "0.2"]}
    projection = project_finance(Scenario.from_mapping(mapping))
    assert [int(row.spending_crore) for row in projection.years] == [
        100,
        300,
        600,
        800,
        1000,
        900,
        700,
        400,
        200,
        0,
    ]
    assert projection.totals.first_5_years == 2800
    assert projection.totals.next_5_years == 2200
    assert projection.totals.gross == 5000


def test_a_profile_given_as_fractions_is_exact_and_still_adds_up() -> None:
    mapping = seed_mapping() | {"duration_years": 3, "spending_profile": ["1/3", "1/3", "1/3"]}
    projection = project_finance(Scenario.from_mapping(mapping))
    assert projection.totals.gross == 5000
    assert sum(row.spending_crore for row in projection.years) == 5000
    # 1000 clusters x Rs 1 crore / 3 = Rs 333.33... crore, rounded to Rs 0.01 crore.
    assert projection.years[0].spending_crore in (Decimal("333.33"), Decimal("333.34"))


def test_inflation_raises_nominal_spending_by_the_yearly_rate() -> None:
    mapping = seed_mapping() | {"inflation_rate": "0.10"}
    projection = project_finance(Scenario.from_mapping(mapping))
    nominal = [row.spending_nominal_crore for row in projection.years]
    assert nominal[:3] == [Decimal(200), Decimal(440), Decimal(726)]  # 600 x 1.1^2
    assert [row.spending_crore for row in projection.years][:3] == [200, 400, 600]
    assert projection.totals.nominal.gross > projection.totals.gross
    assert projection.totals.gross == 5000


def test_discounting_at_the_inflation_rate_gives_back_first_year_prices() -> None:
    mapping = seed_mapping() | {"inflation_rate": "0.07", "discount_rate": "0.07"}
    projection = project_finance(Scenario.from_mapping(mapping))
    for row in projection.years:
        assert row.spending_discounted_crore == row.spending_crore
    assert projection.totals.discounted == PeriodTotals.of(
        [row.spending_crore for row in projection.years]
    )


def test_discounting_alone_lowers_the_totals_by_the_discount_factor() -> None:
    mapping = seed_mapping() | {"discount_rate": "0.10"}
    projection = project_finance(Scenario.from_mapping(mapping))
    discounted = [row.spending_discounted_crore for row in projection.years]
    assert discounted[0] == 200
    assert discounted[1] == Decimal("363.64")  # 400 / 1.1
    assert projection.totals.discounted.gross < projection.totals.gross
    assert projection.totals.nominal.gross == projection.totals.gross


def test_a_typology_mix_with_different_costs_is_costed_per_typology() -> None:
    mapping = seed_mapping() | {
        "clusters": None,
        "groups": [
            {"typology": "industrial", "clusters": 1000, "cost_per_cluster_crore": 2},
            {"typology": "artisan", "clusters": 4000, "cost_per_cluster_crore": "0.5"},
        ],
    }
    projection = project_finance(Scenario.from_mapping(mapping))
    first = projection.years[0]
    by_typology = {t.typology: t for t in first.by_typology}
    assert by_typology["industrial"].new_clusters == 200
    assert by_typology["artisan"].new_clusters == 800
    # (200 x 2 + 800 x 0.5) / 5 years = 160.
    assert first.spending_crore == 160
    assert by_typology["industrial"].spending_crore == 80
    assert by_typology["artisan"].spending_crore == 80
    assert projection.totals.gross == 1000 * 2 + 4000 * Decimal("0.5")


def test_years_beyond_the_tenth_are_totalled_apart_so_the_periods_add_up() -> None:
    mapping = seed_mapping() | {"clusters_per_year_max": 300}
    totals = project_finance(Scenario.from_mapping(mapping)).totals
    assert totals.first_5_years + totals.next_5_years + totals.after_10_years == totals.gross
    assert totals.gross == 5000
