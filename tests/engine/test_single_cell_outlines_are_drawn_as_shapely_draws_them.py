"""A one-cell footprint's outline is written directly; it must equal shapely's union."""

from __future__ import annotations

import random

import pytest

from clusterdev.engine.methods import _dissolved, _outline, cell_size_degrees


@pytest.mark.parametrize("cell_km", [0.5, 1.0, 2.0, 4.0])
def test_single_cell_outline_equals_the_dissolved_one(cell_km: float) -> None:
    pytest.importorskip("shapely")
    dlat, dlon = cell_size_degrees(cell_km)
    rng = random.Random(cell_km)
    for _ in range(2000):
        cell = [(rng.randint(0, 5000), rng.randint(0, 9000))]
        assert _outline(cell, dlat, dlon) == _dissolved(cell, dlat, dlon)
