"""Benchmark of the mapping engine against its floor and two plain implementations.

``run()`` returns one dict per measurement (name, rows, seconds, peak_memory_mb, notes).
Each measurement runs in a fresh child process, so that its peak memory is its own.

Environment:

``ENGINE_BENCH_ROWS``
    Rows of the synthetic Parquet register (default 5,000,000; the target is 65 M rows
    in 60 s and 8 GB on a 2-core machine).
``ENGINE_BENCH_SAMPLE``
    Rows sampled for the DBSCAN comparison (default 200,000).
``ENGINE_BENCH_DIR``
    Where to keep the register (default a temporary directory; reused when present).
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from typing import Any

RULES = "fmc-observatory"


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _synth(path: str, rows: int) -> dict[str, Any]:
    from clusterdev.engine.synth import synthesise

    plants = synthesise(path, enterprises=rows, seed=2026, dirty=0.005, chunk_rows=1_000_000)
    return {"notes": f"{len(plants)} planted clusters, 0.5 % dirty rows, Parquet"}


def _engine(path: str, rows: int) -> dict[str, Any]:
    from clusterdev.engine import map_register

    result = map_register(path, RULES, out=Path(path).parent / "out")
    s = result.summary
    stages = ", ".join(f"{k} {v:.1f}s" for k, v in s["durations_s"].items() if k != "total")
    return {
        "notes": f"clusterdev.engine on DuckDB, {RULES}, both methods; "
        f"{s['clusters']['by_method']}; quarantined {s['rows']['quarantined']}; {stages}"
    }


def _floor(path: str, rows: int) -> dict[str, Any]:
    import duckdb

    con = duckdb.connect()
    n = con.execute(
        f"""select count(*) from (
              select state, district, substr(nic_code, 1, 4) as product,
                     count(*) as units, sum(employment) as employment,
                     sum(turnover_inr) as turnover
              from read_parquet('{path}') group by all)"""
    ).fetchone()
    return {
        "notes": f"plain DuckDB scan + group-by of the same columns ({n[0] if n else 0} groups)"
    }


def _pandas_admin(path: str, rows: int) -> dict[str, Any]:
    import pandas as pd

    from clusterdev.gazetteer import load_gazetteer
    from clusterdev.nic import load_nic

    gaz = load_gazetteer()
    alias = pd.DataFrame(list(gaz.alias_rows()), columns=["sk", "dk", "district_code"])
    df = pd.read_parquet(path, columns=["state", "district", "nic_code", "employment"])

    def norm(s: pd.Series) -> pd.Series:
        return s.str.lower().str.replace("&", "and").str.replace("[^a-z0-9]", "", regex=True)

    df["sk"] = norm(df["state"])
    df["dk"] = norm(df["district"])
    df = df.merge(alias, on=["sk", "dk"], how="inner")
    df = df[df["nic_code"].isin(set(load_nic()))]
    df["product"] = df["nic_code"].str[:4]
    g = df.groupby(["district_code", "product"], as_index=False).agg(
        units=("employment", "size"), employment=("employment", "sum")
    )
    e_r = g.groupby("district_code")["employment"].transform("sum")
    e_i = g.groupby("product")["employment"].transform("sum")
    g["lq"] = (g["employment"] / e_r) / (e_i / g["employment"].sum())
    found = int((g["units"] >= 100).sum())
    return {
        "notes": f"pandas: normalise, merge, group-by, LQ; {found} district x product >= 100 units"
    }


def _dbscan(path: str, rows: int) -> dict[str, Any]:
    import numpy as np
    import pandas as pd
    from sklearn.cluster import DBSCAN

    sample = int(os.environ.get("ENGINE_BENCH_SAMPLE", "200000"))
    df = pd.read_parquet(path, columns=["nic_code", "latitude", "longitude"]).dropna()
    df = df.sample(n=min(sample, len(df)), random_state=1)
    df["product"] = df["nic_code"].str[:4]
    clusters = 0
    for _, group in df.groupby("product"):
        coords = np.radians(group[["latitude", "longitude"]].to_numpy())
        labels = DBSCAN(
            eps=2.0 / 6371.0, min_samples=20, metric="haversine", algorithm="ball_tree"
        ).fit_predict(coords)
        clusters += len(set(labels) - {-1})
    return {
        "notes": "scikit-learn DBSCAN per product (eps 2 km, 20 units) on a sample; "
        f"{clusters} clusters",
        "rows": len(df),
    }


def _measure(
    name: str, func: Callable[[str, int], dict[str, Any]], path: str, rows: int
) -> dict[str, Any]:
    started = time.perf_counter()
    extra = func(path, rows)
    seconds = time.perf_counter() - started
    return {
        "name": name,
        "rows": extra.pop("rows", rows),
        "seconds": round(seconds, 2),
        "peak_memory_mb": round(_peak_mb(), 1),
        **extra,
    }


def _isolated(
    name: str, func: Callable[[str, int], dict[str, Any]], path: str, rows: int
) -> dict[str, Any]:
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(_measure, name, func, path, rows).result()


def run() -> list[dict[str, Any]]:
    """Run every measurement and return the results (ratios in the last rows' notes)."""
    rows = int(os.environ.get("ENGINE_BENCH_ROWS", "5000000"))
    folder = Path(os.environ.get("ENGINE_BENCH_DIR") or tempfile.mkdtemp(prefix="engine-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = str(folder / f"register-{rows}.parquet")
    results = []
    if not Path(path).exists():
        results.append(_isolated("engine.synth", _synth, path, rows))
    engine = _isolated("engine.map (duckdb)", _engine, path, rows)
    floor = _isolated("engine.floor (duckdb scan + group-by)", _floor, path, rows)
    pandas = _isolated("engine.pandas_administrative", _pandas_admin, path, rows)
    dbscan = _isolated("engine.sklearn_dbscan_sample", _dbscan, path, rows)
    results += [engine, floor, pandas, dbscan]
    per_row = engine["seconds"] / max(rows, 1)
    results.append(
        {
            "name": "engine.ratios",
            "rows": rows,
            "seconds": round(per_row * 65_000_000, 1),
            "peak_memory_mb": engine["peak_memory_mb"],
            "notes": (
                f"engine/floor {engine['seconds'] / max(floor['seconds'], 1e-9):.1f}x; "
                f"engine/pandas-admin {engine['seconds'] / max(pandas['seconds'], 1e-9):.2f}x; "
                f"DBSCAN {dbscan['seconds']:.1f}s for {dbscan['rows']:,} sampled rows "
                f"(~{dbscan['seconds'] * rows / max(dbscan['rows'], 1):.0f}s if linear "
                "at full size); "
                f"seconds column = engine time extrapolated linearly to 65 M rows"
            ),
        }
    )
    return results


if __name__ == "__main__":
    import json

    for row in run():
        print(json.dumps(row))
