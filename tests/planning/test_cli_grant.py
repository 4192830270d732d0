"""`clusterdev grant`: grant, shares, binding ceiling, gap, rule and source; exit code 2."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def grant(*args: str) -> str:
    out = StringIO()
    call_command("grant", *args, stdout=out)
    return out.getvalue()


def test_mse_cdp_2007_general_cfc_of_18_crore_gets_10_5() -> None:
    text = grant("mse-cdp", "cfc", "--cost", "18", "--scheme-version", "2007")
    assert "Grant: Rs 10.5 crore" in text
    assert "Binding ceiling: grant worked out on at most Rs 15 crore" in text
    assert "Gap left to fund: Rs 7.5 crore" in text
    assert "Rule: CFC: grant of 70 %" in text and "Source: Ministry of MSME" in text


def test_mse_cdp_2019_special_cfc_of_25_crore_gets_18_in_json() -> None:
    data = json.loads(
        grant(
            "mse-cdp",
            "cfc",
            "--cost",
            "25",
            "--scheme-version",
            "2019",
            "--special",
            "--format",
            "json",
        )
    )
    assert data["grant_crore"] == 18
    assert data["category"] == "special"
    assert {p["party"] for p in data["parties"]} >= {"grant", "industry", "state", "gap"}


def test_contributions_show_as_shares_of_the_cost() -> None:
    text = grant(
        "mse-cdp",
        "cfc",
        "--cost",
        "25",
        "--scheme-version",
        "2019",
        "--special",
        "--industry",
        "2.5",
        "--state",
        "2",
    )
    assert "Industry / SPV" in text and "10 %" in text
    assert "Gap left to fund: Rs 2.5 crore" in text


def test_list_shows_schemes_versions_and_components() -> None:
    text = grant("--list")
    assert "mse-cdp 2022" in text and "cfc" in text and "sfurti 2014" in text
    assert "revenue split" in text


def test_a_revenue_split_scheme_splits_the_amount() -> None:
    text = grant("vatva-ppp", "--cost", "4")
    assert "Rs          3 crore" in text and "75 %" in text


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (
            ["nope", "cfc", "--cost", "1"],
            "SCHEME (scheme): unknown scheme 'nope'; allowed: iius, mse-cdp",
        ),
        (["mse-cdp", "cfc", "--cost", "-1"], "--cost (project_cost_crore): must be a number > 0"),
        (["mse-cdp", "cfc", "--cost", "0"], "--cost (project_cost_crore)"),
        (["mse-cdp", "xyz", "--cost", "10"], "COMPONENT (component)"),
        (
            ["mse-cdp", "cfc", "--cost", "10", "--scheme-version", "1999"],
            "--scheme-version (version)",
        ),
        (
            ["mse-cdp", "cfc", "--cost", "25", "--scheme-version", "2019", "--industry", "1"],
            "--industry (industry_crore): must be at least",
        ),
        (["mse-cdp"], "COMPONENT is required"),
        ([], "SCHEME is required"),
    ],
)
def test_bad_input_exits_with_code_2_naming_the_field(args: list[str], named: str) -> None:
    with pytest.raises(CommandError) as caught:
        grant(*args)
    assert caught.value.returncode == 2
    assert named in str(caught.value)
