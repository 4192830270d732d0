"""Scheme grant calculators: check values, ceilings, brackets, classes and splits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from clusterdev.planning.model import (
    BRACKETS_NOTE,
    GrantRequest,
    PlanningInputError,
    available_schemes,
    calculate_grant,
    find_scheme,
    split_revenue,
)


def grant(scheme: str, component: str, cost: str, category: str = "general", **kw: object):  # type: ignore[no-untyped-def]
    return calculate_grant(
        GrantRequest(scheme, component, Decimal(cost), category, **kw)  # type: ignore[arg-type]
    )


def test_a_general_cfc_of_18_crore_under_mse_cdp_2007_gets_10_5_crore() -> None:
    result = grant("mse-cdp", "cfc", "18", version="2007")
    assert result.grant_crore == Decimal("10.5")
    assert result.eligible_cost_crore == 15
    assert result.grant_share == Decimal("0.7")
    assert result.ceiling is not None
    assert result.ceiling.kind == "max_project_cost"
    assert result.ceiling.limit_crore == 15
    assert result.ceiling.grant_cap_crore == Decimal("10.5")
    assert "15 × 70 %" in result.ceiling.text


def test_a_special_cfc_of_25_crore_under_mse_cdp_2019_gets_18_crore() -> None:
    result = grant("mse-cdp", "cfc", "25", "special", version="2019")
    assert result.grant_crore == 18
    assert result.ceiling is not None
    assert "20 × 90 %" in result.ceiling.text


def test_a_cfc_within_the_maximum_has_no_binding_ceiling() -> None:
    result = grant("mse-cdp", "cfc", "10", version="2007")
    assert result.grant_crore == 7
    assert result.ceiling is None


def test_the_result_shows_each_partys_amount_and_share_and_the_gap() -> None:
    result = grant(
        "mse-cdp", "cfc", "20", version="2007", industry_crore=Decimal(3), state_crore=Decimal(2)
    )
    assert result.grant_crore == Decimal("10.5")
    assert result.party("grant").percent == Decimal("52.5")
    assert result.party("industry").amount_crore == 3
    assert result.party("industry").percent == 15
    assert result.party("state").percent == 10
    assert result.party("others").given is False
    assert result.gap_crore == Decimal("4.5")
    assert sum(p.amount_crore for p in result.parties) == 20


def test_the_result_carries_the_rule_text_and_its_source() -> None:
    result = grant("mse-cdp", "cfc", "18", version="2007")
    assert "Rs 15 crore" in result.rule_text
    assert "MSE-CDP" in result.citation
    assert "2007" in result.citation


def test_mse_cdp_2022_bands_are_whole_project_brackets_with_a_note_saying_so() -> None:
    assert grant("mse-cdp", "cfc", "8", version="2022").grant_crore == Decimal("5.6")
    assert grant("mse-cdp", "cfc", "10", version="2022").grant_crore == 7
    twelve = grant("mse-cdp", "cfc", "12", version="2022")
    assert twelve.grant_crore == Decimal("7.2")  # 60 % of the whole 12, not a slab
    assert twelve.band == "Rs 10-30 crore"
    assert BRACKETS_NOTE in twelve.notes
    assert any("marginal slabs" in note for note in twelve.notes)


def test_mse_cdp_2022_caps_the_cost_at_30_crore_for_a_larger_cfc() -> None:
    result = grant("mse-cdp", "cfc", "40", version="2022")
    assert result.grant_crore == 18
    assert result.ceiling is not None and result.ceiling.limit_crore == 30
    assert grant("mse-cdp", "cfc", "40", "special", version="2022").grant_crore == 21


def test_mse_cdp_2022_upgrading_and_new_infrastructure_have_their_own_rules() -> None:
    assert grant("mse-cdp", "id-new", "15", version="2022").grant_crore == 9
    assert grant("mse-cdp", "id-upgrading", "12", version="2022").grant_crore == 5
    assert grant("mse-cdp", "id-upgrading", "10", "special", version="2022").grant_crore == 6


def test_mse_cdp_2019_industrial_estates_and_flatted_factories_differ() -> None:
    assert grant("mse-cdp", "id-industrial-estate", "15", version="2019").grant_crore == 6
    assert grant("mse-cdp", "id-flatted-factory", "15", version="2019").grant_crore == 9


def test_mse_cdp_2007_soft_interventions_and_dsr_have_lakh_level_ceilings() -> None:
    assert grant("mse-cdp", "soft", "0.5", version="2007").grant_crore == Decimal("0.1875")
    assert grant("mse-cdp", "soft", "0.5", "special", version="2007").grant_crore == Decimal(
        "0.225"
    )
    assert grant("mse-cdp", "dsr", "0.05", version="2007").grant_crore == Decimal("0.025")


def test_iius_caps_the_grant_itself_at_50_crore_then_60_crore() -> None:
    first = grant("iius", "project", "80", version="2003")
    assert first.grant_crore == 50
    assert first.ceiling is not None and first.ceiling.kind == "max_grant"
    assert grant("iius", "project", "80", version="2009").grant_crore == 60
    assert grant("iius", "project", "40", version="2003").grant_crore == 30


def test_sfurti_class_follows_the_artisan_count_and_funds_soft_in_full() -> None:
    result = grant("sfurti", "soft", "2", artisans=800)
    assert result.size_class == "major"
    assert result.grant_crore == 2
    capped = grant("sfurti", "soft", "5", artisans=800)
    assert capped.grant_crore == 3
    assert capped.ceiling is not None and capped.ceiling.kind == "max_grant"


def test_sfurti_hard_interventions_get_75_percent_within_the_class_limit() -> None:
    assert grant("sfurti", "hard", "10", artisans=2_000).grant_crore == Decimal("7.5")
    assert grant("sfurti", "hard", "12", artisans=2_000).grant_crore == 8
    assert grant("sfurti", "hard", "4", artisans=300).grant_crore == Decimal("1.5")


def test_sfurti_artisan_counts_are_halved_in_the_special_category() -> None:
    assert grant("sfurti", "hard", "12", artisans=600).size_class == "major"
    special = grant("sfurti", "hard", "12", "special", artisans=600)
    assert special.size_class == "heritage"
    assert special.grant_crore == 8


def test_the_vatva_split_keeps_75_percent_for_the_estate_and_passes_25_percent_on() -> None:
    result = split_revenue(Decimal(100))
    assert result.party("association").amount_crore == 75
    assert result.party("municipal_corporation").amount_crore == 25
    assert result.party("association").percent == 75
    assert "Vatva" in result.citation or "2.5" in result.citation


def test_a_versionless_request_uses_the_rules_in_force_on_the_date_given() -> None:
    assert grant("mse-cdp", "cfc", "18", on=date(2010, 6, 1)).version == "2007"
    assert grant("mse-cdp", "cfc", "25", on=date(2021, 1, 1)).grant_crore == 14
    assert grant("mse-cdp", "cfc", "12").version == "2022"
    assert find_scheme("iius", on=date(2010, 1, 1)).version == "2009"


def test_every_scheme_named_in_the_reference_is_available_with_its_versions() -> None:
    schemes = available_schemes()
    assert schemes["mse-cdp"] == ("2007", "2019", "2022")
    assert schemes["iius"] == ("2003", "2009")
    assert "sfurti" in schemes
    assert "vatva-ppp" in schemes


def test_every_rule_file_is_dated_sourced_and_complete() -> None:
    for scheme, versions in available_schemes().items():
        for version in versions:
            rules = find_scheme(scheme, version)
            assert rules.valid_from is not None
            assert rules.source.document and rules.source.section
            assert rules.date_precision in ("day", "month", "year")
            for component in rules.components:
                assert component.rule_text
                if rules.kind == "grant":
                    assert component.min_project_cost >= 0
                    assert component.bands or (
                        component.grant_share_general is not None
                        and component.grant_share_special is not None
                    )
                    assert (
                        component.max_project_cost is not None
                        or component.max_grant is not None
                        or component.size_classes
                    )
                else:
                    assert sum(s.share for s in component.split) == 1


@given(
    cost=st.decimals(min_value=Decimal("0.01"), max_value=Decimal(200), places=2),
    category=st.sampled_from(["general", "special"]),
    version=st.sampled_from(["2007", "2019", "2022"]),
)
def test_a_cfc_grant_never_exceeds_the_cost_or_the_capped_share(
    cost: Decimal, category: str, version: str
) -> None:
    try:
        result = grant("mse-cdp", "cfc", str(cost), category, version=version)
    except PlanningInputError as exc:
        assert version == "2022" and cost < 5
        assert exc.fields == ("project_cost_crore",)
        return
    assert 0 < result.grant_crore <= cost
    assert result.grant_crore == result.grant_share * min(cost, result.eligible_cost_crore)
    assert result.grant_crore + result.gap_crore == cost
    assert result.grant_share <= Decimal("0.9")
