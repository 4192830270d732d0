"""Reading enterprise registers and validating them, row by row but without a Python loop.

Every row read is either *accepted* or *quarantined* with one ``reason`` (the first that
applies, in the order of :data:`REASONS`). Place names, PIN codes and NIC codes are
resolved by joins against small lookup tables built from the gazetteer and NIC 2008,
so the work stays inside the execution engine (DuckDB or Spark).

Names are compared through the gazetteer's normalisation rule
(:func:`clusterdev.gazetteer.normalise.normalise`: accents folded, lower-case, ``&`` →
``and``, only ``a-z`` and ``0-9`` kept), applied in Python to each distinct spelling
and joined back, so both engines resolve ``Bihār`` as ``Bihar``.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir

from .backends import short_error
from .errors import RegisterError

__all__ = [
    "INDIA_BOUNDS",
    "OPTIONAL_COLUMNS",
    "REASONS",
    "REQUIRED_COLUMNS",
    "Product",
    "open_register",
]

REQUIRED_COLUMNS = ("enterprise_id", "state", "district", "nic_code", "employment")
OPTIONAL_COLUMNS = (
    "pincode",
    "latitude",
    "longitude",
    "turnover_inr",
    "investment_inr",
    "looms",
    "segment",
    "year",
)
STANDARD_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
SEGMENTS = ("industrial", "handloom", "handicraft", "micro", "services")
REASONS = (
    "missing_field",
    "duplicate_enterprise_id",
    "unknown_state",
    "unknown_district",
    "bad_nic_code",
    "bad_number",
    "negative_number",
    "bad_pincode",
    "incomplete_coordinates",
    "coordinates_outside_india",
)
"""Quarantine reasons, in the order they are tested (a row gets the first that applies)."""

INDIA_BOUNDS = (6.0, 37.6, 68.0, 97.5)
"""(south, north, west, east) bounds of India in degrees, generous by a few km."""

_NUMBER = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"
_INTEGER = r"^[+-]?[0-9]+(\.0*)?$"
_NUMERIC_COLUMNS = (
    "employment",
    "turnover_inr",
    "investment_inr",
    "looms",
    "latitude",
    "longitude",
    "year",
)
_INTEGER_COLUMNS = ("employment", "looms", "year")


@dataclass(frozen=True, slots=True)
class Product:
    """What one NIC code counts as: its product code and name, and its derived segment."""

    nic_code: str
    product_code: str
    product_name: str
    segment: str


# ------------------------------------------------------------------------ reading


def _sniff_format(path: Path) -> str:
    name = path.name.lower()
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    if name.endswith((".csv", ".csv.gz", ".txt", ".tsv")):
        return "csv"
    with path.open("rb") as handle:
        head = handle.read(4)
    return "parquet" if head == b"PAR1" else "csv"


def _csv_header(path: Path) -> list[str]:
    import gzip

    opener: Any = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", newline="") as handle:
            line = handle.readline()
    except UnicodeDecodeError:
        raise RegisterError(
            f"{path}: line 1 is not UTF-8 text; give a CSV file with a header, or Parquet"
        ) from None
    except OSError as error:
        raise RegisterError(f"{path}: cannot be read: {error}") from None
    if not line.strip():
        raise RegisterError(f"{path}: line 1 is empty; a CSV register needs a header line")
    if "\x00" in line:
        raise RegisterError(f"{path}: line 1 is binary, not CSV; give CSV or Parquet")
    return [name.strip() for name in next(csv.reader([line]))]


def _parquet_header(path: Path) -> list[str]:
    import pyarrow.parquet as pq

    try:
        return list(pq.read_schema(path).names)
    except Exception as error:
        raise RegisterError(f"{path}: not a readable Parquet file: {error}") from None


def _column_map(path: Path, names: Sequence[str]) -> dict[str, str]:
    """Map the file's column names to canonical ones (standard names lower-cased)."""
    seen: dict[str, str] = {}
    mapping: dict[str, str] = {}
    for name in names:
        key = name.strip().lower()
        if not key:
            raise RegisterError(f"{path}: line 1 has an empty column name")
        if key in seen:
            raise RegisterError(f"{path}: column {name!r} appears twice (names ignore case)")
        seen[key] = name
        mapping[name] = key if key in STANDARD_COLUMNS else name
    missing = [column for column in REQUIRED_COLUMNS if column not in seen]
    if missing:
        raise RegisterError(
            f"{path}: missing required column {missing[0]!r}"
            + (f" (and {', '.join(missing[1:])})" if missing[1:] else "")
            + f"; line 1 has: {', '.join(names)}"
        )
    return mapping


def _read_one(con: Any, path: Path) -> ir.Table:
    if not path.is_file():
        raise RegisterError(f"{path}: no such file")
    fmt = _sniff_format(path)
    names = _parquet_header(path) if fmt == "parquet" else _csv_header(path)
    mapping = _column_map(path, names)
    try:
        if fmt == "parquet":
            table = con.read_parquet(str(path))
        elif con.name == "duckdb":
            table = con.read_csv(
                str(path),
                columns={name: "VARCHAR" for name in names},
                header=True,
                auto_detect=False,
                delim=",",
                quote='"',
                escape='"',
                strict_mode=True,
            )
        else:
            table = con.read_csv(str(path), inferSchema=False, header=True, mode="FAILFAST")
    except Exception as error:
        raise RegisterError(f"{path}: cannot be read as {fmt}: {short_error(error)}") from None
    return table.rename({new: old for old, new in mapping.items() if old != new})


def open_register(con: Any, paths: str | Path | Sequence[str | Path]) -> ir.Table:
    """Open one or several register files as one Ibis table with canonical column names.

    Standard columns are renamed to lower case; extra columns are kept; a column that
    only some files have is null in the others.

    Parameters
    ----------
    con : ibis backend
        From :func:`clusterdev.engine.backends.connect`.
    paths : path or sequence of paths
        CSV (with header) or Parquet files.

    Returns
    -------
    ibis.Table

    Raises
    ------
    RegisterError
        When a file is missing, not CSV/Parquet, or lacks a required column.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from clusterdev.engine.backends import connect
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> header = "Enterprise_ID,state,district,nic_code\\n"
    >>> _ = (folder / "r.csv").write_text(header + "A,GJ,Surat,1430\\n")
    >>> open_register(connect(), folder / "r.csv")
    Traceback (most recent call last):
    ...
    clusterdev.engine.errors.RegisterError: ...missing required column 'employment'...
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if not paths:
        raise RegisterError("no register file given")
    tables = [_read_one(con, Path(p)) for p in paths]
    extras: list[str] = []
    for table in tables:
        extras += [c for c in table.columns if c not in STANDARD_COLUMNS and c not in extras]
    present = [c for c in STANDARD_COLUMNS if any(c in t.columns for t in tables)]
    columns = present + extras
    same = all(t.schema() == tables[0].schema() for t in tables)
    aligned = []
    for table in tables:
        exprs = {}
        for column in columns:
            if column in table.columns:
                expr = table[column]
                exprs[column] = expr if same else expr.cast("string")
            else:
                exprs[column] = ibis.null("string")
        aligned.append(table.select(**exprs))
    result = aligned[0]
    for table in aligned[1:]:
        result = result.union(table, distinct=False)
    return result


# ------------------------------------------------------------------------ lookups


@lru_cache(maxsize=1)
def _lookup_rows() -> tuple[
    list[tuple[str, str]],
    list[tuple[str, str, str]],
    list[tuple[str, float, float]],
    list[tuple[str, str, str, float, float]],
]:
    from clusterdev.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    states = sorted(set(gaz.state_alias_rows()))
    state_of = dict(states)
    districts = list(gaz.districts())
    by_key: dict[tuple[str, str], str] = {}
    for state_key, district_key, code in gaz.alias_rows():
        by_key.setdefault((state_of[state_key], district_key), code)
    for d in districts:
        for alt in (d.code, d.lgd_code):
            if alt:
                by_key.setdefault((d.state_code, alt.lower()), d.code)
    district_rows = sorted((s, k, c) for (s, k), c in by_key.items())
    pins = sorted(
        (p.pin, p.latitude, p.longitude)
        for p in gaz.pins()
        if p.latitude is not None and p.longitude is not None
    )
    info = sorted(
        (
            d.code,
            d.name,
            d.state_code,
            float(d.latitude or math.nan),
            float(d.longitude or math.nan),
        )
        for d in districts
    )
    return states, district_rows, pins, info


def district_info() -> dict[str, tuple[str, str, float, float]]:
    """District code → (canonical name, state code, latitude, longitude).

    Examples
    --------
    >>> district_info()["438"][:2]
    ('Ahmadabad', 'IN-GJ')
    """
    return {code: (name, st, lat, lon) for code, name, st, lat, lon in _lookup_rows()[3]}


def state_names() -> dict[str, str]:
    """State code → name.

    Examples
    --------
    >>> state_names()["IN-GJ"]
    'Gujarat'
    """
    from clusterdev.gazetteer import load_gazetteer

    return {s.code: s.name for s in load_gazetteer().states()}


def derived_segment(nic_code: str) -> str:
    """Segment of an enterprise whose register gives none, from its NIC section.

    Manufacturing, utilities and construction (sections C–F) are ``industrial``;
    agriculture and mining (A, B) ``micro``; the rest ``services``. NIC 2008 has no
    handloom or handicraft codes: those segments must come from the register.

    Examples
    --------
    >>> derived_segment("1430"), derived_segment("6201"), derived_segment("01293")
    ('industrial', 'services', 'micro')
    """
    from clusterdev.nic import load_nic

    section = load_nic()[nic_code].section
    if section in ("C", "D", "E", "F"):
        return "industrial"
    if section in ("A", "B"):
        return "micro"
    return "services"


def read_grouping(path: str | Path) -> list[tuple[str, str, str]]:
    """Read a product grouping file (CSV ``nic_prefix,group_code,group_name``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.csv"
    >>> _ = path.write_text("nic_prefix,group_code,group_name\\n14,APP,Apparel\\n")
    >>> read_grouping(path)
    [('14', 'APP', 'Apparel')]
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            fields = [f.strip().lower() for f in reader.fieldnames or []]
            for needed in ("nic_prefix", "group_code", "group_name"):
                if needed not in fields:
                    raise RegisterError(f"{path}: product grouping lacks column {needed!r}")
            rows = []
            for line, raw in enumerate(reader, start=2):
                row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
                if not row["nic_prefix"].isdigit() or not row["group_code"]:
                    raise RegisterError(f"{path}: line {line}: bad nic_prefix or group_code")
                rows.append((row["nic_prefix"], row["group_code"], row["group_name"]))
    except OSError as error:
        raise RegisterError(f"{path}: cannot be read: {error}") from None
    return rows


def product_table(
    product_level: int = 4, grouping: Sequence[tuple[str, str, str]] | None = None
) -> list[Product]:
    """What every valid NIC code counts as, at a product level or through a grouping.

    A code shorter than the level is its own product (a 2-digit code stays a division).
    With a grouping, the longest matching ``nic_prefix`` decides; codes no prefix
    matches fall back to the product level.

    Examples
    --------
    >>> p = {x.nic_code: x for x in product_table(4)}
    >>> p["14301"].product_code, p["14301"].product_name
    ('1430', 'Manufacture of knitted and crocheted apparel')
    >>> g = {x.nic_code: x for x in product_table(4, [("14", "APP", "Apparel")])}
    >>> g["14301"].product_code
    'APP'
    """
    from clusterdev.nic import load_nic

    if product_level not in (2, 3, 4, 5):
        raise ValueError("product_level must be 2, 3, 4 or 5")
    nic = load_nic()
    groups = sorted(grouping or (), key=lambda g: -len(g[0]))
    products = []
    for code in sorted(c for c in nic if c.isdigit()):
        match = next((g for g in groups if code.startswith(g[0])), None)
        if match:
            pcode, pname = match[1], match[2]
        else:
            pcode = code[:product_level]
            pname = nic[pcode].title if pcode in nic else nic[code].title
        products.append(Product(code, pcode, pname, derived_segment(code)))
    return products


# ------------------------------------------------------------------------ validation
