"""The HR projection reproduces the seed's table and keeps overrides and ratios visible."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterdev.planning.model import (
    Scenario,
    compute,
    gap_closing_year,
    project_hr,
    seed_mapping,
    seed_reference,
    seed_scenario,
)

# role: (required, available, education) as printed in the seed's table.
SEED_TABLE = {
    "cda": (10_000, 350, "Graduates and Post graduates"),
    "ta": (2_000, 12, "Graduates and Post graduates"),
    "bds_provider": (15_000, 2_000, "Post graduates and technical graduates"),
    "social_service_provider": (30_000, 10_000, "Graduates and above"),
    "network_broker": (30_000, 300, "Graduates and above"),
    "bmo_executive": (20_000, 300, "Graduates and above"),
    "researcher": (300, 10, "Post graduates and above"),
}


@pytest.mark.parametrize("role", list(SEED_TABLE))
def test_the_seed_scenario_reproduces_the_seeds_hr_row_for_each_role(role: str) -> None:
    result = project_hr(seed_scenario()).role(role)
    required, available, education = SEED_TABLE[role]
    assert (result.required, result.available, result.education) == (
        required,
        available,
        education,
    )
    assert result.gap == required - available


def test_the_seed_hr_totals_are_107300_required_and_12972_available() -> None:
    totals = project_hr(seed_scenario()).totals
    assert totals.required == 107_300
    assert totals.available == 12_972
    assert totals.gap == 107_300 - 12_972


def test_the_hr_projection_equals_the_seed_table_as_written_in_the_data_file() -> None:
    ref = seed_reference()
    hr = project_hr(seed_scenario())
    assert {r.role: r.required for r in hr.roles} == dict(ref.hr_required)
    assert {r.role: r.available for r in hr.roles} == dict(ref.hr_available)
    assert {r.role: r.education for r in hr.roles} == dict(ref.hr_education)
    assert hr.totals.required == ref.hr_total_required
    assert hr.totals.available == ref.hr_total_available


def test_the_seed_hr_table_is_for_2005_availability_and_a_2010_target() -> None:
    hr = project_hr(seed_scenario())
    assert (hr.base_year, hr.target_year) == (2005, 2010)


def test_a_seed_figure_that_its_ratio_cannot_give_is_an_override_shown_beside_the_ratio() -> None:
    ta = project_hr(seed_scenario()).role("ta")
    assert ta.required_source == "override"
    assert ta.override == 2_000
    assert (ta.ratio_low, ta.ratio_high) == (1_250, 1_667)  # one per 3-4 of 5,000 clusters
    assert ta.ratio_stated is True
    assert "outside" in ta.notes[0]
    assert ta.override_note


def test_a_seed_figure_that_its_ratio_gives_needs_no_override() -> None:
    social = project_hr(seed_scenario()).role("social_service_provider")
    assert social.required_source == "ratio"
    assert social.override is None
    assert (social.ratio_low, social.ratio_high, social.ratio_estimate) == (
        25_000,
        30_000,
        30_000,
    )


def test_each_seed_override_is_there_because_its_stated_ratio_does_not_give_the_figure() -> None:
    for result in project_hr(seed_scenario()).roles:
        if result.required_source == "override":
            assert result.ratio_estimate != result.override or not result.ratio_stated
        else:
            assert result.required == result.ratio_estimate


def test_roles_without_a_stated_ratio_are_marked_as_implied() -> None:
    hr = project_hr(seed_scenario())
    implied = {r.role for r in hr.roles if not r.ratio_stated}
    assert implied == {"network_broker", "bmo_executive", "researcher"}


def test_training_needed_per_year_closes_the_gap_by_the_target_year() -> None:
    cda = project_hr(seed_scenario()).role("cda")
    assert cda.training_needed_per_year == 1_930  # 9,650 over 2006-2010
    assert cda.training_needed_per_year * 5 >= cda.gap


def test_the_default_training_capacity_is_a_flagged_assumption() -> None:
    cda = project_hr(seed_scenario()).role("cda")
    assert cda.capacity_is_assumption
    assert cda.training_capacity_per_year == 35  # 10 % of the 350 available in 2005
    assert cda.gap_closes_year == 2005 + -(-9_650 // 35)
    assert cda.closes_by_target is False


def test_the_gap_never_closes_when_training_capacity_is_zero() -> None:
    mapping = seed_mapping()
    mapping["hr"]["cda"]["training_capacity_per_year"] = 0
    cda = project_hr(Scenario.from_mapping(mapping)).role("cda")
    assert cda.gap_closes_year is None
    assert cda.closes_by_target is False
    assert cda.capacity_is_assumption is False


def test_a_role_with_no_gap_closes_in_the_base_year() -> None:
    mapping = seed_mapping()
    mapping["hr"]["researcher"] = {"required": 300, "available": 400}
    researcher = project_hr(Scenario.from_mapping(mapping)).role("researcher")
    assert researcher.gap == -100
    assert researcher.gap_closes_year == 2005
    assert researcher.training_needed_per_year == 0
    assert researcher.closes_by_target is True


def test_without_overrides_requirements_follow_the_ratios_at_the_chosen_point() -> None:
    mapping = {
        "groups": [
            {"typology": "industrial", "clusters": 1_000},
            {"typology": "artisan", "clusters": 2_000},
        ],
        "ratio_point": "low",
    }
    hr = project_hr(Scenario.from_mapping(mapping))
    assert hr.role("cda").required == 3_000
    assert hr.role("ta").required == 750
    assert hr.role("bds_provider").required == 1_000 * 5 + 2_000 * 2
    assert hr.role("bds_provider").ratio_high == 1_000 * 20 + 2_000 * 2
    assert all(r.required_source == "ratio" for r in hr.roles)


def test_the_mid_point_of_a_ratio_is_halfway_between_low_and_high() -> None:
    hr = project_hr(Scenario.from_mapping({"clusters": 1_000, "ratio_point": "mid"}))
    assert hr.role("cda").required == 2_000
    assert hr.role("social_service_provider").required == 5_500


def test_a_typology_the_rule_does_not_name_gets_the_envelope_and_a_note() -> None:
    hr = project_hr(Scenario.from_mapping({"groups": [{"typology": "services", "clusters": 10}]}))
    bds = hr.role("bds_provider")
    assert (bds.ratio_low, bds.ratio_high) == (20, 200)
    assert any("services" in note for note in bds.notes)


def test_the_hr_json_rows_carry_role_required_available_gap_and_the_ratio() -> None:
    data = compute(seed_scenario()).to_dict()
    row = data["hr"][0]
    assert {"role", "required", "available", "gap"} <= set(row)
    assert row["ratio_estimate"] == row["ratio_estimate"] | {"low": 5_000, "high": 15_000}
    assert data["hr_totals"]["required"] == 107_300
    assert data["hr_totals"]["available"] == 12_972


@given(
    available=st.integers(min_value=0, max_value=200_000),
    override=st.one_of(st.none(), st.integers(min_value=0, max_value=200_000)),
    capacity=st.integers(min_value=0, max_value=5_000),
    clusters=st.integers(min_value=1, max_value=20_000),
)
def test_the_hr_gap_is_always_required_minus_available(
    available: int, override: int | None, capacity: int, clusters: int
) -> None:
    base = Scenario.from_mapping({"clusters": clusters, "clusters_per_year_max": 1_000})
    roles = tuple(
        replace(
            role,
            available=available,
            required_override=override,
            training_capacity_per_year=capacity,
        )
        for role in base.roles
    )
    hr = project_hr(replace(base, roles=roles))
    for result in hr.roles:
        assert result.gap == result.required - result.available
        if override is not None:
            assert result.required == override
        else:
            assert result.ratio_low <= result.required <= result.ratio_high
        closes = result.gap_closes_year
        if result.gap > 0 and capacity == 0:
            assert closes is None
        else:
            assert closes is not None
            assert (closes - hr.base_year) * capacity >= result.gap
    assert hr.totals.gap == hr.totals.required - hr.totals.available


def test_gap_closing_year_counts_whole_years_of_training() -> None:
    assert gap_closing_year(100, 30, 2005) == 2009
    assert gap_closing_year(90, 30, 2005) == 2008
