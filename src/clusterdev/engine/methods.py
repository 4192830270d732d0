"""The two identification methods, and the figures they share (LQ, stars, rule tests).

Both methods do their heavy lifting in the execution engine (group-bys and joins over
the register) and bring back only aggregates: district × product × segment for the
administrative method, dense grid cells for the footprint method. Everything after
that (location quotients, percentiles, stars, rule tests, connected components) runs
in Python on those small tables, so DuckDB and Spark give identical results.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from typing import Any

import ibis.expr.types as ir
import numpy as np
import pandas as pd

from .backends import lookup_table, materialise
from .register import SEGMENTS, district_info, state_names
from .rules import RuleSet

__all__ = [
    "CLUSTER_COLUMNS",
    "LAT0",
    "administrative",
    "apply_rules",
    "cell_size_degrees",
    "cluster_id",
    "connected_components",
    "footprint",
    "location_quotient",
    "stars",
]

LAT0 = 23.0
"""Reference latitude (degrees) fixing the east-west size of grid cells (India's middle)."""
KM_PER_DEGREE = 111.32

CLUSTER_COLUMNS = [
    "cluster_id",
    "method",
    "rule_set",
    "rules_met",
    "product_code",
    "product_name",
    "state",
    "state_codes",
    "district",
    "district_codes",
    "units",
    "employment",
    "turnover_inr",
    "looms",
    "location_quotient",
    "share",
    "stars",
    "typology",
    "latitude",
    "longitude",
    "area_km2",
    "cells",
    "outline",
]


def location_quotient(e_ir: Any, e_r: Any, big_e_i: Any, big_e: Any) -> Any:
    """LQ = (e_ir / e_r) / (E_i / E); NaN when a denominator is zero.

    Works on numbers and on NumPy arrays or pandas Series alike.

    Parameters
    ----------
    e_ir : number or array
        Employment (or units) of product ``i`` in region ``r``.
    e_r : number or array
        All employment in region ``r``.
    big_e_i : number or array
        Employment of product ``i`` in the whole register.
    big_e : number or array
        All employment in the register.

    Returns
    -------
    float or array

    Examples
    --------
    >>> location_quotient(200, 1_000, 10_000, 1_000_000)
    20.0
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        regional = np.divide(np.asarray(e_ir, dtype="float64"), np.asarray(e_r, dtype="float64"))
        national = np.divide(
            np.asarray(big_e_i, dtype="float64"), np.asarray(big_e, dtype="float64")
        )
        lq = np.divide(regional, national)
    lq = np.where(np.isfinite(lq), lq, np.nan)
    if np.ndim(lq) == 0:
        return float(lq)
    return lq


def cluster_id(method: str, product_code: str, members: Iterable[str]) -> str:
    """Deterministic identifier from the method, the product and the sorted members.

    Examples
    --------
    >>> cluster_id("administrative", "1430", ["438"])
    'A-1430-b0a1c4d8e445'
    >>> cluster_id("footprint", "1430", ["2:1:1", "2:1:2"])
    'F-1430-52480cd23f9d'
    """
    text = "|".join([method, product_code, *sorted(members)])
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return f"{method[0].upper()}-{product_code}-{digest}"


def _percentile_by_product(df: pd.DataFrame, figure: str, q: float) -> pd.Series:
    """Per row: the q-th percentile of ``figure`` over its product's rows with employment > 0."""
    base = df[df["employment"] > 0]
    values: dict[str, float] = {}
    for product, group in base.groupby("product_code", sort=True):
        data = group[figure].to_numpy(dtype="float64")
        data = data[~np.isnan(data)]
        values[str(product)] = float(np.percentile(data, q)) if len(data) else math.nan
    return df["product_code"].map(values).astype("float64")


def stars(df: pd.DataFrame) -> pd.Series:
    """European Cluster Observatory stars (0–3) for each row of an aggregate table.

    One star each for size (employment at or above the product's P90 over regions),
    specialisation (LQ ≥ 2) and focus (share of regional employment at or above the
    product's P90).

    Examples
    --------
    >>> df = pd.DataFrame({"product_code": ["1"] * 3, "employment": [10, 20, 100],
    ...                    "location_quotient": [1.0, 3.0, 2.5], "share": [0.1, 0.2, 0.9]})
    >>> stars(df).tolist()
    [0, 1, 3]
    """
    size = df["employment"] >= _percentile_by_product(df, "employment", 90)
    special = df["location_quotient"] >= 2
    focus = df["share"] >= _percentile_by_product(df, "share", 90)
    return (size.astype(int) + special.astype(int) + focus.astype(int)).astype("int64")


_OPS = {
    ">=": lambda a, b: a >= b,
    ">": lambda a, b: a > b,
    "<=": lambda a, b: a <= b,
    "<": lambda a, b: a < b,
    "==": lambda a, b: a == b,
}


def apply_rules(df: pd.DataFrame, rules: RuleSet) -> pd.DataFrame:
    """Add ``rules_met`` (``;``-separated test ids) and keep the rows that met any test.

    Parameters
    ----------
    df : pandas.DataFrame
        Aggregates with ``product_code``, ``typology`` and the figures tests use.
    rules : RuleSet

    Returns
    -------
    pandas.DataFrame
        The clusters, with ``rules_met`` and ``rule_set``.

    Examples
    --------
    >>> from clusterdev.engine.rules import load_rules
    >>> df = pd.DataFrame({"product_code": ["1430", "1430"], "typology": ["industrial"] * 2,
    ...     "units": [120, 60], "employment": [900, 300], "turnover_inr": [5e7, 2e8],
    ...     "looms": [0, 0], "location_quotient": [1.0, 1.0], "stars": [0, 0], "share": [1.0, 1.0]})
    >>> apply_rules(df, load_rules("unido-1996"))["rules_met"].tolist()
    ['units-100', 'units-50-turnover-10cr']
    """
    met: list[pd.Series] = []
    allowed = ~df["typology"].isin(list(rules.exclude_typologies))
    for test in rules.tests:
        ok = allowed.copy()
        if test.typologies:
            ok &= df["typology"].isin(list(test.typologies))
        for cond in test.conditions:
            values = df[cond.figure].astype("float64")
            if cond.percentile is not None:
                rhs: Any = _percentile_by_product(df, cond.figure, cond.percentile)
            else:
                rhs = cond.value
            ok &= _OPS[cond.op](values, rhs).fillna(False).astype(bool)
        met.append(ok.rename(test.id))
    labels = pd.Series("", index=df.index, dtype=object)
    for ok in met:
        tag = np.where(ok.to_numpy(dtype=bool), str(ok.name) + ";", "")
        labels = labels + pd.Series(tag, index=df.index, dtype=object)
    labels = labels.str.rstrip(";")
    out = df.assign(rules_met=labels, rule_set=rules.label)
    return out[out["rules_met"] != ""].copy()


def _typology(parts: pd.DataFrame, keys: list[str]) -> pd.Series:
    """Segment with most units per group (ties: order of SEGMENTS)."""
    order = {s: i for i, s in enumerate(SEGMENTS)}
    seg = parts.groupby([*keys, "segment"], as_index=False)["units"].sum()
    seg["_order"] = seg["segment"].map(order).fillna(len(order))
    seg = seg.sort_values([*keys, "units", "_order"], ascending=[True] * len(keys) + [False, True])
    first = seg.drop_duplicates(keys)
    return first.set_index(keys)["segment"]


def _group_totals(df: pd.DataFrame, keys: str | list[str]) -> pd.DataFrame:
    """Units, employment, turnover, looms and coordinate sums per group, in one pass.

    Turnover stays NaN for a group where no part knew it (``min_count=1``).
    """
    grouped = df.groupby(keys)
    totals = grouped[["units", "employment", "looms", "lat_sum", "lon_sum"]].sum()
    totals["turnover_inr"] = grouped["turnover_inr"].sum(min_count=1)
    return totals.reset_index()


def _round(df: pd.DataFrame) -> pd.DataFrame:
    df["latitude"] = df["latitude"].round(5)
    df["longitude"] = df["longitude"].round(5)
    df["turnover_inr"] = df["turnover_inr"].round(2)
    df["location_quotient"] = df["location_quotient"].round(6)
    df["share"] = df["share"].round(6)
    df["area_km2"] = df["area_km2"].round(3)
    return df


def national_totals(parts: pd.DataFrame, measure: str) -> tuple[pd.Series, float]:
    """(E_i by product, E) from the district × product × segment aggregates.

    Examples
    --------
    >>> parts = pd.DataFrame({"product_code": ["a", "a", "b"], "employment": [1, 2, 3]})
    >>> by_product, total = national_totals(parts, "employment")
    >>> by_product.to_dict(), total
    ({'a': 3.0, 'b': 3.0}, 6.0)
    """
    by_product = parts.groupby("product_code")[measure].sum().astype("float64")
    return by_product, float(parts[measure].sum())


def _totals_by(con: Any, table: Any, keys: list[str]) -> pd.DataFrame:
    """Units, employment, turnover, looms and coordinate sums per group, as pandas.

    Turnover is NaN for a group where no enterprise reported one (not 0), so that a
    turnover rule is never met by missing data.
    """
    expr = table.group_by(keys).agg(
        units=table.count(),
        employment=table.employment.sum(),
        turnover_inr=table.turnover_inr.sum(),
        turnover_known=table.turnover_inr.count(),
        looms=table.looms.sum(),
        lat_sum=table.latitude.sum(),
        lon_sum=table.longitude.sum(),
    )
    df = con.to_pyarrow(expr).to_pandas()
    df["employment"] = df["employment"].fillna(0).astype("int64")
    df["looms"] = df["looms"].fillna(0).astype("int64")
    df["units"] = df["units"].astype("int64")
    df.loc[df["turnover_known"] == 0, "turnover_inr"] = math.nan
    return df


def aggregate_parts(con: Any, accepted: ir.Table) -> pd.DataFrame:
    """District × product × segment aggregates of the accepted rows (one engine query).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from clusterdev.engine.backends import connect
    >>> from clusterdev.engine.register import open_register, product_table
    >>> from clusterdev.engine.validation import validate
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "r.csv"
    >>> header = "enterprise_id,state,district,nic_code,employment\\n"
    >>> _ = path.write_text(header + "A,GJ,Surat,1430,3\\nB,GJ,Mars,1430,2\\n")
    >>> con = connect()
    >>> checked = validate(con, open_register(con, path), product_table(4))
    >>> parts = aggregate_parts(con, checked.accepted)
    >>> parts[["district_code", "product_code", "units", "employment"]].to_dict("records")
    [{'district_code': '459', 'product_code': '1430', 'units': 1, 'employment': 3}]
    """
    df = _totals_by(con, accepted, ["district_code", "product_code", "segment"])
    return df.sort_values(["district_code", "product_code", "segment"]).reset_index(drop=True)


def administrative(
    parts: pd.DataFrame, rules: RuleSet, product_names: dict[str, str]
) -> pd.DataFrame:
    """District × product clusters from the district × product × segment aggregates.

    Parameters
    ----------
    parts : pandas.DataFrame
        From :func:`aggregate_parts`.
    rules : RuleSet
    product_names : dict
        Product code → name.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CLUSTER_COLUMNS`.

    Examples
    --------
    >>> from clusterdev.engine.rules import load_rules
    >>> parts = pd.DataFrame({"district_code": ["438", "459"], "product_code": ["1430", "2100"],
    ...     "segment": ["industrial"] * 2, "units": [120, 10], "employment": [400, 40],
    ...     "turnover_inr": [1e8, 1e6], "turnover_known": [120, 10], "looms": [0, 0],
    ...     "lat_sum": [120 * 23.0, 10 * 21.2], "lon_sum": [120 * 72.6, 10 * 72.8]})
    >>> found = administrative(parts, load_rules("unido-1996"), {"1430": "Knitwear"})
    >>> found[["district", "units", "rules_met", "location_quotient"]].to_dict("records")
    [{'district': 'Ahmadabad', 'units': 120, 'rules_met': 'units-100', 'location_quotient': 1.1}]
    """
    measure = rules.measure
    keys = ["district_code", "product_code"]
    if parts.empty:
        return pd.DataFrame(columns=CLUSTER_COLUMNS)
    dp = _group_totals(parts, keys)
    dp = dp.join(_typology(parts, keys).rename("typology"), on=keys)
    regional = parts.groupby("district_code")[measure].sum().astype("float64")
    by_product, total = national_totals(parts, measure)
    e_r = dp["district_code"].map(regional)
    dp["location_quotient"] = location_quotient(
        dp[measure], e_r, dp["product_code"].map(by_product), total
    )
    emp_r = parts.groupby("district_code")["employment"].sum().astype("float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        dp["share"] = dp["employment"] / dp["district_code"].map(emp_r).replace(0, np.nan)
    dp["stars"] = stars(dp)
    clusters = apply_rules(dp, rules)
    info = district_info()
    snames = state_names()
    clusters["method"] = "administrative"
    clusters["cluster_id"] = [
        cluster_id("administrative", p, [d])
        for p, d in zip(clusters["product_code"], clusters["district_code"], strict=True)
    ]
    clusters["product_name"] = clusters["product_code"].map(product_names)
    clusters["district_codes"] = clusters["district_code"]
    clusters["district"] = clusters["district_code"].map(lambda c: info[c][0])
    clusters["state_codes"] = clusters["district_code"].map(lambda c: info[c][1])
    clusters["state"] = clusters["state_codes"].map(snames)
    clusters["latitude"] = clusters["lat_sum"] / clusters["units"]
    clusters["longitude"] = clusters["lon_sum"] / clusters["units"]
    clusters["area_km2"] = math.nan
    clusters["cells"] = 0
    clusters["outline"] = None
    return _round(clusters[CLUSTER_COLUMNS].reset_index(drop=True))


# ------------------------------------------------------------------------ footprints


def cell_size_degrees(cell_km: float) -> tuple[float, float]:
    """(latitude, longitude) size in degrees of a grid cell of ``cell_km`` at :data:`LAT0`.

    Examples
    --------
    >>> lat, lon = cell_size_degrees(2.0)
    >>> round(lat, 4), round(lon, 4)
    (0.018, 0.0195)
    """
    dlat = cell_km / KM_PER_DEGREE
    return dlat, dlat / math.cos(math.radians(LAT0))


def with_cells(accepted: ir.Table, cell_km: float) -> ir.Table:
    """Add integer grid cell coordinates ``cy``, ``cx`` computed from lat/lon.

    Examples
    --------
    >>> from clusterdev.engine.backends import connect, lookup_table
    >>> con = connect()
    >>> t = lookup_table(con, {"latitude": [23.0], "longitude": [72.5]})
    >>> con.to_pyarrow(with_cells(t, 2.0).select("cy", "cx")).to_pylist()
    [{'cy': 1280, 'cx': 3714}]
    """
    dlat, dlon = cell_size_degrees(cell_km)
    return accepted.mutate(
        cy=(accepted.latitude / dlat).floor().cast("int64"),
        cx=(accepted.longitude / dlon).floor().cast("int64"),
    )


def connected_components(cells: Sequence[tuple[str, int, int]]) -> dict[tuple[str, int, int], int]:
    """Label 8-connected components of grid cells, per product (union-find).

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


def label_cells(products: Any, cy: Any, cx: Any) -> Any:
    """Vectorised :func:`connected_components`: one label per cell, same labels.

    Cells are packed into sorted integer keys; neighbours are found by binary search;
    components by hooking each root to the smaller one and pointer jumping (NumPy),
    so a million dense cells take a fraction of a second.

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
    n = len(cy)
    if n == 0:
        return np.zeros(0, dtype="int64")
    codes, pid = np.unique(products.astype(str), return_inverse=True)
    del codes
    # Keep rows and columns positive and below 2**16 around a local origin.
    oy, ox = cy.min() - 1, cx.min() - 1
    if cy.max() - oy >= 65535 or cx.max() - ox >= 65535:
        by_cell = connected_components(list(zip(products, cy, cx, strict=True)))
        return np.array([by_cell[k] for k in zip(products, cy, cx, strict=True)])
    keys = (pid.astype("int64") << 32) | ((cy - oy) << 16) | (cx - ox)
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    src_parts, dst_parts = [], []
    for offset in (1, 65536 - 1, 65536, 65536 + 1):
        target = sorted_keys + offset
        idx = np.searchsorted(sorted_keys, target)
        idx[idx == n] = n - 1
        hit = sorted_keys[idx] == target
        src_parts.append(np.flatnonzero(hit))
        dst_parts.append(idx[hit])
    src = np.concatenate(src_parts)
    dst = np.concatenate(dst_parts)
    parent = np.arange(n)
    while True:
        ps, pd_ = parent[src], parent[dst]
        differ = ps != pd_
        if not differ.any():
            break
        low = np.minimum(ps[differ], pd_[differ])
        high = np.maximum(ps[differ], pd_[differ])
        np.minimum.at(parent, high, low)
        while True:
            jumped = parent[parent]
            if np.array_equal(jumped, parent):
                break
            parent = jumped
    roots = parent  # the smallest sorted index of each component
    _, dense_labels = np.unique(roots, return_inverse=True)
    labels = np.empty(n, dtype="int64")
    labels[order] = dense_labels
    return labels


def _union(tables: list[ir.Table]) -> ir.Table:
    result = tables[0]
    for table in tables[1:]:
        result = result.union(table, distinct=False)
    return result


def dense_cells(con: Any, cells_table: ir.Table, min_units: int) -> pd.DataFrame:
    """Cells (product, cy, cx) whose 3 × 3 neighbourhood holds at least ``min_units`` units.

    Cells are packed into one integer key (product number, row, column: 32, 16 and 16
    bits) so that the nine shifted copies are summed on an integer, not on strings.

    Examples
    --------
    >>> from clusterdev.engine.backends import connect, lookup_table
    >>> con = connect()
    >>> t = lookup_table(con, {"product_code": ["p"] * 25, "cy": [0] * 20 + [1] * 5,
    ...                        "cx": [0] * 25})
    >>> dense_cells(con, t, 20).to_dict("records")
    [{'product_code': 'p', 'cy': 0, 'cx': 0}, {'product_code': 'p', 'cy': 1, 'cx': 0}]
    """
    grouped = cells_table.group_by(["product_code", "cy", "cx"]).agg(units=cells_table.count())
    cells = materialise(con, grouped)
    codes = sorted(con.to_pyarrow(cells.select("product_code").distinct()).column(0).to_pylist())
    if not codes:
        return pd.DataFrame({"product_code": [], "cy": [], "cx": []})
    numbers = lookup_table(con, {"product_code": codes, "pid": list(range(len(codes)))})
    keyed = cells.join(numbers, "product_code")
    keyed = materialise(
        con,
        keyed.select(
            key=keyed.pid.cast("int64") * 4294967296 + keyed.cy * 65536 + keyed.cx,
            units=keyed.units,
        ),
    )
    offsets = [dy * 65536 + dx for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    # A dense cell has a neighbour (or itself) holding at least min_units / 9 units: only
    # the neighbourhoods of such "heavy" cells can hold dense cells.
    heavy = keyed.filter(keyed.units >= math.ceil(min_units / 9))
    near = _union([heavy.select(key=heavy.key + off) for off in offsets]).distinct()
    candidates = keyed.join(near, "key").select(ckey=keyed.key, units=keyed.units)
    probes = _union([candidates.select("ckey", key=candidates.ckey + off) for off in offsets])
    hood = probes.join(keyed, "key").group_by("ckey").agg(hood=keyed.units.sum())
    dense = hood.filter(hood.hood >= min_units).select(key=hood.ckey)
    keys = con.to_pyarrow(dense).column(0).to_numpy().astype("int64")
    df = pd.DataFrame(
        {
            "product_code": np.array(codes, dtype=object)[keys >> 32],
            "cy": (keys >> 16) & 0xFFFF,
            "cx": keys & 0xFFFF,
        }
    )
    return df.sort_values(["product_code", "cy", "cx"]).reset_index(drop=True)


def _outline(cells: list[tuple[int, int]], dlat: float, dlon: float) -> dict[str, Any]:
    if len(cells) == 1:  # most footprints: the square itself, as shapely would draw it
        y, x = cells[0]
        x0, x1 = round(x * dlon, 6), round((x + 1) * dlon, 6)
        y0, y1 = round(y * dlat, 6), round((y + 1) * dlat, 6)
        ring = [[x0, y0], [x0, y1], [x1, y1], [x1, y0], [x0, y0]]
        return {"type": "Polygon", "coordinates": [ring]}
    return _dissolved(cells, dlat, dlon)


def _dissolved(cells: list[tuple[int, int]], dlat: float, dlon: float) -> dict[str, Any]:
    ys = np.array([c[0] for c in cells], dtype="float64")
    xs = np.array([c[1] for c in cells], dtype="float64")
    try:
        import shapely
        from shapely.geometry import mapping
    except ImportError:  # without shapely: the cells themselves, undissolved
        squares = [
            [
                [
                    [x * dlon, y * dlat],
                    [(x + 1) * dlon, y * dlat],
                    [(x + 1) * dlon, (y + 1) * dlat],
                    [x * dlon, (y + 1) * dlat],
                    [x * dlon, y * dlat],
                ]
            ]
            for y, x in zip(ys, xs, strict=True)
        ]
        geo: dict[str, Any] = {"type": "MultiPolygon", "coordinates": squares}
    else:
        boxes = shapely.box(xs * dlon, ys * dlat, (xs + 1) * dlon, (ys + 1) * dlat)
        geometry = shapely.coverage_union_all(boxes).simplify(0)
        if geometry.geom_type in ("Polygon", "MultiPolygon"):
            return _rounded_polygons(geometry)
        geo = mapping(geometry)

    def rounded(value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return [rounded(v) for v in value]
        return round(float(value), 6)

    return {"type": geo["type"], "coordinates": rounded(geo["coordinates"])}


def _rounded_polygons(geometry: Any) -> dict[str, Any]:
    """GeoJSON of a (multi)polygon with coordinates rounded to 6 decimals, read in bulk."""
    import shapely

    def rings(polygon: Any) -> list[list[list[float]]]:
        return [
            [[round(x, 6), round(y, 6)] for x, y in shapely.get_coordinates(ring).tolist()]
            for ring in (polygon.exterior, *polygon.interiors)
        ]

    if geometry.geom_type == "Polygon":
        return {"type": "Polygon", "coordinates": rings(geometry)}
    return {"type": "MultiPolygon", "coordinates": [rings(p) for p in geometry.geoms]}


def _lists_by(
    df: pd.DataFrame, key: str, columns: list[str], wanted: set[Any]
) -> dict[Any, list[tuple[Any, ...]]]:
    """Sorted tuples of ``columns`` for each value of ``key`` in ``wanted`` (no pandas groupby).

    Examples
    --------
    >>> df = pd.DataFrame({"k": [2, 1, 2], "y": [5, 1, 3], "x": [0, 0, 9]})
    >>> _lists_by(df, "k", ["y", "x"], {2})
    {2: [(3, 9), (5, 0)]}
    """
    sub = df[df[key].isin(list(wanted))].sort_values([key, *columns])
    keys = sub[key].to_numpy()
    values = list(zip(*(sub[c].tolist() for c in columns), strict=True))
    if not len(keys):
        return {}
    starts: list[int] = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]]).tolist()
    ends = [*starts[1:], len(keys)]
    return {keys[a].item(): values[a:b] for a, b in zip(starts, ends, strict=True)}


def footprint(
    con: Any,
    accepted: ir.Table,
    parts: pd.DataFrame,
    rules: RuleSet,
    product_names: dict[str, str],
) -> pd.DataFrame:
    """Footprint clusters: connected dense grid cells of one product, across borders.

    Parameters
    ----------
    con : ibis backend
    accepted : ibis.Table
        Accepted rows; those located only by their district's centroid are left out.
    parts : pandas.DataFrame
        From :func:`aggregate_parts` (for national totals).
    rules : RuleSet
    product_names : dict

    Returns
    -------
    pandas.DataFrame
        Columns :data:`CLUSTER_COLUMNS`; ``outline`` holds a GeoJSON geometry.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from clusterdev.engine.backends import connect
    >>> from clusterdev.engine.register import open_register, product_table
    >>> from clusterdev.engine.validation import validate
    >>> from clusterdev.engine.rules import load_rules
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "r.csv"
    >>> rows = [f"E{i},GJ,Surat,1430,2,21.17,72.83" for i in range(25)]
    >>> _ = path.write_text("\\n".join(
    ...     ["enterprise_id,state,district,nic_code,employment,latitude,longitude", *rows]))
    >>> con = connect()
    >>> checked = validate(con, open_register(con, path), product_table(4))
    >>> parts = aggregate_parts(con, checked.accepted)
    >>> found = footprint(con, checked.accepted, parts, load_rules("msme-di-small"), {})
    >>> found[["district", "units", "cells", "area_km2"]].to_dict("records")
    [{'district': 'Surat', 'units': 25, 'cells': 1, 'area_km2': 4.052}]
    """
    params = rules.footprint
    dlat, dlon = cell_size_degrees(params.cell_km)
    # A district centroid is far too coarse for a 2 km grid: those rows only count in
    # the administrative method.
    located = accepted.filter(accepted.location_basis != "district")
    # Not materialised: cell numbers are two multiplications, cheaper to recompute in
    # each of the three scans below than to copy every located row (decision 0111).
    gridded = with_cells(located, params.cell_km)
    dense = dense_cells(con, gridded, params.min_units)
    if dense.empty or parts.empty:
        return pd.DataFrame(columns=CLUSTER_COLUMNS)
    dense["comp"] = label_cells(
        dense["product_code"].to_numpy(dtype=object),
        dense["cy"].to_numpy(dtype="int64"),
        dense["cx"].to_numpy(dtype="int64"),
    )
    lookup = lookup_table(con, dense[["product_code", "cy", "cx", "comp"]])
    members = gridded.join(lookup, ["product_code", "cy", "cx"])
    d = _totals_by(con, members, ["comp", "district_code", "segment"])
    d = d.sort_values(["comp", "district_code", "segment"]).reset_index(drop=True)
    # All-product measure in each footprint's cells, for its location quotient.
    measure = rules.measure
    # Totals per cell first, then per footprint: a cell dense for many products belongs to
    # many footprints, and joining rows to footprints directly would repeat each row.
    places = lookup_table(con, dense[["cy", "cx"]].drop_duplicates())
    inside = gridded.join(places, ["cy", "cx"])
    per_cell = inside.group_by(["cy", "cx"]).agg(
        units=inside.count(), employment=inside.employment.sum()
    )
    comp_cells = lookup_table(con, dense[["cy", "cx", "comp"]])
    every = per_cell.join(comp_cells, ["cy", "cx"])
    totals_expr = every.group_by("comp").agg(
        units=every.units.sum(), employment=every.employment.sum()
    )
    totals = con.to_pyarrow(totals_expr).to_pandas().set_index("comp")
    comp_product = dense.drop_duplicates("comp").set_index("comp")["product_code"]

    fp = _group_totals(d, "comp")
    fp["product_code"] = fp["comp"].map(comp_product)
    fp = fp.join(_typology(d, ["comp"]).rename("typology"), on="comp")
    by_product, total = national_totals(parts, measure)
    fp["location_quotient"] = location_quotient(
        fp[measure],
        fp["comp"].map(totals[measure].astype("float64")),
        fp["product_code"].map(by_product),
        total,
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        fp["share"] = fp["employment"] / fp["comp"].map(
            totals["employment"].astype("float64")
        ).replace(0, np.nan)
    fp["stars"] = stars(fp)
    clusters = apply_rules(fp, rules)
    if clusters.empty:
        return pd.DataFrame(columns=CLUSTER_COLUMNS)
    info = district_info()
    snames = state_names()
    wanted = set(clusters["comp"])
    cells_of = _lists_by(dense, "comp", ["cy", "cx"], wanted)
    districts_of = {
        comp: sorted({c for (c,) in codes}, key=lambda c: (info[c][0], c))
        for comp, codes in _lists_by(d, "comp", ["district_code"], wanted).items()
    }
    rows = []
    for rec in clusters.to_dict("records"):
        comp = rec["comp"]
        cells = cells_of[comp]
        dcodes = districts_of[comp]
        lat = rec["lat_sum"] / rec["units"]
        area = (
            len(cells)
            * params.cell_km**2
            * math.cos(math.radians(lat))
            / math.cos(math.radians(LAT0))
        )
        state_codes = sorted({info[c][1] for c in dcodes})
        rec.update(
            method="footprint",
            cluster_id=cluster_id(
                "footprint",
                rec["product_code"],
                [f"{params.cell_km:g}:{y}:{x}" for y, x in cells],
            ),
            product_name=product_names.get(rec["product_code"], ""),
            district=";".join(info[c][0] for c in dcodes),
            district_codes=";".join(dcodes),
            state=";".join(snames.get(s, s) for s in state_codes),
            state_codes=";".join(state_codes),
            latitude=lat,
            longitude=rec["lon_sum"] / rec["units"],
            area_km2=area,
            cells=len(cells),
            outline=_outline(cells, dlat, dlon),
        )
        rows.append(rec)
    out = pd.DataFrame(rows)
    return _round(out[CLUSTER_COLUMNS].reset_index(drop=True))
