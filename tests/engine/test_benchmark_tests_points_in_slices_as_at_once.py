"""The benchmark tests points against footprint outlines in slices: 12.8 M points at
once crashed under the DBSCAN process's memory cap. Slices must give the same answer."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from benchmarks import engine as bench

from clusterdev.engine.rules import load_rules
from clusterdev.engine.synth import synthesise


def test_points_in_footprints_are_the_same_in_slices_and_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register = tmp_path / "register.parquet"
    synthesise(register, enterprises=4000, seed=7)
    params = load_rules(bench.RULES).footprint
    rules = tmp_path / "every-dense-cell.toml"
    rules.write_text(
        bench.EVERY_CELL_RULES.format(cell_km=params.cell_km, min_units=params.min_units)
    )
    df = pd.read_parquet(register, columns=["nic_code", "latitude", "longitude"])
    df = df.dropna().reset_index(drop=True)
    df["product"] = df["nic_code"].str.strip().str[:4]
    whole, footprints, _, _ = bench._footprint_labels(str(register), df, rules)
    monkeypatch.setattr(bench, "_POINTS_PER_QUERY", 97)
    sliced, _, _, _ = bench._footprint_labels(str(register), df, rules)
    assert footprints > 0 and whole.sum() > 0
    assert (sliced == whole).all()
