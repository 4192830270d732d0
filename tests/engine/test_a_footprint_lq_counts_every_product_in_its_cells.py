"""A footprint's location quotient compares its product's share of the employment in
its own cells, all products counted, with the product's national share."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterdev.engine import map_register

RULES = """name = "lq-check"
version = "test"
title = "Every dense footprint"
measure = "employment"
[footprint]
cell_km = 2.0
min_units = 20
[[tests]]
id = "any"
description = "any footprint"
conditions = [{ figure = "units", op = ">=", value = 1 }]
"""


def _rows(prefix: str, n: int, place: str, nic: str, employment: int, at: tuple[float, float]):
    lat, lon = at
    return [f"{prefix}{i},GJ,{place},{nic},{employment},{lat},{lon}" for i in range(n)]


@pytest.fixture(params=["duckdb", pytest.param("spark", marks=pytest.mark.spark)])
def found(request: pytest.FixtureRequest, tmp_path: Path):
    surat, ahmadabad = (21.1702, 72.8311), (23.0225, 72.5714)
    rows = [
        *_rows("K", 30, "Surat", "1430", 3, surat),  # dense knitwear
        *_rows("F", 10, "Surat", "2100", 5, surat),  # another product in the same cell
        *_rows("P", 50, "Ahmadabad", "2100", 2, ahmadabad),  # dense, elsewhere
        *_rows("Q", 5, "Ahmadabad", "1430", 1, ahmadabad),  # too few to be dense
    ]
    register = tmp_path / "r.csv"
    header = "enterprise_id,state,district,nic_code,employment,latitude,longitude"
    register.write_text("\n".join([header, *rows]) + "\n")
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES)
    result = map_register(register, rules, methods=["footprint"], engine=request.param)
    return result.clusters.set_index("product_code")


def test_the_lq_counts_the_other_products_in_the_footprints_cells(found) -> None:
    # 1430 in Surat: 90 of the 140 employed in its cell; 95 of 245 nationally.
    assert found.loc["1430", "location_quotient"] == pytest.approx(
        (90 / 140) / (95 / 245), abs=0.01
    )


def test_the_lq_of_a_footprint_elsewhere_counts_only_its_own_cells(found) -> None:
    # 2100 in Ahmadabad: 100 of 105 there; 150 of 245 nationally.
    assert found.loc["2100", "location_quotient"] == pytest.approx(
        (100 / 105) / (150 / 245), abs=0.01
    )


def test_only_dense_products_make_footprints(found) -> None:
    assert sorted(found.index) == ["1430", "2100"]
    assert found.loc["1430", "units"] == 30 and found.loc["2100", "units"] == 50
