"""Issue 3 compares footprints with DBSCAN on the largest sample DBSCAN finishes in ten
minutes. A sample that took longer is reported as the reason the samples stopped, and
the comparison is made on the sample before it."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks import engine as bench


def _fake(seconds: dict[int, float]):
    def measure(path: str, size: int, rules: str) -> dict:
        return {"size": size, "dbscan_s": seconds[size], "footprint_stage_s": 1.0}

    return measure


@pytest.fixture
def register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(bench, "_rows", lambda path: 10_000_000)
    monkeypatch.setenv("ENGINE_BENCH_DBSCAN_SECONDS", "600")
    monkeypatch.setenv("ENGINE_BENCH_DBSCAN_TOTAL", "5000")
    return str(tmp_path / "register-10000000.parquet")


def test_a_sample_over_the_budget_is_not_the_largest_sample(register: str) -> None:
    # 100 k … 1.6 M within budget by the forecast; 1.6 M then takes 700 s.
    seconds = {100_000: 1.0, 200_000: 2.0, 400_000: 5.0, 800_000: 200.0, 1_600_000: 700.0}
    found = bench._dbscan(register, measure=_fake(seconds))
    assert [run["size"] for run in found["runs"]] == [100_000, 200_000, 400_000, 800_000]
    assert found["rows"] == 800_000
    assert "1,600,000 rows took 700 s" in found["runs"][-1]["stopped"]


def test_samples_stop_when_the_next_is_forecast_over_the_budget(register: str) -> None:
    seconds = {100_000: 1.0, 200_000: 300.0}
    found = bench._dbscan(register, measure=_fake(seconds))
    assert [run["size"] for run in found["runs"]] == [100_000, 200_000]
    assert "next sample (400,000 rows) expected to take 690 s" in found["runs"][-1]["stopped"]
