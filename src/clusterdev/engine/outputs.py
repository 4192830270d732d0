"""Writing a mapping's results: CSV, Parquet, GeoJSON, quarantine and summary."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["clusters_geojson", "write_outputs"]

TABLE_COLUMNS_DROPPED = ("outline",)


def _clean(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return _clean(value.item())
    return value


def clusters_geojson(clusters: pd.DataFrame) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: footprints as outlines, district clusters as points.

    Examples
    --------
    >>> clusters_geojson(pd.DataFrame(columns=["outline", "latitude", "longitude"]))
    {'type': 'FeatureCollection', 'features': []}
    """
    features = []
    # Python scalars and None for NaN, column by column (not value by value).
    plain = clusters.astype(object).where(clusters.notna(), None)
    for rec in plain.to_dict("records"):
        geometry = rec.get("outline")
        if not geometry:
            geometry = {
                "type": "Point",
                "coordinates": [_number(rec["longitude"]), _number(rec["latitude"])],
            }
        props = {k: _clean(v) for k, v in rec.items() if k not in TABLE_COLUMNS_DROPPED}
        features.append({"type": "Feature", "geometry": geometry, "properties": props})
    return {"type": "FeatureCollection", "features": features}


def _number(value: Any) -> Any:
    return math.nan if value is None else value


def write_outputs(
    out: str | Path,
    clusters: pd.DataFrame,
    quarantine: pd.DataFrame,
    summary: dict[str, Any],
) -> dict[str, Path]:
    """Write ``clusters.csv``, ``clusters.parquet``, ``clusters.geojson``, ``quarantine.csv``
    and ``summary.json`` into ``out`` (created when missing).

    Returns
    -------
    dict of str to Path
        The files written, by kind.

    Examples
    --------
    >>> import tempfile
    >>> from clusterdev.engine.methods import CLUSTER_COLUMNS
    >>> empty = pd.DataFrame(columns=CLUSTER_COLUMNS)
    >>> files = write_outputs(tempfile.mkdtemp(), empty, pd.DataFrame(), {"rows": {}})
    >>> sorted(path.name for path in files.values())
    ['clusters.csv', 'clusters.geojson', 'clusters.parquet', 'quarantine.csv', 'summary.json']
    """
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    table = clusters.drop(columns=list(TABLE_COLUMNS_DROPPED), errors="ignore")
    paths = {
        "clusters_csv": folder / "clusters.csv",
        "clusters_parquet": folder / "clusters.parquet",
        "clusters_geojson": folder / "clusters.geojson",
        "quarantine_csv": folder / "quarantine.csv",
        "summary_json": folder / "summary.json",
    }
    table.to_csv(paths["clusters_csv"], index=False)
    table.to_parquet(paths["clusters_parquet"], index=False)
    paths["clusters_geojson"].write_text(json.dumps(clusters_geojson(clusters)), encoding="utf-8")
    quarantine.to_csv(paths["quarantine_csv"], index=False)
    paths["summary_json"].write_text(
        json.dumps(summary, indent=2, sort_keys=False, default=str), encoding="utf-8"
    )
    return paths
