"""Writing a mapping's results: CSV, Parquet, GeoJSON, quarantine and summary.

Tables go through Arrow to DuckDB's own CSV and JSON writers (decision 0118): several
times faster than pandas for a quarter of a million clusters, and they write each float
in its shortest exact form (pandas' JSON wrote 93.933670000000006 for 93.93367).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

__all__ = ["clusters_geojson", "geojson_text", "write_outputs"]

TABLE_COLUMNS_DROPPED = ("outline",)


def _geometries(clusters: pd.DataFrame) -> list[str]:
    """Each cluster's geometry as GeoJSON text: its outline, or its centroid as a point.

    An outline is GeoJSON text (as :func:`~clusterdev.engine.outlines.footprint_outlines`
    writes it), used as it is, or a geometry dict, encoded; a missing one (None, NaN)
    stands for the centroid.

    Examples
    --------
    >>> frame = pd.DataFrame({"latitude": [23.0, 1.0, 2.0], "longitude": [72.5, 3.0, 4.0],
    ...                       "outline": [None, '{"type": "Polygon", "coordinates": []}',
    ...                                   {"type": "Point", "coordinates": [4.0, 2.0]}]})
    >>> for text in _geometries(frame):
    ...     print(text)
    {"type": "Point", "coordinates": [72.5, 23.0]}
    {"type": "Polygon", "coordinates": []}
    {"type": "Point", "coordinates": [4.0, 2.0]}
    """
    outlines = clusters["outline"].tolist() if "outline" in clusters else [None] * len(clusters)
    lon = clusters["longitude"].astype("float64").tolist()
    lat = clusters["latitude"].astype("float64").tolist()
    encode = json.JSONEncoder(allow_nan=True).encode

    def text(outline: Any, x: float, y: float) -> str:
        if isinstance(outline, str) and outline:
            return outline
        if isinstance(outline, dict) and outline:
            return encode(outline)
        return encode({"type": "Point", "coordinates": [x, y]})

    return [text(g, x, y) for g, x, y in zip(outlines, lon, lat, strict=True)]


def _arrow(frame: pd.DataFrame) -> pa.Table:
    """The frame as Arrow: NaN becomes null (an empty CSV field, a JSON null)."""
    return pa.Table.from_pandas(frame, preserve_index=False)


def _write_csv(table: pa.Table, path: Path) -> None:
    """A CSV file with a header, by DuckDB (an empty text is written ``""``, a null as
    nothing).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "t.csv"
    >>> _write_csv(_arrow(pd.DataFrame({"a": ["x", ""], "b": [1.5, float("nan")]})), path)
    >>> path.read_text()
    'a,b\\nx,1.5\\n"",\\n'
    """
    if table.num_columns == 0:  # nothing to say, not even a header
        path.write_text("", encoding="utf-8")
        return
    con = duckdb.connect()
    try:
        con.register("rows_out", table)
        con.execute(f"COPY rows_out TO '{_quoted(path)}' (FORMAT csv, HEADER)")
    finally:
        con.close()


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _json_rows(table: pa.Table) -> list[str]:
    """Each row as a JSON object, by DuckDB, in the table's order.

    Examples
    --------
    >>> _json_rows(_arrow(pd.DataFrame({"a": ["x"], "b": [float("nan")], "c": [93.93367]})))
    ['{"a":"x","b":null,"c":93.93367}']
    """
    con = duckdb.connect()  # insertion order is kept, as by default
    try:
        con.register("rows_out", table)
        return [row[0] for row in con.execute("SELECT to_json(r) FROM rows_out AS r").fetchall()]
    finally:
        con.close()


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

    Properties are encoded by DuckDB (NaN as null, each float in its shortest exact
    form). Footprint outlines are already GeoJSON
    text and are written as they are; points (and outlines given as dicts) are encoded
    by the json module. The features are then joined as text rather than built as
    dictionaries.

    Examples
    --------
    >>> frame = pd.DataFrame({"cluster_id": ["A-1"], "units": [120], "share": [float("nan")],
    ...                       "latitude": [23.0], "longitude": [72.5], "outline": [None]})
    >>> json.loads(geojson_text(frame))["features"][0]["properties"]
    {'cluster_id': 'A-1', 'units': 120, 'share': None, 'latitude': 23.0, 'longitude': 72.5}

    A footprint's outline, as text, is written as it is:

    >>> frame["outline"] = ['{"type": "Polygon", "coordinates": [[[72.0, 23.0], [73.0, 23.0], '
    ...                     '[73.0, 24.0], [72.0, 23.0]]]}']
    >>> json.loads(geojson_text(frame))["features"][0]["geometry"]["coordinates"][0][1]
    [73.0, 23.0]
    """
    if clusters.empty:
        return '{"type": "FeatureCollection", "features": []}'
    table = clusters.drop(columns=list(TABLE_COLUMNS_DROPPED), errors="ignore")
    properties = _json_rows(_arrow(table))
    features = ",\n".join(
        f'{{"type": "Feature", "geometry": {g}, "properties": {p}}}'
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
    arrow = _arrow(table)
    _write_csv(arrow, paths["clusters_csv"])
    table.to_parquet(paths["clusters_parquet"], index=False)
    paths["clusters_geojson"].write_text(geojson_text(clusters), encoding="utf-8")
    _write_csv(_arrow(quarantine), paths["quarantine_csv"])
    paths["summary_json"].write_text(
        json.dumps(summary, indent=2, sort_keys=False, default=str), encoding="utf-8"
    )
    return paths
