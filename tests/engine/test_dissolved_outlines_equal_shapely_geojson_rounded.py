"""Outlines read coordinates in bulk; they must equal shapely's GeoJSON, rounded."""

from __future__ import annotations

import random
from typing import Any

import pytest

from clusterdev.engine.methods import _dissolved, cell_size_degrees


def _reference(cells: list[tuple[int, int]], dlat: float, dlon: float) -> dict[str, Any]:
    import numpy as np
    import shapely
    from shapely.geometry import mapping

    ys = np.array([c[0] for c in cells], dtype="float64")
    xs = np.array([c[1] for c in cells], dtype="float64")
    boxes = shapely.box(xs * dlon, ys * dlat, (xs + 1) * dlon, (ys + 1) * dlat)
    geo = mapping(shapely.coverage_union_all(boxes).simplify(0))

    def rounded(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return [rounded(v) for v in value]
        return round(float(value), 6)

    return {"type": geo["type"], "coordinates": rounded(geo["coordinates"])}


def test_blobs_with_holes_and_parts_are_outlined_exactly() -> None:
    pytest.importorskip("shapely")
    rng = random.Random(5)
    dlat, dlon = cell_size_degrees(2.0)
    kinds = set()
    for _ in range(400):
        y, x = rng.randint(0, 3000), rng.randint(0, 6000)
        cells = set()
        for _ in range(rng.choice([2, 5, 17, 60, 200])):
            cells.add((y, x))
            y += rng.choice([-1, 0, 1, 2])
            x += rng.choice([-2, -1, 0, 1])
        ordered = sorted(cells)
        got = _dissolved(ordered, dlat, dlon)
        assert got == _reference(ordered, dlat, dlon)
        kinds.add(got["type"])
    assert kinds == {"Polygon", "MultiPolygon"}
