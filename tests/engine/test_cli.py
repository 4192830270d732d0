"""The thin command-line front end: map, rules, synth."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_rules_list_names_every_shipped_rule_set() -> None:
    text = _run("rules", "list")
    for name in ("unido-1996", "fmc-observatory", "msme-di-small", "lq-stars", "strong"):
        assert name in text


def test_rules_show_prints_the_source_and_the_tests() -> None:
    text = _run("rules", "show", "strong")
    assert "strong@2014" in text and "location_quotient >= P75" in text and "clustermapping" in text


def test_rules_show_of_an_unknown_name_is_a_command_error() -> None:
    with pytest.raises(CommandError, match="unknown rule set"):
        _run("rules", "show", "nope")


def test_synth_then_map_writes_the_outputs(tmp_path: Path) -> None:
    register = tmp_path / "r.csv"
    assert "planted clusters" in _run(
        "synth", "--enterprises", "3000", "--seed", "2", "--out", str(register), "--no-progress"
    )
    text = _run(
        "map",
        str(register),
        "--rules",
        "msme-di-small",
        "--out",
        str(tmp_path / "out"),
        "--no-progress",
    )
    assert "rows read 3,000" in text
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["rule_set"] == "msme-di-small@2020"


def test_map_of_an_unreadable_register_is_a_command_error_naming_the_column(tmp_path: Path) -> None:
    register = tmp_path / "r.csv"
    register.write_text("enterprise_id,state,district,nic_code\nA,GJ,Surat,1430\n")
    with pytest.raises(CommandError, match="employment"):
        _run("map", str(register), "--out", str(tmp_path / "out"), "--no-progress")


def test_the_clusterdev_command_exits_non_zero_on_bad_input(tmp_path: Path) -> None:
    register = tmp_path / "r.csv"
    register.write_text("nothing useful\n")
    env = {**os.environ, "DEBUG": "true", "DJANGO_SETTINGS_MODULE": "tests.settings"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "clusterdev.cli",
            "map",
            str(register),
            "--out",
            str(tmp_path / "o"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode != 0
    assert "missing required column 'enterprise_id'" in done.stderr


def test_rules_show_says_how_footprints_are_drawn() -> None:
    text = _run("rules", "show", "fmc-observatory")
    assert "2 km cells, dense at 20 units" in text
    assert "sparse cells touching a dense one join it" in text
