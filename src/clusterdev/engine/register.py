"""Reading enterprise registers and validating them, row by row but without a Python loop.

Every row read is either *accepted* or *quarantined* with one ``reason`` (the first that
applies, in the order of :data:`REASONS`). Place names, PIN codes and NIC codes are
resolved by joins against small lookup tables built from the gazetteer and NIC 2008,
so the work stays inside the execution engine (DuckDB or Spark).

Names are compared through the gazetteer's normalisation rule, rebuilt from Ibis string
operations that both engines support: lower-case, ``&`` → ``and``, drop every character
that is not ``a-z`` or ``0-9``. The gazetteer's Python rule also folds accents first;
Spark has no ``strip_accents``, so a register spelling with diacritics (``Bihār``)
does not resolve here. Registers are ASCII in practice.
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

from .backends import lookup_table, materialise, short_error
from .errors import RegisterError

__all__ = [
    "INDIA_BOUNDS",
    "OPTIONAL_COLUMNS",
    "REASONS",
    "REQUIRED_COLUMNS",
    "Product",
    "Validated",
    "normalise_expr",
    "open_register",
    "validate",
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


def normalise_expr(value: ir.StringValue) -> ir.StringValue:
    """Ibis expression of the gazetteer's normalisation rule (without accent folding).

    Examples
    --------
    >>> import ibis
    >>> from clusterdev.engine.backends import connect
    >>> connect().execute(normalise_expr(ibis.literal(" Jammu & Kashmir ")))
    'jammuandkashmir'
    """
    return value.lower().replace("&", "and").re_replace("[^a-z0-9]", "")


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


@dataclass
class Validated:
    """Result of :func:`validate`: the two tables and the counts."""

    accepted: ir.Table
    quarantine: ir.Table
    rows_read: int
    rows_accepted: int
    by_reason: dict[str, int]


def _blank(value: ir.Value) -> ir.BooleanValue:
    if not value.type().is_string():
        return value.isnull()
    return value.isnull() | (value.strip() == "")


def _number(table: ir.Table, column: str) -> tuple[ir.BooleanValue, ir.FloatingValue]:
    """(is malformed, value as float64) for a column of strings or numbers."""
    value = table[column]
    present = ~_blank(value)
    if value.type().is_numeric():
        as_float = value.cast("float64")
        bad = ibis.literal(False)
        if column in _INTEGER_COLUMNS:
            bad = present & (as_float.floor() != as_float)
        return bad, as_float
    text = value.cast("string").strip()
    pattern = _INTEGER if column in _INTEGER_COLUMNS else _NUMBER
    ok = text.re_search(pattern)
    as_float = ibis.ifelse(present & ok, text.cast("float64"), ibis.null("float64"))
    return present & ~ok, as_float


def validate(
    con: Any,
    table: ir.Table,
    products: Sequence[Product],
) -> Validated:
    """Validate and resolve a register table; materialise accepted and quarantined rows.

    Parameters
    ----------
    con : ibis backend
    table : ibis.Table
        From :func:`open_register`.
    products : sequence of Product
        From :func:`product_table`: decides which NIC codes are valid.

    Returns
    -------
    Validated
        ``accepted`` has the columns ``enterprise_id, state_code, district_code, pincode,
        latitude, longitude, location_basis, nic_code, product_code, employment,
        turnover_inr, investment_inr, looms, segment, year`` and the extra columns;
        ``quarantine`` has the original columns and ``reason``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from clusterdev.engine.backends import connect
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "r.csv"
    >>> header = "enterprise_id,state,district,nic_code,employment\\n"
    >>> _ = path.write_text(header + "A,GJ,Surat,1430,3\\nB,GJ,Mars,1430,2\\n")
    >>> con = connect()
    >>> checked = validate(con, open_register(con, path), product_table(4))
    >>> checked.rows_read, checked.rows_accepted, checked.by_reason
    (2, 1, {'unknown_district': 1})
    """
    states, districts, pins, info = _lookup_rows()
    s_tab = lookup_table(
        con, {"_sk": [r[0] for r in states], "_state_code": [r[1] for r in states]}
    )
    d_tab = lookup_table(
        con,
        {
            "_dsc": [r[0] for r in districts],
            "_dk": [r[1] for r in districts],
            "_district_code": [r[2] for r in districts],
        },
    )
    p_tab = lookup_table(
        con,
        {
            "_pin": [r[0] for r in pins],
            "_plat": [r[1] for r in pins],
            "_plon": [r[2] for r in pins],
        },
    )
    c_tab = lookup_table(
        con,
        {
            "_dcode": [r[0] for r in info],
            "_dlat": [r[3] for r in info],
            "_dlon": [r[4] for r in info],
        },
    )
    n_tab = lookup_table(
        con,
        {
            "_nic": [p.nic_code for p in products],
            "_product_code": [p.product_code for p in products],
            "_dseg": [p.segment for p in products],
        },
    )
    original = list(table.columns)
    for column in OPTIONAL_COLUMNS:
        if column not in table.columns:
            table = table.mutate(**{column: ibis.null("string")})
    t = table.mutate(
        _id=table.enterprise_id.cast("string").strip(),
        _sk=normalise_expr(table.state.cast("string")),
        _dk=normalise_expr(table.district.cast("string")),
        _nic=table.nic_code.cast("string").strip(),
        _pinc=table.pincode.cast("string").strip().re_replace(r"[\s-]", ""),
        _seg=table.segment.cast("string").strip().lower(),
    )
    t = t.left_join(s_tab, "_sk").drop("_sk_right")
    t = t.left_join(d_tab, [t._state_code == d_tab._dsc, t._dk == d_tab._dk]).drop(
        "_dsc", "_dk_right"
    )
    t = t.left_join(n_tab, "_nic").drop("_nic_right")
    t = t.left_join(p_tab, t._pinc == p_tab._pin).drop("_pin")
    t = t.left_join(c_tab, t._district_code == c_tab._dcode).drop("_dcode")
    # Duplicated ids by a group-by joined back: cheaper than a window over every column.
    dup_ids = t.group_by(_dup_id=t._id).agg(_id_rows=t.count())
    dup_ids = dup_ids.filter(dup_ids._id_rows > 1)
    t = t.left_join(dup_ids, t._id == dup_ids._dup_id).drop("_dup_id")
    id_count = t._id_rows.fill_null(1)

    parsed: dict[str, tuple[ir.BooleanValue, ir.FloatingValue]] = {
        c: _number(t, c) for c in _NUMERIC_COLUMNS
    }
    bad_number = ibis.literal(False)
    negative = ibis.literal(False)
    for column, (bad, value) in parsed.items():
        bad_number = bad_number | bad
        if column in ("employment", "turnover_inr", "investment_inr", "looms", "year"):
            negative = negative | (value < 0).fill_null(False)
    lat, lon = parsed["latitude"][1], parsed["longitude"][1]
    south, north, west, east = INDIA_BOUNDS
    missing = ibis.literal(False)
    for column in REQUIRED_COLUMNS:
        missing = missing | _blank(t[column])
    has_pin = ~_blank(t.pincode)
    reason = ibis.cases(
        (missing, "missing_field"),
        (id_count > 1, "duplicate_enterprise_id"),
        (t._state_code.isnull(), "unknown_state"),
        (t._district_code.isnull(), "unknown_district"),
        (t._product_code.isnull(), "bad_nic_code"),
        (bad_number, "bad_number"),
        (negative, "negative_number"),
        (has_pin & ~t._pinc.re_search("^[1-9][0-9]{5}$").fill_null(False), "bad_pincode"),
        (lat.isnull() != lon.isnull(), "incomplete_coordinates"),
        (
            lat.notnull() & ((lat < south) | (lat > north) | (lon < west) | (lon > east)),
            "coordinates_outside_india",
        ),
        else_=ibis.null("string"),
    )
    seg_ok = t._seg.isin(list(SEGMENTS)).fill_null(False)
    basis = ibis.cases(
        (lat.notnull(), "coordinates"),
        (t._plat.notnull(), "pin"),
        else_="district",
    )
    extras = [c for c in original if c not in STANDARD_COLUMNS]
    full = t.select(
        *original,
        reason=reason,
        _id=t._id,
        _state_code=t._state_code,
        _district_code=t._district_code,
        _pinc=t._pinc,
        _nic=t._nic,
        _product_code=t._product_code,
        _lat=lat.coalesce(t._plat, t._dlat),
        _lon=lon.coalesce(t._plon, t._dlon),
        _basis=basis,
        _segment=ibis.ifelse(seg_ok, t._seg, t._dseg),
        **{f"_v_{c}": parsed[c][1] for c in _NUMERIC_COLUMNS if c not in ("latitude", "longitude")},
    )
    try:
        full = materialise(con, full)
        counts = con.to_pyarrow(full.group_by("reason").agg(n=full.count())).to_pylist()
    except Exception as error:  # the engine reads the file lazily: bad lines surface here
        raise RegisterError(f"register cannot be read: {short_error(error)}") from None
    by_reason = {r["reason"]: int(r["n"]) for r in counts if r["reason"] is not None}
    rows_read = sum(int(r["n"]) for r in counts)
    ok = full.filter(full.reason.isnull())
    accepted = ok.select(
        enterprise_id=ok._id,
        state_code=ok._state_code,
        district_code=ok._district_code,
        pincode=ok._pinc,
        latitude=ok._lat,
        longitude=ok._lon,
        location_basis=ok._basis,
        nic_code=ok._nic,
        product_code=ok._product_code,
        employment=ok._v_employment.cast("int64"),
        turnover_inr=ok._v_turnover_inr,
        investment_inr=ok._v_investment_inr,
        looms=ok._v_looms.cast("int64"),
        segment=ok._segment,
        year=ok._v_year.cast("int64"),
        **{c: ok[c] for c in extras},
    )
    bad = full.filter(full.reason.notnull())
    quarantine = bad.select(*original, "reason")
    return Validated(
        accepted=accepted,
        quarantine=quarantine,
        rows_read=rows_read,
        rows_accepted=rows_read - sum(by_reason.values()),
        by_reason={r: by_reason[r] for r in REASONS if r in by_reason},
    )
