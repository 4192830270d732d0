"""What a mapping writes, and the same answer from DuckDB and Spark."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from clusterdev.engine import map_register
from clusterdev.engine.synth import PlantedCluster

COLUMNS = [
    "cluster_id",
    "method",
    "rule_set",
    "rules_met",
    "product_code",
    "product_name",
    "state",
    "district",
    "district_codes",
    "units",
    "employment",
    "turnover_inr",
    "location_quotient",
    "stars",
    "typology",
    "latitude",
    "longitude",
    "area_km2",
]


@pytest.fixture(scope="module")
def duckdb_result(
    small_synthetic: tuple[Path, list[PlantedCluster]], tmp_path_factory: pytest.TempPathFactory
):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("out")
    stages: list[tuple[str, int, int]] = []
    result = map_register(
        small_synthetic[0], "fmc-observatory", out=out, progress=lambda *a: stages.append(a)
    )
    return result, out, stages


def test_the_output_directory_holds_every_file(duckdb_result) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = duckdb_result
    for name in (
        "clusters.csv",
        "clusters.parquet",
        "clusters.geojson",
        "quarantine.csv",
        "summary.json",
    ):
        assert (out / name).is_file(), name
    table = pd.read_csv(out / "clusters.csv", dtype={"product_code": str})
    assert set(COLUMNS) <= set(table.columns)
    assert set(table["method"]) == {"administrative", "footprint"}
    assert pd.read_parquet(out / "clusters.parquet").shape == table.shape


def test_the_geojson_has_outlines_for_footprints_and_points_for_districts(duckdb_result) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = duckdb_result
    features = json.loads((out / "clusters.geojson").read_text())["features"]
    kinds = {(f["properties"]["method"], f["geometry"]["type"]) for f in features}
    assert ("administrative", "Point") in kinds
    assert {k for m, k in kinds if m == "footprint"} <= {"Polygon", "MultiPolygon"}


def test_the_summary_counts_rows_clusters_and_stage_durations(duckdb_result) -> None:  # type: ignore[no-untyped-def]
    result, out, _ = duckdb_result
    summary = json.loads((out / "summary.json").read_text())
    assert summary["rows"]["read"] == summary["rows"]["accepted"] + summary["rows"]["quarantined"]
    assert summary["engine"] == "duckdb"
    assert summary["clusters"]["by_method"]["footprint"] == len(result.by_method("footprint"))
    assert {"read", "validate", "administrative", "footprint", "write"} <= set(
        summary["durations_s"]
    )
    steps = summary["validate_steps_s"]
    assert set(steps) == {"dictionaries", "duplicate_ids", "pass", "quarantine"}
    assert sum(steps.values()) <= summary["durations_s"]["validate"] + 0.01


def test_progress_is_reported_per_stage(duckdb_result) -> None:  # type: ignore[no-untyped-def]
    _, _, stages = duckdb_result
    assert [s for s, done, _ in stages if done == 1] == [
        "read",
        "validate",
        "aggregate",
        "administrative",
        "footprint",
        "write",
    ]


def test_cluster_ids_are_deterministic(duckdb_result, small_synthetic) -> None:  # type: ignore[no-untyped-def]
    again = map_register(small_synthetic[0], "fmc-observatory")
    assert list(again.clusters["cluster_id"]) == list(duckdb_result[0].clusters["cluster_id"])
    assert again.clusters["cluster_id"].is_unique


@pytest.mark.spark
def test_spark_finds_the_same_clusters_and_figures_as_duckdb(
    duckdb_result, small_synthetic, spark_session
) -> None:  # type: ignore[no-untyped-def]
    spark = map_register(small_synthetic[0], "fmc-observatory", engine="spark")
    pd.testing.assert_frame_equal(spark.clusters, duckdb_result[0].clusters)
    pd.testing.assert_frame_equal(spark.quarantine, duckdb_result[0].quarantine)
    assert spark.summary["rows"] == duckdb_result[0].summary["rows"]
    assert spark.summary["engine"] == "spark"


@pytest.mark.spark
def test_spark_reads_parquet_registers_like_duckdb(
    small_synthetic, tmp_path: Path, spark_session
) -> None:  # type: ignore[no-untyped-def]
    frame = pd.read_csv(small_synthetic[0], dtype=str, keep_default_na=False)
    frame["employment"] = frame["employment"].astype("int64")
    path = tmp_path / "r.parquet"
    frame.to_parquet(path, index=False)
    duck = map_register(path, "strong", methods=["administrative"])
    spark = map_register(path, "strong", methods=["administrative"], engine="spark")
    pd.testing.assert_frame_equal(spark.clusters, duck.clusters)


def test_geojson_writes_outline_text_as_it_is_and_encodes_dicts_and_missing_outlines() -> None:
    from clusterdev.engine.outputs import clusters_geojson, geojson_text

    square = {
        "type": "Polygon",
        "coordinates": [[[72.0, 23.0], [72.5, 23.0], [72.5, 23.5], [72.0, 23.5], [72.0, 23.0]]],
    }
    frame = pd.DataFrame(
        {
            "cluster_id": ["F-1", "F-2", "A-1", "A-2"],
            "latitude": [23.2, 23.2, 21.0, 22.0],
            "longitude": [72.2, 72.2, 70.0, 71.0],
            "outline": [json.dumps(square), square, None, float("nan")],
        }
    )
    text = geojson_text(frame)
    assert f'"geometry": {json.dumps(square)}, "properties"' in text
    features = clusters_geojson(frame)["features"]
    assert [f["geometry"] for f in features] == [
        square,
        square,
        {"type": "Point", "coordinates": [70.0, 21.0]},
        {"type": "Point", "coordinates": [71.0, 22.0]},
    ]
    assert "outline" not in features[0]["properties"]
