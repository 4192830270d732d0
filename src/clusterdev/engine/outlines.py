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

Grid corners become degrees only at the end, each distinct row or column once, and the
geometries are written as GeoJSON text directly, in bulk: the text of each distinct
longitude and latitude is made once, each corner's text (with the brackets and commas
around it) is gathered as bytes, a batch of footprints is joined once and cut into
footprints by offsets. No nested lists or dicts are built, and the text is exactly what
:func:`json.dumps` writes for the geometry.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .grid import components, find, pack

__all__ = ["footprint_outlines"]

# Direction of a side: east, north, west, south; step in (x, y) along it.
_STEP_X = np.array([1, 0, -1, 0], dtype="int64")
_STEP_Y = np.array([0, 1, 0, -1], dtype="int64")
# Side d of cell (y, x) starts at corner (x + _START_X[d], y + _START_Y[d]).
_START_X = np.array([0, 1, 1, 0], dtype="int64")
_START_Y = np.array([0, 0, 1, 1], dtype="int64")


def _bits(n: int) -> int:
    return max(1, int(n).bit_length())


CHUNK_CELLS = 1_000_000
"""Footprints are outlined in batches of about this many cells, to bound memory."""


def footprint_outlines(comp: Any, cy: Any, cx: Any, dlat: float, dlon: float) -> list[str]:
    """GeoJSON outline of each footprint, given its cells, as text.

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
    list of str
        Footprint *i*'s outline at position *i*: the text of a GeoJSON Polygon or
        MultiPolygon, exactly as :func:`json.dumps` writes it (keys ``type`` then
        ``coordinates``), with coordinates rounded to 6 decimals, shells
        anticlockwise, holes clockwise, each ring starting at its lowest west-most
        corner.

    Examples
    --------
    Two cells side by side, and a ring of eight cells around a hole:

    >>> import json
    >>> ring = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 2), (2, 0), (2, 1), (2, 2)]
    >>> out = footprint_outlines([0, 0] + [1] * 8, [5, 5] + [y for y, _ in ring],
    ...                          [7, 8] + [x for _, x in ring], 1.0, 1.0)
    >>> print(out[0])  # doctest: +NORMALIZE_WHITESPACE
    {"type": "Polygon",
     "coordinates": [[[7.0, 5.0], [9.0, 5.0], [9.0, 6.0], [7.0, 6.0], [7.0, 5.0]]]}
    >>> [len(r) for r in json.loads(out[1])["coordinates"]]
    [5, 5]
    >>> out[1] == json.dumps(json.loads(out[1]))
    True
    """
    comp = np.asarray(comp, dtype="int64")
    cy = np.asarray(cy, dtype="int64")
    cx = np.asarray(cx, dtype="int64")
    if len(comp) == 0:
        return []
    if len(comp) <= CHUNK_CELLS:
        return _outlines(comp, cy, cx, dlat, dlon)
    # Whole footprints per batch: cut where the running count of cells passes a multiple.
    # Batches are runs of footprint numbers, so a cell's batch needs no sort by footprint
    # (the order of cells within a batch does not matter).
    batch = np.cumsum(np.bincount(comp)) // CHUNK_CELLS
    cuts = np.flatnonzero(np.r_[True, batch[1:] != batch[:-1]]).tolist()
    cell_batch = batch[comp]
    out: list[str] = []
    for first in cuts:
        mine = np.flatnonzero(cell_batch == batch[first])
        out.extend(_outlines(comp[mine] - first, cy[mine], cx[mine], dlat, dlon))
    return out


def _outlines(comp: Any, cy: Any, cx: Any, dlat: float, dlon: float) -> list[str]:
    """:func:`footprint_outlines` of one batch (footprint numbers 0 … F-1, all used)."""
    n_fp = int(comp.max()) + 1
    oy, ox = int(cy.min()) - 1, int(cx.min()) - 1
    y, x = cy - oy, cx - ox  # at least 1, so that neighbours and corners stay >= 0
    cb = max(_bits(int(y.max()) + 2), _bits(int(x.max()) + 2))  # bits of a cell's row or column
    vb = cb + 1  # bits of a corner's row or column
    if _bits(n_fp) + 2 * vb + 2 > 62:
        raise ValueError("footprints span too many grid cells to outline")

    # 1. Sides not facing another cell of the same footprint. Cells are sorted by key
    # (keys are distinct), so that the cell east of a cell is the next one if present,
    # and the cells north and south are searched for in order (much faster).
    cell_key = pack(comp, y, x, cb)
    by_key = np.argsort(cell_key)
    cell_key, comp, y, x = cell_key[by_key], comp[by_key], y[by_key], x[by_key]
    row = 1 << cb
    east = np.r_[cell_key[1:] == cell_key[:-1] + 1, False]
    west = np.r_[False, east[:-1]]

    # Side d of a cell faces the cell south, east, north or west of it.
    faced = np.stack(
        [find(cell_key, cell_key - row)[0], east, find(cell_key, cell_key + row)[0], west]
    )
    side_dir, side_cell = np.nonzero(~faced)
    d = side_dir.astype("int64")
    f = comp[side_cell]
    sx = x[side_cell] + _START_X[d]
    sy = y[side_cell] + _START_Y[d]

    # Sides sorted by (footprint, start corner, direction): the first side of each ring
    # is then its lowest west-most corner's.
    def corner_key(ff: Any, vx: Any, vy: Any) -> Any:
        return (((ff << vb) | vx) << vb | vy) << 2

    key = corner_key(f, sx, sy) | d
    order = np.argsort(key)  # keys are distinct: a side is one cell's
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
    split = np.flatnonzero(pinched[comp])
    if len(split):
        piece[split] = n_fp + components(cell_key[split], 4, bits=cb)
    side_piece = piece[side_cell]

    # 2. The side that follows each side. At most corners one side starts where another
    # ends; where two start (cells touching at a corner), see the module's docstring.
    ex, ey = sx + _STEP_X[d], sy + _STEP_Y[d]
    at_end = corner_key(f, ex, ey)

    # At most two sides start at a corner (one per cell around it, and only two of the
    # four cells can have a side there): they are the first one or two at or after it.
    one = np.minimum(np.searchsorted(key, at_end), n - 1)
    two = np.minimum(one + 1, n - 1)
    turn_one = ((key[one] & 3) - d) % 4
    turn_two = np.where((key[two] >> 2) == (at_end >> 2), ((key[two] & 3) - d) % 4, -1)
    turn_one[(key[one] >> 2) != (at_end >> 2)] = -1

    def side_turning(turn: int) -> tuple[Any, Any]:
        hit = turn_one == turn
        return hit | (turn_two == turn), np.where(hit, one, two)

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
    # Sides in ring order (rings by first side), each ring from its first side: each
    # side's place is its ring's offset plus its position, so no sort is needed.
    length = np.bincount(ring, minlength=n)
    place = (np.cumsum(length) - length)[ring] + length[ring] - 1 - to_end
    walk = np.empty(n, dtype="int64")
    walk[place] = np.arange(n)
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

    # 4. Polygons: one per shell, in the order of their first corners, each followed by
    # the holes of its group of joined cells (in ring order): ``o`` is the order in
    # which rings are written.
    shells = np.flatnonzero(shell)
    holes = np.flatnonzero(~shell)
    o = shells
    if len(holes):
        holes = holes[np.argsort(ring_piece[holes], kind="stable")]
        per_piece = np.bincount(ring_piece[holes], minlength=int(ring_piece.max()) + 1)
        base = (np.cumsum(per_piece) - per_piece)[ring_piece[shells]]
        size = 1 + per_piece[ring_piece[shells]]
        which = np.repeat(np.arange(len(shells)), size)
        nth = np.arange(int(size.sum())) - (np.cumsum(size) - size)[which]  # 0: the shell
        o = np.where(nth == 0, shells[which], holes[np.maximum(base[which] + nth - 1, 0)])
    multi = np.bincount(ring_fp[shell], minlength=n_fp) > 1
    return _geometry_text(
        o, ring_fp, shell, multi, sx[keep] + ox, sy[keep] + oy, ring_no[keep], dlat, dlon
    )


# The text around a corner's "[lon, lat]". Before it: nothing new inside a ring, or it
# opens a hole, a polygon of a MultiPolygon, or a footprint's coordinates ("[[" for a
# Polygon, "[[[" for a MultiPolygon). After it: nothing, or it closes a ring, a ring
# and a polygon (or a Polygon's coordinates), or a MultiPolygon's coordinates.
_BEFORE = (b", ", b", [", b", [[", b"[[", b"[[[")
_HOLE, _POLYGON, _FIRST = 1, 2, 3
_AFTER = (b"", b"]", b"]]", b"]]]")
_RING_END, _POLYGON_END = 1, 2
_KINDS = ("Polygon", "MultiPolygon")


def _distinct(values: Any) -> tuple[Any, Any]:
    """``np.unique(values, return_inverse=True)`` for small non-negative integers, in O(n)."""
    seen = np.zeros(int(values.max()) + 1, dtype=bool)
    seen[values] = True
    rank = np.cumsum(seen) - 1
    return np.flatnonzero(seen), rank[values]


def _numbers(values: list[int], step: float) -> list[bytes]:
    """Text of each grid line in degrees, as json writes the float rounded to 6 decimals."""
    return [repr(round(float(v * step), 6)).encode() for v in values]


def _table(texts: list[bytes]) -> tuple[Any, Any]:
    """Byte strings as a fixed-width (zero-padded) bytes array, and their lengths."""
    return np.array(texts, dtype="S"), np.array([len(t) for t in texts], dtype="int64")


def _geometry_text(
    o: Any,
    ring_fp: Any,
    shell: Any,
    multi: Any,
    kx: Any,
    ky: Any,
    kept_ring: Any,
    dlat: float,
    dlon: float,
) -> list[str]:
    """GeoJSON text of every footprint, written in bulk.

    ``o`` is the order in which rings are written; ``kx``, ``ky`` are the absolute grid
    corners of the rings (ring ``kept_ring``), each ring's corners in order and
    contiguous. Each corner's text is looked up in two small tables (what comes before
    it and its longitude; its latitude and what comes after it), the two pieces added
    as fixed-width bytes, all of them joined at once by dropping the padding, and
    footprints cut out by offsets.
    """
    count = np.bincount(kept_ring)  # corners of each ring
    first = np.cumsum(count) - count

    # What opens and closes each ring, in writing order (a shell starts a polygon).
    fp = ring_fp[o]
    is_shell = shell[o]
    new_fp = np.r_[True, fp[1:] != fp[:-1]]
    last_of_fp = np.r_[new_fp[1:], True]
    before = np.where(new_fp, _FIRST + multi[fp], np.where(is_shell, _POLYGON, _HOLE))
    polygon_ends = np.r_[is_shell[1:], True]
    after = np.where(
        last_of_fp,
        _POLYGON_END + multi[fp],
        np.where(polygon_ends, _POLYGON_END, _RING_END),
    )

    # Corners in writing order, each ring closed by its first corner again.
    size = count[o] + 1
    out_end = np.cumsum(size)
    out_start = out_end - size
    which = np.repeat(np.arange(len(o)), size)
    pos = np.arange(int(out_end[-1])) - out_start[which]
    src = first[o][which] + np.where(pos == size[which] - 1, 0, pos)

    # Each distinct longitude and latitude written once (as json writes a float).
    x0, y0 = int(kx.min()), int(ky.min())
    ux, ix = _distinct(kx - x0)
    uy, iy = _distinct(ky - y0)
    lon = _numbers((ux + x0).tolist(), dlon)
    lat = _numbers((uy + y0).tolist(), dlat)
    head, head_len = _table([b + b"[" + x + b", " for b in _BEFORE for x in lon])
    tail, tail_len = _table([y + b"]" + a for a in _AFTER for y in lat])
    code = np.zeros(len(src), dtype="int64")
    code[out_start] = before
    head_row = code * len(lon) + ix[src]
    code[:] = 0
    code[out_end - 1] = after
    tail_row = code * len(lat) + iy[src]

    # Joined by dropping the padding of the fixed-width pieces: the texts hold no NUL.
    pieces = np.strings.add(head[head_row], tail[tail_row]).view(np.uint8)
    text = pieces[pieces != 0].tobytes().decode("ascii")
    ends = np.cumsum(head_len[head_row] + tail_len[tail_row])
    cuts = np.r_[0, ends[out_end[last_of_fp] - 1]].tolist()
    return [
        f'{{"type": "{_KINDS[m]}", "coordinates": {text[a:b]}}}'
        for m, a, b in zip(multi.tolist(), cuts[:-1], cuts[1:], strict=True)
    ]


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
    for rounds in np.flatnonzero(np.bincount(size_class)).tolist():
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
