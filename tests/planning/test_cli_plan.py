"""`clusterdev plan`: the seed's figures, options, formats, and exit code 2 on bad input."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def plan(*args: str) -> str:
    out = StringIO()
    call_command("plan", *args, stdout=out)
    return out.getvalue()


def test_json_output_for_the_seed_reproduces_its_budget_and_hr_figures() -> None:
    data = json.loads(plan("--format", "json"))
    assert [y["spending_crore"] for y in data["years"]] == [
        200,
        400,
        600,
        800,
        1000,
        800,
        600,
        400,
        200,
        0,
    ]
    assert data["years"][0]["year"] == 2006
    assert data["years"][4]["clusters_in_progress"] == 5000
    assert (data["totals"]["first_5_years"], data["totals"]["next_5_years"]) == (3000, 2000)
    assert data["totals"]["gross"] == 5000
    assert sum(r["required"] for r in data["hr"]) == 107_300
    assert sum(r["available"] for r in data["hr"]) == 12_972
    assert {"role", "required", "available", "gap"} <= set(data["hr"][0])


def test_options_change_the_projection() -> None:
    data = json.loads(
        plan(
            "--format",
            "json",
            "--clusters",
            "2000",
            "--per-year",
            "500",
            "--duration",
            "4",
            "--cost-per-cluster",
            "2",
            "--start-year",
            "2026",
        )
    )
    assert data["years"][0] == {**data["years"][0], "year": 2026, "new_clusters": 500}
    assert data["years"][0]["spending_crore"] == 250
    assert data["totals"]["gross"] == 4000


def test_a_spending_profile_inflation_and_discount_are_options() -> None:
    data = json.loads(
        plan(
            "--format",
            "json",
            "--profile",
            "0.1,0.2,0.3,0.2,0.2",
            "--inflation",
            "0.05",
            "--discount",
            "0.1",
        )
    )
    assert data["years"][0]["spending_crore"] == 100
    assert data["scenario"]["spending_profile"] == ["0.1", "0.2", "0.3", "0.2", "0.2"]
    assert data["scenario"]["inflation_rate"] == "0.05"


def test_a_scenario_file_in_toml_or_json_is_read(tmp_path: Path) -> None:
    toml = tmp_path / "s.toml"
    toml.write_text("clusters = 1000\nclusters_per_year_max = 250\n")
    assert (
        json.loads(plan("--format", "json", "--scenario", str(toml)))["years"][0]["spending_crore"]
        == 50
    )
    saved = tmp_path / "s.json"
    saved.write_text(plan("--format", "json", "--per-year", "500"))
    again = json.loads(plan("--format", "json", "--scenario", str(saved)))
    assert again["years"][0]["spending_crore"] == 100


def test_table_output_shows_years_totals_hr_and_notes() -> None:
    text = plan()
    assert "Spending by year" in text and "Totals" in text and "Human resources" in text
    assert "107,300" in text and "12,972" in text and "Notes" in text


def test_csv_output_has_one_row_a_year() -> None:
    lines = plan("--format", "csv").strip().splitlines()
    assert lines[0].startswith("year,new_clusters,clusters_in_progress,spending_crore")
    assert lines[1].startswith("2006,1000,1000,200")
    assert len(lines) == 11
    hr = plan("--format", "csv", "--csv-table", "hr").strip().splitlines()
    assert hr[1].startswith("cda,")


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--duration", "0"], "--duration (duration_years): must be a whole number from 1 to 50"),
        (["--duration", "-2"], "--duration (duration_years)"),
        (["--per-year", "0"], "--per-year (clusters_per_year_max): must be a whole number from 1"),
        (["--clusters", "-5"], "--clusters (clusters): must be a whole number from 1"),
        (
            ["--cost-per-cluster", "0"],
            "--cost-per-cluster (cost_per_cluster_crore): must be a number > 0",
        ),
        (
            ["--profile", "0.5,0.6,0,0,0"],
            "--profile (spending_profile): shares must add up to exactly 1",
        ),
        (["--inflation", "2"], "--inflation (inflation_rate): must be a number from 0 to 1"),
    ],
)
def test_bad_input_exits_with_code_2_naming_the_field_and_range(
    args: list[str], named: str
) -> None:
    with pytest.raises(CommandError) as caught:
        plan(*args)
    assert caught.value.returncode == 2
    assert named in str(caught.value)


def test_an_unreadable_scenario_file_exits_with_code_2(tmp_path: Path) -> None:
    with pytest.raises(CommandError) as caught:
        plan("--scenario", str(tmp_path / "missing.toml"))
    assert caught.value.returncode == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("duration_years = 0\n")
    with pytest.raises(CommandError) as caught:
        plan("--scenario", str(bad))
    assert caught.value.returncode == 2 and "duration_years" in str(caught.value)


def test_the_real_command_exits_with_status_2_and_says_why() -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "DEBUG": "true", "DJANGO_SETTINGS_MODULE": "clusterdev.settings"}
    done = subprocess.run(
        [sys.executable, "-m", "clusterdev.cli", "plan", "--duration", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "--duration (duration_years): must be a whole number from 1 to 50" in done.stderr


@pytest.mark.django_db
def test_a_saved_scenario_is_planned_by_its_slug(cda_a) -> None:  # type: ignore[no-untyped-def]
    from tests.planning.factories import make_scenario

    saved = make_scenario(cda_a, "Half speed")
    data = json.loads(plan("--format", "json", "--saved", saved.slug))
    assert data["years"][0]["spending_crore"] == 100
    with pytest.raises(CommandError) as caught:
        plan("--saved", "no-such-plan")
    assert caught.value.returncode == 2 and "--saved" in str(caught.value)
