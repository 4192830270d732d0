"""Engine expressions shared by validation and the two methods: grid cells and totals.

Both are computed inside the execution engine (DuckDB or Spark) in the one pass over
the register (decision 0116), and again, cheaply, over the groups that pass returns.
"""

from __future__ import annotations

import math
from typing import Any

import ibis.expr.types as ir

from .grid import BITS

__all__ = [
    "KM_PER_DEGREE",
    "LAT0",
    "TOTALS",
    "cell_key",
    "cell_size_degrees",
    "retotal_expr",
    "totals_expr",
    "with_cells",
]

LAT0 = 23.0
"""Reference latitude (degrees) fixing the east-west size of grid cells (India's middle)."""
KM_PER_DEGREE = 111.32
KEY_BITS = BITS
"""Bits of a cell's row or column in a cell key (:data:`.grid.BITS`)."""
TOTALS = (
    "units",
    "employment",
    "turnover_inr",
    "turnover_known",
    "looms",
    "lat_sum",
    "lon_sum",
)
"""The figures of a group, as :func:`totals_expr` names them."""


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


def with_cells(table: ir.Table, cell_km: float) -> ir.Table:
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
    return table.mutate(
        cy=(table.latitude / dlat).floor().cast("int64"),
        cx=(table.longitude / dlon).floor().cast("int64"),
    )


def cell_key(table: ir.Table, cell_km: float) -> ir.IntegerValue:
    """The packed key ``pid << 40 | row << 20 | column`` of each row's grid cell.

    Rows and columns of India are positive and far below 2**20.

    Examples
    --------
    >>> from clusterdev.engine.backends import connect, lookup_table
    >>> con = connect()
    >>> t = lookup_table(con, {"pid": [3], "latitude": [23.0], "longitude": [72.5]})
    >>> key = con.to_pyarrow(t.select(key=cell_key(t, 2.0))).column("key")[0].as_py()
    >>> key >> 40, (key >> 20) & (2**20 - 1), key & (2**20 - 1)
    (3, 1280, 3714)
    """
    dlat, dlon = cell_size_degrees(cell_km)
    cy = (table.latitude / dlat).floor().cast("int64")
    cx = (table.longitude / dlon).floor().cast("int64")
    return table.pid.cast("int64") * (1 << 2 * KEY_BITS) + cy * (1 << KEY_BITS) + cx


def totals_expr(table: Any, keys: list[str]) -> Any:
    """The engine query of group totals: units, employment, turnover (and how many knew
    it), looms and coordinate sums."""
    return table.group_by(keys).agg(
        units=table.count(),
        employment=table.employment.sum(),
        turnover_inr=table.turnover_inr.sum(),
        turnover_known=table.turnover_inr.count(),
        looms=table.looms.sum(),
        lat_sum=table.latitude.sum(),
        lon_sum=table.longitude.sum(),
    )


def retotal_expr(groups: Any, keys: list[str]) -> Any:
    """:func:`totals_expr` of coarser groups, from the totals of finer ones.

    Examples
    --------
    >>> from clusterdev.engine.backends import connect, lookup_table
    >>> con = connect()
    >>> rows = lookup_table(con, {"g": [1, 1, 2], "h": [1, 2, 1], "employment": [3, 4, 5],
    ...     "turnover_inr": [1.0, None, 2.0], "looms": [0, 0, 1],
    ...     "latitude": [20.0, 21.0, 22.0], "longitude": [70.0, 71.0, 72.0]})
    >>> fine = totals_expr(rows, ["g", "h"])
    >>> coarse = con.to_pyarrow(retotal_expr(fine, ["g"]).order_by("g"))
    >>> coarse.select(["g", "units", "employment", "turnover_known"]).to_pylist()
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'g': 1, 'units': 2, 'employment': 7, 'turnover_known': 1},
     {'g': 2, 'units': 1, 'employment': 5, 'turnover_known': 1}]
    """
    return groups.group_by(keys).agg(**{name: groups[name].sum() for name in TOTALS})
