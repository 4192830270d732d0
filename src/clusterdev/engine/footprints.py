"""The footprint method: dense grid cells of one product, joined across district lines.

The execution engine makes one pass over the located rows and returns *cell parts*:
totals per product × grid cell × district × segment (decision 0113). Everything
after that is NumPy over those parts, the same for DuckDB and Spark:

* a cell is dense when its 3 × 3 neighbourhood holds at least ``min_units`` units of
  its product (:func:`~clusterdev.engine.grid.neighbourhood_sums`);
* dense cells that touch (sides or corners) form one footprint
  (:func:`~clusterdev.engine.grid.components`);
* a cell that is not dense but touches a dense cell joins that cell's footprint,
  unless the rule set says ``edge_cells = false`` (decision 0130);
* a footprint's figures are sums over its cell parts; its location quotient compares
  its product's share of all enterprises in its cells with the national share;
* outlines are traced on the grid (:mod:`~clusterdev.engine.outlines`).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from .cells import LAT0, TOTALS, cell_key, cell_size_degrees, totals_expr, with_cells
from .errors import EngineError
from .grid import (
    BITS,
    components,
    components_of,
    key_order,
    lex_order,
    neighbour_pairs,
    pack,
    sorted_distinct,
    unique_inverse,
)
from .grid import dense as dense_cells
from .methods import (
    CLUSTER_COLUMNS,
    _round,
    apply_rules,
    id_from_digest,
    location_quotient,
    national_totals,
    stars,
)
from .outlines import footprint_outlines
from .register import INDIA_BOUNDS, SEGMENTS, district_info, state_names
from .rules import RuleSet
from .validation import LOCATION_BASES, Validated

__all__ = [
    "LAT0",
    "cell_size_degrees",
    "connected_components",
    "footprint",
    "label_cells",
    "with_cells",
]

_MASK = (1 << BITS) - 1


def connected_components(cells: Sequence[tuple[str, int, int]]) -> dict[tuple[str, int, int], int]:
    """Label 8-connected components of grid cells, per product (union-find, for reference).

    Labels are the index of the component in the order of its smallest cell, so
    they do not depend on the order of the input.

    Examples
    --------
    >>> labels = connected_components([("p", 0, 0), ("p", 1, 1), ("p", 5, 5), ("q", 0, 1)])
    >>> labels[("p", 0, 0)] == labels[("p", 1, 1)], labels[("p", 5, 5)] == labels[("p", 0, 0)]
    (True, False)
    """
    parent: dict[tuple[str, int, int], tuple[str, int, int]] = {c: c for c in cells}

    def find(c: tuple[str, int, int]) -> tuple[str, int, int]:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for p, y, x in cells:
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                other = (p, y + dy, x + dx)
                if (dy or dx) and other in parent:
                    a, b = find((p, y, x)), find(other)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
    roots = sorted({find(c) for c in parent})
    index = {root: i for i, root in enumerate(roots)}
    return {c: index[find(c)] for c in parent}


def _grid_origin(cy: Any, cx: Any) -> tuple[int, int]:
    """Origin that puts rows and columns in 1 … 2**BITS - 2 (neighbours stay inside)."""
    oy, ox = int(cy.min()) - 1, int(cx.min()) - 1
    if int(cy.max()) - oy >= _MASK - 1 or int(cx.max()) - ox >= _MASK - 1:
        raise EngineError("footprint grid too large: use a larger cell_km")
    return oy, ox


def label_cells(products: Any, cy: Any, cx: Any) -> Any:
    """Vectorised :func:`connected_components`: one label per cell, same labels.

    Parameters
    ----------
    products, cy, cx : array-like
        Product code, row and column of each cell (no duplicates).

    Returns
    -------
    numpy.ndarray
        Component label of each cell, numbered in the order of each component's
        smallest (product, cy, cx).

    Examples
    --------
    >>> label_cells(["p", "p", "p", "q"], [0, 1, 5, 0], [0, 1, 5, 1]).tolist()
    [0, 0, 1, 2]
    """
    products = np.asarray(products, dtype=object)
    cy = np.asarray(cy, dtype="int64")
    cx = np.asarray(cx, dtype="int64")
    if len(cy) == 0:
        return np.zeros(0, dtype="int64")
    _, pid = np.unique(products.astype(str), return_inverse=True)
    oy, ox = _grid_origin(cy, cx)
    keys = pack(pid, cy - oy, cx - ox)
    order = key_order(keys)
    labels = np.empty(len(keys), dtype="int64")
    labels[order] = components(keys[order], 8)
    return labels


_PART_COLUMNS = ("key", "did", "segment", *TOTALS)


def _arrays(table: pa.Table, keep: Any = None) -> dict[str, Any]:
    """Cell-part columns as NumPy arrays (only the rows ``keep`` when given).

    A null total is a sum over nothing, so it becomes 0; whether any turnover was
    known is in ``turnover_known``.
    """
    if keep is not None and keep.all():
        keep = None  # every row kept: no copy
    out = {}
    for name in _PART_COLUMNS:
        column = table.column(name)
        chunks = [chunk.to_numpy(zero_copy_only=False) for chunk in column.chunks]
        if len(chunks) == 1:
            values = chunks[0]  # read-only when Arrow's buffer is shared
        else:
            values = np.concatenate(chunks) if chunks else np.zeros(0, dtype="int64")
        if keep is not None:
            values = values[keep]
        if values.dtype.kind == "f" and column.null_count:
            if not values.flags.writeable:
                values = values.copy()
            values[np.isnan(values)] = 0.0  # one pass, where nan_to_num makes three
        out[name] = values
    return out


def _place_numbers(cell_keys: Any) -> Any:
    """A number per place (row, column) of each cell, the same for every product there.

    Rows and columns span a few thousand cells across India, so the places of their
    bounding box are numbered row by row and counted with ``bincount``, without a sort;
    a wider grid (tiny cells) falls back to sorting the distinct places.
    """
    cell_y, cell_x = (cell_keys >> BITS) & _MASK, cell_keys & _MASK
    y0, x0 = int(cell_y.min()), int(cell_x.min())
    width = int(cell_x.max()) - x0 + 1
    if (int(cell_y.max()) - y0 + 1) * width <= 4 * len(cell_keys) + (1 << 22):
        return (cell_y - y0) * width + (cell_x - x0)
    return unique_inverse(cell_keys & ((1 << 2 * BITS) - 1), lex_order(cell_y, cell_x))[1]


def cell_parts(con: Any, checked: Validated, cell_km: float) -> dict[str, Any]:
    """Totals per cell key × district × segment, as NumPy arrays by column.

    The key packs product number, grid row and column (``pid << 40 | row << 20 |
    column``, :func:`~clusterdev.engine.cells.cell_key`). When validation totalled
    the register's grid cells of this size, they are read from its groups (on DuckDB
    straight from the Arrow it returned, keeping only the rows in cells); otherwise
    the accepted rows are grouped here.
    """
    dlat, dlon = cell_size_degrees(cell_km)
    north, east = INDIA_BOUNDS[1], INDIA_BOUNDS[3]
    if north / dlat >= _MASK - 1 or east / dlon >= _MASK - 1:
        raise EngineError(f"footprint cells of {cell_km} km are too small for the grid")
    in_a_cell = (1 << 2 * BITS) - 1
    if checked.cell_km == cell_km and checked.group_rows is not None:
        rows = checked.group_rows
        key = np.concatenate([c.to_numpy() for c in rows.column("key").chunks] or [[]])
        return _arrays(rows, (key >= 0) & ((key & in_a_cell) != 0))
    if checked.cell_km == cell_km:
        groups = checked.groups
        in_cells = groups.filter((groups.key & in_a_cell) != 0)
        return _arrays(con.to_pyarrow(in_cells.select(*_PART_COLUMNS)))
    # A district centroid is far too coarse for a grid of a few km: those rows only
    # count in the administrative method.
    compact = checked.compact
    located = compact.filter(compact.location_basis != LOCATION_BASES.index("district"))
    keyed = located.mutate(key=cell_key(located, cell_km))
    return _arrays(con.to_pyarrow(totals_expr(keyed, ["key", "did", "segment"])))


def _cluster_ids(wcomp: Any, cy: Any, cx: Any, products: list[str], cell_km: float) -> list[str]:
    """:func:`~clusterdev.engine.methods.cluster_id` of many footprints at once.

    The id hashes the footprint's cells written ``"{cell_km}:{row}:{column}"`` and
    sorted as strings; the order is rebuilt from ranks of the distinct rows (each
    followed by ":") and columns, so no string is sorted per cell.
    """
    uy, iy = unique_inverse(cy)
    ux, ix = unique_inverse(cx)
    y_text = [f"{v}:" for v in uy.tolist()]
    x_text = [str(v) for v in ux.tolist()]
    rank_y = np.argsort(np.argsort(np.array(y_text, dtype=object), kind="stable"), kind="stable")
    rank_x = np.argsort(np.argsort(np.array(x_text, dtype=object), kind="stable"), kind="stable")
    order = lex_order(wcomp, rank_y[iy], rank_x[ix])
    prefix = f"|{cell_km:g}:"
    y_bytes = np.array([(prefix + t).encode() for t in y_text], dtype="S")
    x_bytes = np.array([t.encode() for t in x_text], dtype="S")
    y_len = np.strings.str_len(y_bytes)
    x_len = np.strings.str_len(x_bytes)
    pieces = np.strings.add(y_bytes[iy[order]], x_bytes[ix[order]])
    ends = np.cumsum(y_len[iy[order]] + x_len[ix[order]]).tolist()
    # Joined by dropping the padding of the fixed-width pieces: the texts hold no NUL.
    flat = pieces.view(np.uint8)
    text = memoryview(flat[flat != 0].tobytes())
    bounds = np.flatnonzero(np.r_[True, np.diff(wcomp[order]) != 0]).tolist()
    ids = []
    for w, first in enumerate(bounds):
        a = ends[first - 1] if first else 0
        b = ends[(bounds[w + 1] if w + 1 < len(bounds) else len(order)) - 1]
        digest = hashlib.sha1(f"footprint|{products[w]}".encode())
        digest.update(text[a:b])
        ids.append(id_from_digest("footprint", products[w], digest))
    return ids


def _join_edge_cells(comp_of_cell: Any, dense: Any, src: Any, dst: Any) -> None:
    """Give each cell that is not dense but touches a dense one that cell's footprint.

    These are the grid's counterpart of DBSCAN's border points: too sparse to be dense,
    but next to a cell that is. A cell next to several footprints joins the one
    numbered first, so the result does not depend on the order of the rows.
    ``comp_of_cell`` is changed in place.

    Examples
    --------
    >>> comp = np.array([0, -1, 1, -1])
    >>> dense = comp >= 0
    >>> _join_edge_cells(comp, dense, np.array([0, 1, 2]), np.array([1, 2, 3]))
    >>> comp.tolist()
    [0, 0, 1, 1]
    """
    edge = dense[src] != dense[dst]
    src, dst = src[edge], dst[edge]
    src_dense = dense[src]
    core = np.where(src_dense, src, dst)
    rim = np.where(src_dense, dst, src)
    order = np.lexsort((comp_of_cell[core], rim))
    rim, core = rim[order], core[order]
    first = np.r_[True, rim[1:] != rim[:-1]] if len(rim) else np.zeros(0, dtype=bool)
    comp_of_cell[rim[first]] = comp_of_cell[core[first]]


def footprint(
    con: Any,
    checked: Validated,
    parts: pd.DataFrame,
    rules: RuleSet,
    product_names: dict[str, str],
) -> pd.DataFrame:
    """Footprint clusters: connected dense grid cells of one product, across borders.

    Parameters
    ----------
    con : ibis backend
    checked : Validated
        The validated register; its accepted rows located only by their district's
        centroid are left out.
    parts : pandas.DataFrame
        From :func:`~clusterdev.engine.methods.aggregate_parts` (for national totals).
    rules : RuleSet
    product_names : dict

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CLUSTER_COLUMNS`; ``outline`` holds the GeoJSON geometry as text.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from clusterdev.engine.backends import connect
    >>> from clusterdev.engine.register import open_register, product_table
    >>> from clusterdev.engine.methods import aggregate_parts
    >>> from clusterdev.engine.validation import validate
    >>> from clusterdev.engine.rules import load_rules
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "r.csv"
    >>> rows = [f"E{i},GJ,Surat,1430,2,21.17,72.83" for i in range(25)]
    >>> _ = path.write_text("\\n".join(
    ...     ["enterprise_id,state,district,nic_code,employment,latitude,longitude", *rows]))
    >>> con = connect()
    >>> checked = validate(con, open_register(con, path), product_table(4))
    >>> parts = aggregate_parts(con, checked)
    >>> found = footprint(con, checked, parts, load_rules("msme-di-small"), {})
    >>> found[["district", "units", "cells", "area_km2"]].to_dict("records")
    [{'district': 'Surat', 'units': 25, 'cells': 1, 'area_km2': 4.052}]
    """
    params = rules.footprint
    dlat, dlon = cell_size_degrees(params.cell_km)
    table = cell_parts(con, checked, params.cell_km)
    if len(table["key"]) == 0 or parts.empty:
        return pd.DataFrame(columns=CLUSTER_COLUMNS)
    products = list(checked.product_codes)
    districts = list(checked.district_codes)
    dcode = table["did"].astype("int64", copy=False)
    seg_index = table["segment"].astype("int64", copy=False)
    units, employment, turnover, known, looms, lat_sum, lon_sum = (
        table[name].astype("float64", copy=False) for name in TOTALS
    )
    part_keys = table["key"].astype("int64", copy=False)
    cell_keys, cell_of_part = unique_inverse(part_keys, key_order(part_keys))
    del part_keys
    del table  # a register's worth of cell parts: keep only what is still needed

    # Dense cells and their footprints.
    cell_units = np.bincount(cell_of_part, weights=units).astype("int64")
    # Neighbours are found once, for the sums and then for the components.
    src, dst = neighbour_pairs(cell_keys, 8)
    dense = dense_cells(cell_keys, cell_units, params.min_units, pairs=(src, dst))
    if not dense.any():
        return pd.DataFrame(columns=CLUSTER_COLUMNS)
    dense_keys = cell_keys[dense]
    both = dense[src] & dense[dst]
    number = np.cumsum(dense) - 1  # a dense cell's position among the dense cells
    comp_of_dense = components_of(len(dense_keys), number[src[both]], number[dst[both]])
    del both, number
    n_comp = int(comp_of_dense.max()) + 1
    comp_of_cell = np.full(len(cell_keys), -1, dtype="int64")
    comp_of_cell[dense] = comp_of_dense
    if params.edge_cells:
        _join_edge_cells(comp_of_cell, dense, src, dst)
    del src, dst
    in_fp = comp_of_cell >= 0  # the footprints' cells: dense, and edge cells if joined
    comp_of_in = comp_of_cell[in_fp]
    in_keys = cell_keys[in_fp]
    comp_of_part = comp_of_cell[cell_of_part]
    member = comp_of_part >= 0
    c = comp_of_part[member]

    def per_comp(values: Any) -> Any:
        return np.bincount(c, weights=values[member], minlength=n_comp)

    # The measure of all products in a footprint's cells (for its location quotient):
    # totals per place (row, column), then over the footprint's dense cells.
    place_of_cell = _place_numbers(cell_keys)
    cell_employment = np.bincount(cell_of_part, weights=employment)
    place_units = np.bincount(place_of_cell, weights=cell_units)
    place_employment = np.bincount(place_of_cell, weights=cell_employment)
    in_place = place_of_cell[in_fp]
    all_units = np.bincount(comp_of_in, weights=place_units[in_place], minlength=n_comp)
    all_employment = np.bincount(comp_of_in, weights=place_employment[in_place], minlength=n_comp)

    by_segment = np.bincount(
        c * len(SEGMENTS) + seg_index[member],
        weights=units[member],
        minlength=n_comp * len(SEGMENTS),
    ).reshape(n_comp, len(SEGMENTS))
    comp_product = np.empty(n_comp, dtype="int64")
    comp_product[comp_of_dense] = dense_keys >> (2 * BITS)
    fp = pd.DataFrame(
        {
            "comp": np.arange(n_comp),
            "units": per_comp(units).astype("int64"),
            "employment": per_comp(employment).astype("int64"),
            "turnover_inr": np.where(per_comp(known) > 0, per_comp(turnover), math.nan),
            "looms": per_comp(looms).astype("int64"),
            "lat_sum": per_comp(lat_sum),
            "lon_sum": per_comp(lon_sum),
            "product_code": np.array(products, dtype=object)[comp_product],
            "typology": np.array(SEGMENTS, dtype=object)[by_segment.argmax(axis=1)],
        }
    )
    measure = rules.measure
    by_product, total = national_totals(parts, measure)
    everything = {"units": all_units, "employment": all_employment}
    fp["location_quotient"] = location_quotient(
        fp[measure], everything[measure], fp["product_code"].map(by_product), total
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        fp["share"] = fp["employment"] / np.where(all_employment == 0, np.nan, all_employment)
    fp["stars"] = stars(fp)
    clusters = apply_rules(fp, rules).reset_index(drop=True)
    if clusters.empty:
        return pd.DataFrame(columns=CLUSTER_COLUMNS)

    # What is written for each cluster found: its cells, districts and outline.
    wanted = clusters["comp"].to_numpy()
    slot = np.full(n_comp, -1, dtype="int64")
    slot[wanted] = np.arange(len(wanted))
    # The id hashes the dense cells only: joining edge cells (0130) keeps the ids.
    w_of_dense = slot[comp_of_dense]
    mine = w_of_dense >= 0
    clusters["cluster_id"] = _cluster_ids(
        w_of_dense[mine],
        (dense_keys[mine] >> BITS) & _MASK,
        dense_keys[mine] & _MASK,
        clusters["product_code"].tolist(),
        params.cell_km,
    )
    w_of_in = slot[comp_of_in]
    mine = w_of_in >= 0
    wcomp = w_of_in[mine]
    abs_y = (in_keys[mine] >> BITS) & _MASK
    abs_x = in_keys[mine] & _MASK
    cells = np.bincount(wcomp, minlength=len(wanted))
    clusters["cells"] = cells
    # An object column: pandas would copy a quarter of a million texts into Arrow.
    outlines = footprint_outlines(wcomp, abs_y, abs_x, dlat, dlon)
    clusters["outline"] = pd.Series(outlines, index=clusters.index, dtype=object)

    info = district_info()
    snames = state_names()
    sort_rank = np.empty(len(districts), dtype="int64")
    by_name = sorted(range(len(districts)), key=lambda i: (info[districts[i]][0], districts[i]))
    sort_rank[by_name] = np.arange(len(districts))
    w_of_part = slot[c]
    pairs = sorted_distinct(
        w_of_part[w_of_part >= 0] * len(districts) + dcode[member][w_of_part >= 0]
    )
    pair_w, pair_d = pairs // len(districts), pairs % len(districts)
    order = np.lexsort((sort_rank[pair_d], pair_w))
    pair_w, pair_d = pair_w[order], pair_d[order]
    cuts = np.searchsorted(pair_w, np.arange(len(wanted) + 1))
    names = [info[code][0] for code in districts]
    states = [info[code][1] for code in districts]
    # Most footprints lie in one district: their texts are looked up all at once.
    first_d = pair_d[np.minimum(cuts[:-1], max(len(pair_d) - 1, 0))]
    as_text = {
        "district": np.array(names, dtype=object),
        "codes": np.array(districts, dtype=object),
        "state_codes": np.array(states, dtype=object),
        "states": np.array([snames.get(s, s) for s in states], dtype=object),
    }
    district_text = as_text["district"][first_d]
    code_text = as_text["codes"][first_d]
    state_code_text = as_text["state_codes"][first_d]
    state_text = as_text["states"][first_d]
    bounds = cuts.tolist()
    for w in np.flatnonzero(np.diff(cuts) > 1).tolist():
        mine_d = pair_d[bounds[w] : bounds[w + 1]].tolist()
        district_text[w] = ";".join(names[i] for i in mine_d)
        code_text[w] = ";".join(districts[i] for i in mine_d)
        state_codes = sorted({states[i] for i in mine_d})
        state_code_text[w] = ";".join(state_codes)
        state_text[w] = ";".join(snames.get(s, s) for s in state_codes)
    clusters["district"] = district_text
    clusters["district_codes"] = code_text
    clusters["state"] = state_text
    clusters["state_codes"] = state_code_text
    clusters["method"] = "footprint"
    clusters["product_name"] = clusters["product_code"].map(product_names).fillna("")
    clusters["latitude"] = clusters["lat_sum"] / clusters["units"]
    clusters["longitude"] = clusters["lon_sum"] / clusters["units"]
    clusters["area_km2"] = (
        cells
        * params.cell_km**2
        * np.cos(np.radians(clusters["latitude"].to_numpy()))
        / math.cos(math.radians(LAT0))
    )
    return _round(clusters[CLUSTER_COLUMNS].reset_index(drop=True))
