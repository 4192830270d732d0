"""On synthetic registers, both methods find the planted clusters and little else."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from clusterdev.engine import map_register
from clusterdev.engine.synth import PlantedCluster


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dy = (lat2 - lat1) * 111.32
    dx = (lon2 - lon1) * 111.32 * math.cos(math.radians(lat1))
    return math.hypot(dx, dy)


def _matches_admin(row: pd.Series, plant: PlantedCluster) -> bool:
    return (
        row["product_code"] == plant.product_code and row["district_codes"] in plant.district_codes
    )


def _matches_footprint(row: pd.Series, plant: PlantedCluster) -> bool:
    near = (
        _km(plant.latitude, plant.longitude, row["latitude"], row["longitude"])
        <= plant.radius_km + 3
    )
    return row["product_code"] == plant.product_code and near


def _scores(
    found: pd.DataFrame, plants: list[PlantedCluster], match: object
) -> tuple[float, float]:
    rows = [row for _, row in found.iterrows()]
    recalled = sum(any(match(row, p) for row in rows) for p in plants)  # type: ignore[operator]
    precise = sum(any(match(row, p) for p in plants) for row in rows)  # type: ignore[operator]
    return recalled / len(plants), (precise / len(rows) if rows else 0.0)


@pytest.fixture(scope="module")
def mapped(synthetic: tuple[Path, list[PlantedCluster]]) -> pd.DataFrame:
    path, _ = synthetic
    return map_register(path, "fmc-observatory").clusters


def test_the_administrative_method_recalls_95_percent_of_plants_with_90_percent_precision(
    mapped: pd.DataFrame, synthetic: tuple[Path, list[PlantedCluster]]
) -> None:
    recall, precision = _scores(
        mapped[mapped.method == "administrative"], synthetic[1], _matches_admin
    )
    assert recall >= 0.95
    assert precision >= 0.90


def test_the_footprint_method_recalls_95_percent_of_plants_with_90_percent_precision(
    mapped: pd.DataFrame, synthetic: tuple[Path, list[PlantedCluster]]
) -> None:
    recall, precision = _scores(
        mapped[mapped.method == "footprint"], synthetic[1], _matches_footprint
    )
    assert recall >= 0.95
    assert precision >= 0.90


def test_a_plant_straddling_a_district_line_comes_out_as_one_footprint_covering_both(
    mapped: pd.DataFrame, synthetic: tuple[Path, list[PlantedCluster]]
) -> None:
    footprints = mapped[mapped.method == "footprint"]
    straddling = [p for p in synthetic[1] if p.straddles]
    assert straddling, "the synthetic register should plant straddling clusters"
    for plant in straddling:
        hits = [row for _, row in footprints.iterrows() if _matches_footprint(row, plant)]
        assert len(hits) == 1, plant.plant_id
        assert set(plant.district_codes) <= set(hits[0]["district_codes"].split(";"))


def test_the_small_cluster_rule_finds_the_plants_too(
    synthetic: tuple[Path, list[PlantedCluster]],
) -> None:
    path, plants = synthetic
    found = map_register(path, "msme-di-small", methods=["footprint"]).clusters
    recall, precision = _scores(found, plants, _matches_footprint)
    assert recall >= 0.95 and precision >= 0.90


def test_each_cluster_says_which_rules_it_met_and_has_a_typology(mapped: pd.DataFrame) -> None:
    assert (mapped["rules_met"].str.len() > 0).all()
    assert set(mapped["typology"]) <= {"industrial", "handloom", "handicraft", "micro", "services"}
    assert mapped["location_quotient"].notna().all()
