"""Scenarios read from mappings, round-trip, and serialise to the CLI's JSON shape."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from clusterdev.planning.model import (
    ClusterGroup,
    GrantRequest,
    Scenario,
    calculate_grant,
    compute,
    seed_mapping,
    seed_scenario,
)


def numbers_in(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [n for v in value.values() for n in numbers_in(v)]
    if isinstance(value, list):
        return [n for v in value for n in numbers_in(v)]
    return [value]


def test_the_seed_scenario_is_the_seed_mapping_read_as_is() -> None:
    assert Scenario.from_mapping(seed_mapping()) == seed_scenario()


def test_changing_the_seed_mapping_returned_does_not_change_the_next_one() -> None:
    mapping = seed_mapping()
    mapping["hr"]["cda"]["required"] = 1
    assert seed_mapping()["hr"]["cda"]["required"] == 10_000


def test_the_plan_json_has_years_totals_and_hr_and_dumps_without_floats() -> None:
    data = compute(seed_scenario()).to_dict()
    assert {"years", "totals", "hr", "hr_totals", "scenario", "notes", "units"} <= set(data)
    text = json.dumps(data)
    assert json.loads(text) == data
    for value in numbers_in(data):
        assert not isinstance(value, float)


def test_non_whole_amounts_are_written_as_exact_decimal_strings() -> None:
    mapping = seed_mapping() | {"cost_per_cluster_crore": "0.37"}
    data = compute(Scenario.from_mapping(mapping)).to_dict()
    spending = [year["spending_crore"] for year in data["years"]]
    assert spending[0] == 74  # 1000 x 0.37 / 5 is whole
    assert spending[1] == 148
    mapping = seed_mapping() | {"cost_per_cluster_crore": "0.33"}
    data = compute(Scenario.from_mapping(mapping)).to_dict()
    assert data["years"][0]["spending_crore"] == 66
    mapping = seed_mapping() | {"duration_years": 3}
    data = compute(Scenario.from_mapping(mapping)).to_dict()
    first = data["years"][0]["spending_crore"]
    assert isinstance(first, str)
    assert Decimal(first) in (Decimal("333.33"), Decimal("333.34"))
    assert data["totals"]["gross"] == 5000


def test_the_scenario_echo_in_the_json_reads_back_to_the_same_scenario() -> None:
    data = compute(seed_scenario()).to_dict()
    assert Scenario.from_mapping(json.loads(json.dumps(data["scenario"]))) == seed_scenario()


def test_a_grant_result_serialises_with_exact_numbers() -> None:
    data = calculate_grant(GrantRequest("mse-cdp", "cfc", Decimal(18), version="2007")).to_dict()
    assert data["grant_crore"] == "10.5"
    assert data["ceiling"]["limit_crore"] == 15
    json.dumps(data)


def test_json_floats_and_strings_are_read_exactly() -> None:
    scenario = Scenario.from_mapping({"cost_per_cluster_crore": 0.1, "inflation_rate": "0.05"})
    assert scenario.groups[0].cost_per_cluster_crore == Decimal("0.1")
    assert scenario.inflation_rate == Decimal("0.05")


@st.composite
def scenario_mappings(draw: st.DrawFn) -> dict[str, Any]:
    typologies = draw(
        st.lists(
            st.sampled_from(["industrial", "artisan", "services", "mixed"]),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    duration = draw(st.integers(1, 6))
    weights = draw(st.lists(st.integers(1, 5), min_size=duration, max_size=duration))
    mapping: dict[str, Any] = {
        "groups": [
            {
                "typology": t,
                "clusters": draw(st.integers(1, 3000)),
                "cost_per_cluster_crore": str(draw(st.decimals("0.01", "9", places=2))),
            }
            for t in typologies
        ],
        "clusters_per_year_max": draw(st.integers(100, 2000)),
        "duration_years": duration,
        "spending_profile": draw(
            st.sampled_from(["even", [str(Fraction(w, sum(weights))) for w in weights]])
        ),
        "first_year": draw(st.integers(1990, 2100)),
        "inflation_rate": str(draw(st.decimals("0", "0.2", places=3))),
        "ratio_point": draw(st.sampled_from(["low", "mid", "high"])),
        "hr": {"cda": {"available": draw(st.integers(0, 1000))}},
    }
    return mapping


@settings(max_examples=60, deadline=None)
@given(scenario_mappings())
def test_a_scenario_written_out_and_read_back_is_the_same_scenario(
    mapping: dict[str, Any],
) -> None:
    scenario = Scenario.from_mapping(mapping)
    assert Scenario.from_mapping(scenario.to_mapping()) == scenario
    assert Scenario.from_mapping(json.loads(json.dumps(scenario.to_mapping()))) == scenario


def test_a_typology_mix_drives_both_the_costs_and_the_hr_requirements() -> None:
    scenario = Scenario(
        groups=(
            ClusterGroup("industrial", 100, Decimal(3)),
            ClusterGroup("artisan", 400, Decimal("0.5")),
        ),
        clusters_per_year_max=100,
        duration_years=4,
        first_year=2025,
        ratio_point="low",
    )
    result = compute(scenario)
    assert result.totals.gross == 100 * 3 + 400 * Decimal("0.5")
    bds = result.hr_projection.role("bds_provider")
    assert bds.required == 100 * 5 + 400 * 2
    assert result.hr_projection.base_year == 2024
    assert result.hr_projection.target_year == 2029  # five years of take-up
