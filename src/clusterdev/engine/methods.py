"""The administrative method, and the figures both methods share (LQ, stars, rule tests).

Both methods do their heavy lifting in the execution engine (group-bys over the
register) and bring back only aggregates: district × product × segment here, product
× grid cell × district × segment for the footprint method (:mod:`.footprints`).
Everything after that (location quotients, percentiles, stars, rule tests) runs in
Python on those tables, so DuckDB and Spark give identical results.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from .cells import KEY_BITS, retotal_expr, totals_expr
from .register import SEGMENTS, district_info, state_names
from .rules import RuleSet
from .validation import Validated

__all__ = [
    "CLUSTER_COLUMNS",
    "administrative",
    "aggregate_parts",
    "apply_rules",
    "cluster_id",
    "location_quotient",
    "national_totals",
    "stars",
    "totals_expr",
]

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
    digest = hashlib.sha1("|".join([method, product_code]).encode("utf-8"))
    digest.update("".join("|" + m for m in sorted(members)).encode("utf-8"))
    return id_from_digest(method, product_code, digest)


def id_from_digest(method: str, product_code: str, digest: Any) -> str:
    """The written form of a cluster id, from the SHA-1 of its method, product and members.

    Examples
    --------
    >>> id_from_digest("footprint", "1430", hashlib.sha1(b"footprint|1430|2:1:1|2:1:2"))
    'F-1430-52480cd23f9d'
    """
    return f"{method[0].upper()}-{product_code}-{digest.hexdigest()[:12]}"


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


def _totals_by(con: Any, groups: Any, keys: list[str]) -> pd.DataFrame:
    """:func:`~clusterdev.engine.cells.retotal_expr` as pandas.

    Turnover is NaN for a group where no enterprise reported one (not 0), so that a
    turnover rule is never met by missing data.
    """
    df = con.to_pyarrow(retotal_expr(groups, keys)).to_pandas()
    df["employment"] = df["employment"].fillna(0).astype("int64")
    df["looms"] = df["looms"].fillna(0).astype("int64")
    df["units"] = df["units"].astype("int64")
    df.loc[df["turnover_known"] == 0, "turnover_inr"] = math.nan
    return df


def aggregate_parts(con: Any, checked: Validated) -> pd.DataFrame:
    """District × product × segment aggregates of the accepted rows.

    They are totalled again from the validation pass's groups, in the engine, on
    numbers; districts, products and segments are named afterwards, on the aggregates.

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
    >>> parts = aggregate_parts(con, checked)
    >>> parts[["district_code", "product_code", "units", "employment"]].to_dict("records")
    [{'district_code': '459', 'product_code': '1430', 'units': 1, 'employment': 3}]
    """
    groups = checked.groups
    by_product = groups.mutate(pid=(groups.key >> 2 * KEY_BITS).cast("int32"))
    df = _totals_by(con, by_product, ["did", "pid", "segment"])
    df.insert(0, "district_code", np.array(checked.district_codes, dtype=object)[df["did"]])
    df.insert(1, "product_code", np.array(checked.product_codes, dtype=object)[df["pid"]])
    df["segment"] = np.array(SEGMENTS, dtype=object)[df["segment"].to_numpy()]
    df = df.drop(columns=["did", "pid"])
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
