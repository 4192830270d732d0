"""A cell too sparse to be dense, but touching a dense cell of its product, joins that
footprint, as DBSCAN's border points join a cluster (decision 0130). With
``edge_cells = false`` a footprint holds its dense cells only."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from clusterdev.engine import map_register
from clusterdev.engine.cells import cell_size_degrees

RULES = """name = "edge-check"
version = "test"
title = "Every footprint"
measure = "units"
[footprint]
cell_km = 2.0
min_units = 20
{edge}
[[tests]]
id = "any"
description = "any footprint"
conditions = [{{ figure = "units", op = ">=", value = 1 }}]
"""
DLAT, DLON = cell_size_degrees(2.0)
ROW = math.floor(21.17 / DLAT)
COLUMN = math.floor(72.83 / DLON)


def _in_column(prefix: str, n: int, column: int, nic: str = "1430") -> list[str]:
    """``n`` enterprises at the centre of the cell ``column`` cells east of the first."""
    lat, lon = (ROW + 0.5) * DLAT, (COLUMN + column + 0.5) * DLON
    return [f"{prefix}{i},GJ,Surat,{nic},2,{lat:.6f},{lon:.6f}" for i in range(n)]


def _map(tmp_path: Path, engine: str, edge: str) -> dict:
    # Column 0 holds the mass; column 1 is dense through it; column 2 only touches
    # column 1; column 4 touches nothing dense; a second product shares column 2.
    rows = [
        *_in_column("A", 30, 0),
        *_in_column("B", 3, 1),
        *_in_column("C", 2, 2),
        *_in_column("D", 4, 4),
        *_in_column("E", 1, 2, nic="2100"),
    ]
    register = tmp_path / "r.csv"
    header = "enterprise_id,state,district,nic_code,employment,latitude,longitude"
    register.write_text("\n".join([header, *rows]) + "\n")
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES.format(edge=edge))
    clusters = map_register(register, rules, methods=["footprint"], engine=engine).clusters
    assert clusters["product_code"].tolist() == ["1430"]
    return clusters.iloc[0].to_dict()


ENGINES = ["duckdb", pytest.param("spark", marks=pytest.mark.spark)]


@pytest.mark.parametrize("engine", ENGINES)
def test_a_sparse_cell_touching_a_dense_one_joins_its_footprint(tmp_path: Path, engine) -> None:
    found = _map(tmp_path, engine, "")
    assert (found["units"], found["employment"], found["cells"]) == (35, 70, 3)


@pytest.mark.parametrize("engine", ENGINES)
def test_the_outline_covers_the_edge_cell(tmp_path: Path, engine) -> None:
    ring = json.loads(_map(tmp_path, engine, "")["outline"])["coordinates"][0]
    east = max(lon for lon, _ in ring)
    assert east == pytest.approx((COLUMN + 3) * DLON, abs=1e-6)


def test_without_edge_cells_a_footprint_is_its_dense_cells(tmp_path: Path) -> None:
    found = _map(tmp_path, "duckdb", "edge_cells = false")
    assert (found["units"], found["cells"]) == (33, 2)


def test_joining_edge_cells_keeps_the_cluster_id(tmp_path: Path) -> None:
    with_edges = _map(tmp_path, "duckdb", "edge_cells = true")
    without = _map(tmp_path, "duckdb", "edge_cells = false")
    assert with_edges["cluster_id"] == without["cluster_id"]
