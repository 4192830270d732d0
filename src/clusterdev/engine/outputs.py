"""Writing a mapping's results: CSV, Parquet, GeoJSON, quarantine and summary."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["clusters_geojson", "geojson_text", "write_outputs"]

TABLE_COLUMNS_DROPPED = ("outline",)


def _geometries(clusters: pd.DataFrame) -> list[Any]:
    """Each cluster's geometry: its outline, or its centroid as a point."""
    outlines = clusters["outline"].tolist() if "outline" in clusters else [None] * len(clusters)
    lon = clusters["longitude"].astype("float64").tolist()
    lat = clusters["latitude"].astype("float64").tolist()
    return [
        g if g else {"type": "Point", "coordinates": [x, y]}
        for g, x, y in zip(outlines, lon, lat, strict=True)
    ]


def clusters_geojson(clusters: pd.DataFrame) -> dict[str, Any]:
    """A GeoJSON FeatureCollection: footprints as outlines, district clusters as points.

    Examples
    --------
    >>> clusters_geojson(pd.DataFrame(columns=["outline", "latitude", "longitude"]))
    {'type': 'FeatureCollection', 'features': []}
    """
    collection: dict[str, Any] = json.loads(geojson_text(clusters))
    return collection


def geojson_text(clusters: pd.DataFrame) -> str:
    """:func:`clusters_geojson` as text, written in bulk.

    Properties are encoded column-wise by pandas (NaN as null, floats to 15 significant
    digits, which keeps every figure as rounded), geometries by the json module; the
    features are then joined as text rather than built as dictionaries.

    Examples
    --------
    >>> frame = pd.DataFrame({"cluster_id": ["A-1"], "units": [120], "share": [float("nan")],
    ...                       "latitude": [23.0], "longitude": [72.5], "outline": [None]})
    >>> json.loads(geojson_text(frame))["features"][0]["properties"]
    {'cluster_id': 'A-1', 'units': 120, 'share': None, 'latitude': 23.0, 'longitude': 72.5}
    """
    if clusters.empty:
        return '{"type": "FeatureCollection", "features": []}'
    table = clusters.drop(columns=list(TABLE_COLUMNS_DROPPED), errors="ignore")
    properties = table.to_json(orient="records", lines=True, double_precision=15).splitlines()
    encode = json.JSONEncoder(allow_nan=True).encode
    features = ",\n".join(
        f'{{"type": "Feature", "geometry": {encode(g)}, "properties": {p}}}'
        for g, p in zip(_geometries(clusters), properties, strict=True)
    )
    return f'{{"type": "FeatureCollection", "features": [\n{features}\n]}}'


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
    paths["clusters_geojson"].write_text(geojson_text(clusters), encoding="utf-8")
    quarantine.to_csv(paths["quarantine_csv"], index=False)
    paths["summary_json"].write_text(
        json.dumps(summary, indent=2, sort_keys=False, default=str), encoding="utf-8"
    )
    return paths
