"""Every bad or infeasible input yields a field error naming the field and the allowed range."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from clusterdev.planning.model import (
    GrantRequest,
    PlanningInputError,
    Scenario,
    calculate_grant,
    compute,
    seed_mapping,
    split_revenue,
)


def scenario_errors(changes: dict[str, Any]) -> dict[str, list[str]]:
    with pytest.raises(PlanningInputError) as caught:
        Scenario.from_mapping(seed_mapping() | changes)
    assert isinstance(caught.value, ValueError)
    return caught.value.by_field()


@pytest.mark.parametrize(
    ("changes", "field", "allowed"),
    [
        ({"duration_years": 0}, "duration_years", "from 1 to 50"),
        ({"duration_years": -3}, "duration_years", "from 1 to 50"),
        ({"clusters_per_year_max": 0}, "clusters_per_year_max", "from 1 to"),
        ({"clusters_per_year_max": -1}, "clusters_per_year_max", "from 1 to"),
        ({"clusters": 0}, "clusters", "from 1 to"),
        ({"clusters": "many"}, "clusters", "whole number"),
        ({"cost_per_cluster_crore": 0}, "cost_per_cluster_crore", "> 0"),
        ({"cost_per_cluster_crore": "-1"}, "cost_per_cluster_crore", "> 0"),
        ({"horizon_years": 0}, "horizon_years", "from 1 to 500"),
        ({"first_year": 1066}, "first_year", "from 1,900 to 2,200"),
        ({"inflation_rate": "1.5"}, "inflation_rate", "from 0 to 1"),
        ({"discount_rate": -0.1}, "discount_rate", "from 0 to 1"),
        ({"ratio_point": "middle"}, "ratio_point", "low, mid, high"),
        ({"spending_profile": [0.5, 0.3, 0.1, 0.05, 0.04]}, "spending_profile", "exactly 1"),
        ({"spending_profile": [0.5, 0.5]}, "spending_profile", "5 shares"),
        ({"spending_profile": [0.5, "x", 0.5, 0, 0]}, "spending_profile[1]", "from 0 to 1"),
        ({"spending_profile": [1.5, -0.5, 0, 0, 0]}, "spending_profile[0]", "from 0 to 1"),
        ({"hr_target_year": 2004}, "hr_target_year", "after the base year 2005"),
        ({"groups": [{"typology": "cosmic", "clusters": 10}]}, "groups[0].typology", "industrial"),
        ({"groups": [{"typology": "artisan"}]}, "groups[0].clusters", "required"),
        (
            {"groups": [{"typology": "artisan", "clusters": 10, "cost_per_cluster_crore": 0}]},
            "groups[0].cost_per_cluster_crore",
            "> 0",
        ),
        (
            {"clusters": 10, "groups": [{"typology": "artisan", "clusters": 20}]},
            "clusters",
            "groups' total",
        ),
        ({"hr": {"wizard": {"required": 3}}}, "hr.wizard", "allowed: cda"),
        ({"hr": {"cda": {"available": -5}}}, "hr.cda.available", "from 0 to"),
        (
            {"hr": {"cda": {"training_capacity_per_year": 1.5}}},
            "hr.cda.training_capacity_per_year",
            "whole number",
        ),
        ({"colour": "red"}, "colour", "allowed:"),
        (
            {"clusters": 1_000_000, "clusters_per_year_max": 10},
            "clusters_per_year_max",
            "at most 500",
        ),
    ],
)
def test_a_bad_scenario_input_is_reported_against_its_field_with_the_allowed_range(
    changes: dict[str, Any], field: str, allowed: str
) -> None:
    errors = scenario_errors(changes)
    assert field in errors, errors
    assert any(allowed in message for message in errors[field]), errors[field]


def test_all_bad_scenario_fields_are_reported_at_once() -> None:
    errors = scenario_errors(
        {"duration_years": 0, "clusters_per_year_max": -1, "cost_per_cluster_crore": 0}
    )
    assert {"duration_years", "clusters_per_year_max", "cost_per_cluster_crore"} <= set(errors)


def test_compute_refuses_a_directly_built_invalid_scenario() -> None:
    scenario = Scenario.from_mapping({})
    broken = Scenario(scenario.groups, 0, 0, 2006)
    with pytest.raises(PlanningInputError) as caught:
        compute(broken)
    assert set(caught.value.fields) == {"clusters_per_year_max", "duration_years"}


def test_input_errors_serialise_for_an_api_answer() -> None:
    with pytest.raises(PlanningInputError) as caught:
        Scenario.from_mapping({"duration_years": 0})
    assert caught.value.to_dict() == {
        "errors": [
            {
                "field": "duration_years",
                "message": "must be a whole number from 1 to 50; got 0",
            }
        ]
    }


def grant_errors(**kw: Any) -> dict[str, list[str]]:
    base: dict[str, Any] = {"scheme": "mse-cdp", "component": "cfc", "version": "2019"}
    with pytest.raises(PlanningInputError) as caught:
        calculate_grant(GrantRequest(**(base | kw)))
    return caught.value.by_field()


@pytest.mark.parametrize(
    ("kw", "field", "allowed"),
    [
        ({"project_cost_crore": Decimal(0)}, "project_cost_crore", "> 0"),
        (
            {"project_cost_crore": Decimal(4), "version": "2022"},
            "project_cost_crore",
            "≥ Rs 5 crore",
        ),
        ({"project_cost_crore": Decimal(20), "spv_members": 15}, "spv_members", "at least 20"),
        (
            {"project_cost_crore": Decimal(20), "spv_members": 8, "category": "special"},
            "spv_members",
            "at least 10",
        ),
        (
            {"project_cost_crore": Decimal(20), "largest_member_equity_share": Decimal("0.12")},
            "largest_member_equity_share",
            "from 0 to 0.1",
        ),
        (
            {"project_cost_crore": Decimal(20), "industry_crore": Decimal(1)},
            "industry_crore",
            "at least Rs 2 crore",
        ),
        (
            {"project_cost_crore": Decimal(20), "land_cost_crore": Decimal(6)},
            "land_cost_crore",
            "from 0 to Rs 5 crore",
        ),
        (
            {
                "project_cost_crore": Decimal(20),
                "industry_crore": Decimal(5),
                "state_crore": Decimal(2),
            },
            "contributions",
            "allowed 0 to Rs 6 crore",
        ),
        ({"project_cost_crore": Decimal(1), "category": "vip"}, "category", "general, special"),
        ({"project_cost_crore": Decimal(1), "scheme": "pmegp"}, "scheme", "allowed: iius"),
        ({"project_cost_crore": Decimal(1), "version": "1999"}, "version", "2007, 2019, 2022"),
        ({"project_cost_crore": Decimal(1), "component": "canteen"}, "component", "allowed: cfc"),
        (
            {"project_cost_crore": Decimal(1), "scheme": "vatva-ppp", "version": None},
            "scheme",
            "split_revenue",
        ),
        (
            {
                "project_cost_crore": Decimal(80),
                "scheme": "iius",
                "component": "project",
                "version": "2003",
                "industry_crore": Decimal(10),
            },
            "industry_crore",
            "at least Rs 12 crore",
        ),
        (
            {
                "project_cost_crore": Decimal(1),
                "scheme": "sfurti",
                "component": "soft",
                "version": None,
            },
            "artisans",
            "required",
        ),
        (
            {
                "project_cost_crore": Decimal(1),
                "scheme": "sfurti",
                "component": "soft",
                "version": None,
                "artisans": 3_000,
            },
            "artisans",
            "1 to 2,500",
        ),
    ],
)
def test_an_infeasible_grant_request_is_reported_against_its_field_with_the_allowed_range(
    kw: dict[str, Any], field: str, allowed: str
) -> None:
    errors = grant_errors(**kw)
    assert field in errors, errors
    assert any(allowed in message for message in errors[field]), errors[field]


def test_every_broken_spv_rule_is_reported_at_once() -> None:
    errors = grant_errors(
        project_cost_crore=Decimal(20),
        spv_members=5,
        largest_member_equity_share=Decimal("0.5"),
        industry_crore=Decimal("0.5"),
        land_cost_crore=Decimal(10),
    )
    assert set(errors) == {
        "spv_members",
        "largest_member_equity_share",
        "industry_crore",
        "land_cost_crore",
    }


def test_spv_conditions_left_unchecked_are_listed_not_hidden() -> None:
    result = calculate_grant(GrantRequest("mse-cdp", "cfc", Decimal(25), "special", version="2019"))
    assert len(result.checks_skipped) == 4
    passed = calculate_grant(
        GrantRequest(
            "mse-cdp",
            "cfc",
            Decimal(20),
            version="2019",
            industry_crore=Decimal(2),
            spv_members=25,
            largest_member_equity_share=Decimal("0.1"),
            land_cost_crore=Decimal(5),
        )
    )
    assert passed.checks_skipped == ()
    assert len(passed.checks_passed) == 4


def test_a_grant_request_from_a_form_reports_every_bad_field() -> None:
    with pytest.raises(PlanningInputError) as caught:
        GrantRequest.from_mapping(
            {
                "scheme": "mse-cdp",
                "project_cost_crore": "abc",
                "category": "vip",
                "on": "yesterday",
                "spv_members": -1,
            }
        )
    assert set(caught.value.fields) == {
        "component",
        "project_cost_crore",
        "category",
        "on",
        "spv_members",
    }


def test_a_revenue_split_refuses_a_negative_amount() -> None:
    with pytest.raises(PlanningInputError) as caught:
        split_revenue(Decimal(-1))
    assert caught.value.fields == ("amount_crore",)


def test_contributions_beyond_the_cost_are_reported_with_the_other_broken_rules() -> None:
    errors = grant_errors(
        project_cost_crore=Decimal(20),
        spv_members=5,
        industry_crore=Decimal(10),
        state_crore=Decimal(5),
    )
    assert set(errors) == {"spv_members", "contributions"}
