"""Outlines of footprints: the boundary of a union of grid cells, for many footprints at once.

A footprint is a set of square grid cells. Its outline is traced on the integer grid
with NumPy (decision 0113), not by a geometry library's union per footprint:

1. every cell contributes the four sides that do not face another cell of the same
   footprint, directed anticlockwise (the cell on the left);
2. each side is followed by the side that starts where it ends. Where two cells of a
   footprint touch only at a corner, the path turns left (keeping the two cells'
   rings apart) unless the two cells are joined by sides elsewhere; then it turns
   right (keeping the two empty areas apart, so that a hole touches its shell at that
   corner instead of the shell touching itself). This is what makes the rings valid
   OGC / GEOS rings;
3. the rings are cycles of that "next side" permutation, found by pointer doubling;
   vertices where the direction does not change are dropped;
4. every ring bounds one group of cells joined by sides: its anticlockwise ring is
   a shell, its clockwise rings are holes (RFC 7946 orientation). A footprint with
   several such groups (joined only at corners) is a MultiPolygon.

Grid corners become degrees only at the end, each distinct row or column once.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .grid import components, find, pack

__all__ = ["footprint_outlines"]

# Direction of a side: east, north, west, south; step in (x, y) along it.
_STEP_X = np.array([1, 0, -1, 0], dtype="int64")
_STEP_Y = np.array([0, 1, 0, -1], dtype="int64")


def _bits(n: int) -> int:
    return max(1, int(n).bit_length())


CHUNK_CELLS = 1_000_000
"""Footprints are outlined in batches of about this many cells, to bound memory."""


def footprint_outlines(
    comp: Any, cy: Any, cx: Any, dlat: float, dlon: float
) -> list[dict[str, Any]]:
    """GeoJSON outline of each footprint, given its cells.

    Parameters
    ----------
    comp : array of int
        Footprint number of each cell, 0 … F-1 (every number used).
    cy, cx : array of int
        Row and column of each cell on the grid (cell (y, x) spans y·dlat … (y+1)·dlat
        and x·dlon … (x+1)·dlon). No cell twice in one footprint.
    dlat, dlon : float
        Cell size in degrees.

    Returns
    -------
    list of dict
        Footprint *i*'s outline at position *i*: a GeoJSON Polygon or MultiPolygon
        with coordinates rounded to 6 decimals, shells anticlockwise, holes clockwise,
        each ring starting at its lowest west-most corner.

    Examples
    --------
    Two cells side by side, and a ring of eight cells around a hole:

    >>> ring = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1), (2, 2)]
    >>> out = footprint_outlines([0, 0] + [1] * 8, [5, 5] + [y for y, _ in ring],
    ...                          [7, 8] + [x for _, x in ring], 1.0, 1.0)
    >>> out[0]["type"], out[0]["coordinates"][0]
    ('Polygon', [[7.0, 5.0], [9.0, 5.0], [9.0, 6.0], [7.0, 6.0], [7.0, 5.0]])
    >>> [len(r) for r in out[1]["coordinates"]]
    [5, 5]
    """
    comp = np.asarray(comp, dtype="int64")
    cy = np.asarray(cy, dtype="int64")
    cx = np.asarray(cx, dtype="int64")
    if len(comp) == 0:
        return []
    if len(comp) <= CHUNK_CELLS:
        return _outlines(comp, cy, cx, dlat, dlon)
    # Whole footprints per batch: cut where the running count of cells passes a multiple.
    order = np.argsort(comp, kind="stable")
    comp, cy, cx = comp[order], cy[order], cx[order]
    sizes = np.bincount(comp)
    batch = np.cumsum(sizes) // CHUNK_CELLS
    out: list[dict[str, Any]] = []
    starts = np.r_[0, np.cumsum(sizes)]
    for b in np.unique(batch).tolist():
        fps = np.flatnonzero(batch == b)
        a, z = int(starts[fps[0]]), int(starts[fps[-1] + 1])
        out.extend(_outlines(comp[a:z] - fps[0], cy[a:z], cx[a:z], dlat, dlon))
    return out


def _outlines(comp: Any, cy: Any, cx: Any, dlat: float, dlon: float) -> list[dict[str, Any]]:
    """:func:`footprint_outlines` of one batch (footprint numbers 0 … F-1, all used)."""
    n_fp = int(comp.max()) + 1
    oy, ox = int(cy.min()) - 1, int(cx.min()) - 1
    y, x = cy - oy, cx - ox  # at least 1, so that neighbours and corners stay >= 0
    cb = max(_bits(int(y.max()) + 2), _bits(int(x.max()) + 2))  # bits of a cell's row or column
    vb = cb + 1  # bits of a corner's row or column
    if _bits(n_fp) + 2 * vb + 2 > 62:
        raise ValueError("footprints span too many grid cells to outline")

    # 1. Sides not facing another cell of the same footprint.
    own_key = pack(comp, y, x, cb)
    by_key = np.argsort(own_key, kind="stable")
    cell_key = own_key[by_key]

    def present(fy: Any, fx: Any) -> Any:
        return find(cell_key, pack(comp, fy, fx, cb))[0]

    # Side d of cell (y, x) starts at these corners; it faces the cell across it.
    start_x = np.stack([x, x + 1, x + 1, x])
    start_y = np.stack([y, y, y + 1, y + 1])
    faced = np.stack([present(y - 1, x), present(y, x + 1), present(y + 1, x), present(y, x - 1)])
    side_dir, side_cell = np.nonzero(~faced)
    f = comp[side_cell]
    sx = start_x[side_dir, side_cell]
    sy = start_y[side_dir, side_cell]
    d = side_dir.astype("int64")

    # Sides sorted by (footprint, start corner, direction): the first side of each ring
    # is then its lowest west-most corner's.
    def corner_key(ff: Any, vx: Any, vy: Any) -> Any:
        return (((ff << vb) | vx) << vb | vy) << 2

    key = corner_key(f, sx, sy) | d
    order = np.argsort(key, kind="stable")
    key, f, sx, sy, d = key[order], f[order], sx[order], sy[order], d[order]
    side_cell = side_cell[order]
    n = len(key)

    # Groups of cells joined by sides (4-connected) are the polygons. A footprint is one
    # such group unless two of its cells touch only at a corner, where two sides start:
    # only footprints with such corners are split into groups.
    corner = key >> 2
    pinched = np.zeros(n_fp, dtype=bool)
    pinched[f[np.flatnonzero(corner[1:] == corner[:-1])]] = True
    piece = comp.copy()  # a footprint's own number, unless split below
    split = np.flatnonzero(pinched[comp[by_key]])
    if len(split):
        piece[by_key[split]] = n_fp + components(cell_key[split], 4, bits=cb)
    side_piece = piece[side_cell]

    # 2. The side that follows each side. At most corners one side starts where another
    # ends; where two start (cells touching at a corner), see the module's docstring.
    ex, ey = sx + _STEP_X[d], sy + _STEP_Y[d]
    at_end = corner_key(f, ex, ey)

    def side_turning(turn: int) -> tuple[Any, Any]:
        want = at_end | ((d + turn) % 4)
        idx = np.minimum(np.searchsorted(key, want), n - 1)
        return key[idx] == want, idx

    left, left_idx = side_turning(1)
    ahead, ahead_idx = side_turning(0)
    right, right_idx = side_turning(3)
    nxt = np.where(left, left_idx, np.where(ahead, ahead_idx, right_idx))
    joined = left & right & (side_piece[right_idx] == side_piece)
    nxt = np.where(joined, right_idx, nxt)
    if not (left | ahead | right).all():  # cannot happen for a set of whole cells
        raise AssertionError("open boundary while tracing footprint outlines")

    # 3. Rings: the smallest side index on each cycle (pointer doubling), then each
    # side's distance from that first side (list ranking on the cycle cut there).
    ring, to_end = _rings(nxt, f, n_fp)
    length = np.bincount(ring, minlength=n)
    position = length[ring] - 1 - to_end
    walk = np.lexsort((position, ring))
    ring, sx, sy, d = ring[walk], sx[walk], sy[walk], d[walk]
    f, side_piece = f[walk], side_piece[walk]
    # Keep a corner only where the direction changes (the first side's always does).
    starts = np.flatnonzero(np.r_[True, ring[1:] != ring[:-1]])
    prev_d = np.r_[0, d[:-1]]
    ends = np.r_[starts[1:], n] - 1
    prev_d[starts] = d[ends]
    keep = d != prev_d
    # Signed area (shoelace) of each ring: positive for anticlockwise.
    ex, ey = sx + _STEP_X[d], sy + _STEP_Y[d]
    ring_no = np.cumsum(np.r_[True, ring[1:] != ring[:-1]]) - 1
    area2 = np.bincount(ring_no, weights=(sx * ey - ex * sy).astype("float64"))
    ring_fp = f[starts]
    ring_piece = side_piece[starts]
    shell = area2 > 0

    # Corners in degrees, rounded as Python rounds (each distinct row / column once).
    kx, ky = sx[keep], sy[keep]
    kept_ring = ring_no[keep]
    ux, ix = np.unique(kx, return_inverse=True)
    uy, iy = np.unique(ky, return_inverse=True)
    lon = np.array([round(float((v + ox) * dlon), 6) for v in ux.tolist()], dtype="float64")
    lat = np.array([round(float((v + oy) * dlat), 6) for v in uy.tolist()], dtype="float64")
    points = np.column_stack([lon[ix], lat[iy]])
    bounds = np.flatnonzero(np.r_[True, kept_ring[1:] != kept_ring[:-1], True])
    corners = points.tolist()  # one conversion, then plain list slices per ring
    rings: list[list[list[float]]] = []
    for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        coords = corners[a:b]
        coords.append(coords[0])
        rings.append(coords)

    # 4. Polygons: one per group of joined cells, in the order of their shells' first
    # corners, each with its group's holes.
    shells_of: list[list[int]] = [[] for _ in range(n_fp)]
    holes_of: dict[int, list[int]] = {}
    for r, (fp, pc, is_shell) in enumerate(
        zip(ring_fp.tolist(), ring_piece.tolist(), shell.tolist(), strict=True)
    ):
        if is_shell:
            shells_of[fp].append(r)
        else:
            holes_of.setdefault(pc, []).append(r)
    out: list[dict[str, Any]] = []
    for fp in range(n_fp):
        polygons = [
            [rings[s], *(rings[h] for h in holes_of.get(int(ring_piece[s]), []))]
            for s in shells_of[fp]
        ]
        if len(polygons) == 1:
            out.append({"type": "Polygon", "coordinates": polygons[0]})
        else:
            out.append({"type": "MultiPolygon", "coordinates": polygons})
    return out


def _rings(nxt: Any, f: Any, n_fp: int) -> tuple[Any, Any]:
    """(first side of its ring, sides to go to the ring's last side) for every side.

    Pointer doubling takes log2(ring length) rounds; footprints are grouped by their
    number of sides (powers of two) so that the many small ones do not pay for the
    few large ones. Sides of one footprint are contiguous and ``nxt`` never leaves it.
    """
    n = len(nxt)
    ring = np.arange(n, dtype="int64")
    to_end = np.zeros(n, dtype="int64")
    sides = np.bincount(f, minlength=n_fp)
    size_class = np.ceil(np.log2(np.maximum(sides, 1) + 1)).astype("int64")[f]
    local = np.empty(n, dtype="int64")
    for rounds in np.unique(size_class).tolist():
        sel = np.flatnonzero(size_class == rounds)
        local[sel] = np.arange(len(sel))
        step = local[nxt[sel]]
        first = np.arange(len(sel), dtype="int64")
        jump = step.copy()
        for _ in range(rounds + 1):
            first = np.minimum(first, first[jump])
            jump = jump[jump]
        last = step == first  # the side before the ring's first side
        succ = np.where(last, np.arange(len(sel)), step)
        left = np.where(last, 0, 1).astype("int64")
        for _ in range(rounds + 1):
            left = left + left[succ]
            succ = succ[succ]
        ring[sel] = sel[first]
        to_end[sel] = left
    return ring, to_end
