"""A DBSCAN sample that is still running when its ten minutes are up is stopped: the
benchmark reports why and goes on, rather than waiting on it for an hour."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from benchmarks import engine as bench


def _sample(folder: Path, rows: int) -> str:
    rng = np.random.default_rng(7)
    path = folder / f"sample-{rows}.parquet"
    pd.DataFrame(
        {
            "nic_code": ["13111"] * rows,
            "latitude": 26.0 + rng.normal(0, 0.02, rows),
            "longitude": 80.0 + rng.normal(0, 0.02, rows),
        }
    ).to_parquet(path)
    return str(path)


def test_dbscan_within_its_budget_gives_its_labels_and_clusters(tmp_path: Path) -> None:
    seconds, clusters, labels = bench._dbscan_timed(_sample(tmp_path, 2_000), 2_000, 120.0)
    assert seconds < 120.0
    assert clusters == 1
    assert np.load(labels).all()  # one tight blob: every point is in the cluster


def test_dbscan_past_its_budget_is_stopped_and_says_so(tmp_path: Path) -> None:
    found = bench._dbscan_timed(_sample(tmp_path, 300_000), 300_000, 0.0)
    assert found == "DBSCAN on 300,000 rows was stopped unfinished after 0 s"
    assert not Path(tmp_path / "sample-300000.dbscan.npy").exists()
