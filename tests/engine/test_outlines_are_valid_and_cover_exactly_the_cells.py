"""Footprint outlines traced on the grid must be valid polygons covering exactly their cells.

The reference is shapely's union of the cells' squares; the traced outline must be
the same area (topologically equal), valid (no self-touching shell), anticlockwise
for shells and clockwise for holes (RFC 7946), and rounded to 6 decimals. Outlines are
GeoJSON text, written exactly as json.dumps writes the geometry.
"""

from __future__ import annotations

import json
import random

import numpy as np
import pytest

from clusterdev.engine.footprints import cell_size_degrees
from clusterdev.engine.outlines import footprint_outlines

shapely = pytest.importorskip("shapely")
from shapely.geometry import shape  # noqa: E402


def _union(cells: list[tuple[int, int]], dlat: float, dlon: float) -> object:
    ys = np.array([c[0] for c in cells], dtype="float64")
    xs = np.array([c[1] for c in cells], dtype="float64")
    boxes = shapely.box(xs * dlon, ys * dlat, (xs + 1) * dlon, (ys + 1) * dlat)
    return shapely.coverage_union_all(boxes)


def _outlines(groups: list[list[tuple[int, int]]], dlat: float, dlon: float) -> list[str]:
    comp = np.concatenate([[i] * len(g) for i, g in enumerate(groups)])
    cy = np.concatenate([[c[0] for c in g] for g in groups])
    cx = np.concatenate([[c[1] for c in g] for g in groups])
    return footprint_outlines(comp, cy, cx, dlat, dlon)


def _check(groups: list[list[tuple[int, int]]], dlat: float, dlon: float) -> set[str]:
    """Exact topology on the integer grid; degrees are the grid corners rounded to 6 places."""
    kinds = set()
    in_grid = _outlines(groups, 1.0, 1.0)
    in_degrees = _outlines(groups, dlat, dlon)
    for cells, text, placed in zip(groups, in_grid, in_degrees, strict=True):
        outline = json.loads(text)
        got = shape(outline)
        assert got.is_valid, (cells, shapely.is_valid_reason(got))
        assert got.equals(_union(cells, 1.0, 1.0)), cells
        polygons = [got] if outline["type"] == "Polygon" else list(got.geoms)
        for polygon in polygons:
            assert polygon.exterior.is_ccw
            assert not any(hole.is_ccw for hole in polygon.interiors)
        corners = shapely.get_coordinates(got)
        expected = [[round(x * dlon, 6), round(y * dlat, 6)] for x, y in corners.tolist()]
        assert shapely.get_coordinates(shape(json.loads(placed))).tolist() == expected
        kinds.add(outline["type"])
    return kinds


def test_random_blobs_with_holes_and_corner_contacts_are_outlined_exactly() -> None:
    rng = random.Random(5)
    dlat, dlon = cell_size_degrees(2.0)
    groups = []
    for _ in range(600):
        y, x = rng.randint(300, 2000), rng.randint(3400, 5000)
        cells = set()
        for _ in range(rng.choice([1, 2, 5, 17, 60, 200])):
            cells.add((y, x))
            y += rng.choice([-1, 0, 1, 2])
            x += rng.choice([-2, -1, 0, 1])
        groups.append(sorted(cells))
    assert _check(groups, dlat, dlon) == {"Polygon", "MultiPolygon"}


def test_every_small_pattern_of_a_four_by_four_block_is_outlined_exactly() -> None:
    rng = random.Random(1)
    groups = []
    for _ in range(3000):
        cells = {(rng.randint(0, 3), rng.randint(0, 3)) for _ in range(rng.randint(1, 12))}
        groups.append(sorted(cells))
    _check(groups, 1.0, 1.0)


def test_a_hole_touching_its_shell_at_a_corner_stays_a_hole() -> None:
    # Eight cells around (1, 1) but for (2, 2): (1, 2) and (2, 1) meet only at a corner,
    # yet all are joined by sides the other way round. One polygon whose hole touches
    # its shell at that corner, not a shell that touches itself.
    cells = sorted({(0, 0), (0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1)})
    (text,) = _outlines([cells], 1.0, 1.0)
    outline = json.loads(text)
    assert outline["type"] == "Polygon"
    assert len(outline["coordinates"]) == 2  # shell and hole
    assert shape(outline).is_valid


@pytest.mark.parametrize("cell_km", [0.5, 1.0, 2.0, 4.0])
def test_a_single_cell_is_its_square_anticlockwise_from_its_south_west_corner(
    cell_km: float,
) -> None:
    dlat, dlon = cell_size_degrees(cell_km)
    (text,) = _outlines([[(1280, 3714)]], dlat, dlon)
    x0, x1 = round(3714 * dlon, 6), round(3715 * dlon, 6)
    y0, y1 = round(1280 * dlat, 6), round(1281 * dlat, 6)
    square = {
        "type": "Polygon",
        "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]],
    }
    assert json.loads(text) == square
    assert text == json.dumps(square)


def test_each_outline_is_geojson_text_written_exactly_as_json_dumps_writes_it() -> None:
    # Blobs with holes, corner contacts and several groups, on a grid of 1 km cells and
    # on one whose cell size has many decimals (coordinates rounded to 6 of them).
    rng = random.Random(21)
    groups = []
    for _ in range(400):
        y, x = rng.randint(-900, 2000), rng.randint(-500, 5000)
        cells = set()
        for _ in range(rng.choice([1, 3, 12, 40, 150])):
            cells.add((y, x))
            y += rng.choice([-1, 0, 1])
            x += rng.choice([-1, 0, 1])
        groups.append(sorted(cells))
    kinds = set()
    for dlat, dlon in (cell_size_degrees(1.0), (0.0123456789, 0.0987654321)):
        for text in _outlines(groups, dlat, dlon):
            geometry = json.loads(text)
            assert list(geometry) == ["type", "coordinates"]
            assert text == json.dumps(geometry)
            polygons = geometry["coordinates"]
            if geometry["type"] == "Polygon":
                polygons = [polygons]
            kinds.add((geometry["type"], any(len(rings) > 1 for rings in polygons)))
    # Polygons and MultiPolygons, with and without holes.
    assert kinds == {
        (kind, holes) for kind in ("Polygon", "MultiPolygon") for holes in (False, True)
    }


def test_outlines_drawn_in_batches_equal_those_drawn_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from clusterdev.engine import outlines

    rng = random.Random(9)
    groups = []
    for _ in range(200):
        y, x = rng.randint(300, 2000), rng.randint(3400, 5000)
        groups.append(sorted({(y + rng.randint(0, 6), x + rng.randint(0, 6)) for _ in range(30)}))
    dlat, dlon = cell_size_degrees(2.0)
    at_once = _outlines(groups, dlat, dlon)
    monkeypatch.setattr(outlines, "CHUNK_CELLS", 97)
    # Footprint numbers given out of order, as the footprint method gives them.
    assert _outlines(groups, dlat, dlon) == at_once
    comp = np.concatenate([[i] * len(g) for i, g in enumerate(groups)])
    cy = np.concatenate([[c[0] for c in g] for g in groups])
    cx = np.concatenate([[c[1] for c in g] for g in groups])
    shuffled = np.random.default_rng(1).permutation(len(comp))
    got = outlines.footprint_outlines(comp[shuffled], cy[shuffled], cx[shuffled], dlat, dlon)
    assert got == at_once
