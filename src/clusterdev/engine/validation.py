"""Validating a register in one pass, resolving names through small dictionaries.

Every row is either *accepted* or *quarantined* with one ``reason`` (the first that
applies, in the order of :data:`~clusterdev.engine.register.REASONS`).

The work per row is kept to what cannot be avoided (decision 0110):

* place names, NIC codes, PIN codes and segments are normalised once per DISTINCT
  spelling (a few thousand values), and each row is joined to that dictionary on its
  raw value, instead of running string functions on every row;
* duplicated ids are narrowed down by sorting 64-bit hashes of the ids (decisions 0115,
  0128, 0131), then found exactly by grouping only the rows whose hash repeats, and rows are
  matched to them on every raw spelling they have (decision 0126);
* nothing row by row is stored: one pass resolves and tests every row and totals the
  accepted ones by district × product × segment × grid cell (decision 0116), and both
  methods start from those totals; quarantined rows, with their original columns, come
  from a second pass over the source that first keeps the rows whose raw values may be
  bad (a superset found without joins), then tests only those (decision 0122).
"""

from __future__ import annotations

import importlib
import itertools
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import ibis
import ibis.expr.datatypes as dt
import ibis.expr.types as ir
import numpy as np
import pyarrow as pa
from ibis import _

from clusterdev.simd import is_zen4

from .backends import collect, lookup_table, materialise, short_error
from .cells import KEY_BITS, cell_key, totals_expr
from .errors import RegisterError
from .register import (
    INDIA_BOUNDS,
    OPTIONAL_COLUMNS,
    REASONS,
    SEGMENTS,
    Product,
    _lookup_rows,
)

__all__ = [
    "ACCEPTED_COLUMNS",
    "COMPACT_COLUMNS",
    "GROUP_KEYS",
    "LOCATION_BASES",
    "Validated",
    "district_codes",
    "product_codes",
    "validate",
]

ACCEPTED_COLUMNS = (
    "district_code",
    "product_code",
    "segment",
    "employment",
    "turnover_inr",
    "looms",
    "latitude",
    "longitude",
    "location_basis",
)
"""Columns of :attr:`Validated.accepted`: each accepted row as the methods see it."""
COMPACT_COLUMNS = ("did", "pid", *ACCEPTED_COLUMNS[2:])
"""Columns of :attr:`Validated.compact`."""
GROUP_KEYS = ("key", "did", "segment")
"""What the one pass over the register groups on (decision 0116; ``key`` as in
:func:`_grouped`)."""
LOCATION_BASES = ("coordinates", "pin", "district")
"""How an accepted row was placed, in the order of its number in :attr:`Validated.compact`."""

_NUMBER = r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$"
_INTEGER = r"^[+-]?[0-9]+(\.0*)?$"
_EXACT = 2.0**53  # whole numbers at least this large are not counted exactly
_NUMERIC_COLUMNS = ("employment", "turnover_inr", "investment_inr", "looms", "year")
_INTEGER_COLUMNS = ("employment", "looms", "year")
_PARSED_COLUMNS = (*_NUMERIC_COLUMNS, "latitude", "longitude")
_TOTALLED = ("employment", "turnover_inr", "looms", "latitude", "longitude")
"""The columns of a row that :func:`_grouped` passes on to be totalled."""


@dataclass
class Validated:
    """Result of :func:`validate`: the tables and the counts.

    ``groups`` holds the totals the methods start from; products, districts and
    segments are small integers there (``pid`` and ``did`` index ``product_codes`` and
    ``district_codes``; a segment is its position in ``SEGMENTS``), far faster to group
    on than text. ``compact`` is the accepted rows with the same numbers (and the
    location basis as a position in :data:`LOCATION_BASES`); ``accepted`` names them.
    Both are queries that read the source again, for callers who want rows.
    """

    accepted: ir.Table
    compact: ir.Table
    groups: ir.Table
    """Totals of the accepted rows by :data:`GROUP_KEYS`, the one materialised table:
    ``key >> 40`` is the product number, and the low 40 bits are the grid cell (row
    << 20 | column), 0 for rows placed by their district only or when no ``cell_km``
    was given."""
    group_rows: pa.Table | None
    """All groups of the pass as Arrow (rejected rows' too: ``key < 0``), on DuckDB;
    None on Spark, which keeps them in the cluster."""
    cell_km: float | None
    product_codes: tuple[str, ...]
    district_codes: tuple[str, ...]
    quarantine: ir.Table
    rows_read: int
    rows_accepted: int
    by_reason: dict[str, int]
    durations: dict[str, float] = field(default_factory=dict)
    """Seconds of each step: ``dictionaries`` (distinct spellings resolved),
    ``duplicate_ids`` and ``pass`` (the one pass that tests and totals every row)."""


def _blank(value: ir.Value) -> ir.BooleanValue:
    if not value.type().is_string():
        return value.isnull()
    return value.isnull() | (value.strip() == "")


def _number(value: ir.Value, integer: bool) -> tuple[ir.BooleanValue, ir.FloatingValue]:
    """(is malformed, value as float64) for a column of strings or numbers.

    A whole number (employment, looms, year) must also be below 2**53 in size, where
    float64 still counts exactly: beyond it totals would be wrong, or wrap around.
    """
    present = ~_blank(value)
    if value.type().is_numeric():
        as_float = value.cast("float64")
        bad: ir.BooleanValue = ibis.literal(False)
        if integer and value.type().is_floating():
            bad = present & (as_float.floor() != as_float)
        if integer:
            bad = bad | (as_float.abs() >= _EXACT).fill_null(False)
        return bad, as_float
    text = value.cast("string").strip()
    ok = text.re_search(_INTEGER if integer else _NUMBER)
    as_float = ibis.ifelse(present & ok, text.cast("float64"), ibis.null("float64"))
    if integer:
        return present & (~ok | (as_float.abs() >= _EXACT).fill_null(False)), as_float
    return present & ~ok, as_float


_NO_REASON = len(REASONS)
"""What :func:`_first_of` gives when no test applies: above every reason's number."""


def _first_of(*tests: tuple[ir.BooleanValue, str]) -> ir.IntegerValue:
    """The number of the first reason whose test holds, else :data:`_NO_REASON`.

    The tests must come in the order of :data:`REASONS`. A row's reason is the least of
    such numbers (:func:`_reason`), and those of the dictionaries are worked out once
    per distinct spelling.
    """
    cases = [(test.fill_null(False), REASONS.index(name)) for test, name in tests]
    return ibis.cases(*cases, else_=_NO_REASON).cast("int8")


def _places(con: Any, table: ir.Table) -> ir.Table:
    """Distinct (state, district) spellings → state code, district code and centroid."""
    states, districts, _, info = _lookup_rows()
    s_tab = lookup_table(con, {"_sk": [r[0] for r in states], "_scode": [r[1] for r in states]})
    d_tab = lookup_table(
        con,
        {
            "_dsc": [r[0] for r in districts],
            "_dk": [r[1] for r in districts],
            "_dcode": [r[2] for r in districts],
        },
    )
    c_tab = lookup_table(
        con,
        {
            "_ccode": [r[0] for r in info],
            "_did": list(range(len(info))),  # position in district_codes()
            "_dlat": [r[3] for r in info],
            "_dlon": [r[4] for r in info],
        },
    )
    # Each distinct spelling is normalised in Python by the gazetteer's own rule (accents
    # folded, which Spark cannot do), then joined back on its raw value.
    from clusterdev.gazetteer.normalise import normalise

    raw = con.to_pyarrow(table.select(_s=table.state, _d=table.district).distinct())
    keys = {
        c: [None if v is None else normalise(str(v)) for v in raw.column(f"_{c[1]}").to_pylist()]
        for c in ("_sk", "_dk")
    }
    spelled = raw.append_column("_sk", pa.array(keys["_sk"], type=pa.string()))
    spelled = spelled.append_column("_dk", pa.array(keys["_dk"], type=pa.string()))
    pairs = lookup_table(con, spelled)  # an Arrow table keeps the raw columns' types
    j = pairs.left_join(s_tab, "_sk")
    j = j.left_join(d_tab, [j._scode == d_tab._dsc, j._dk == d_tab._dk])
    j = j.left_join(c_tab, j._dcode == c_tab._ccode)
    blank = _blank(j._s) | _blank(j._d)
    return j.select(
        "_s",
        "_d",
        _place_r=_first_of(
            (blank, "missing_field"),
            (j._scode.isnull(), "unknown_state"),
            (j._dcode.isnull(), "unknown_district"),
        ),
        _state_code=j._scode,
        _district_code=j._dcode,
        _did=j._did,
        _dlat=j._dlat,
        _dlon=j._dlon,
    )


def _nics(con: Any, table: ir.Table, products: Sequence[Product]) -> ir.Table:
    """Distinct NIC code spellings → product code and derived segment (its number)."""
    number = {code: i for i, code in enumerate(product_codes(products))}
    n_tab = lookup_table(
        con,
        {
            "_code": [p.nic_code for p in products],
            "_product_code": [p.product_code for p in products],
            "_pid": [number[p.product_code] for p in products],
            "_dseg": [SEGMENTS.index(p.segment) for p in products],
        },
    )
    codes = table.select(_n=table.nic_code).distinct()
    codes = codes.mutate(_code=codes._n.cast("string").strip())
    j = codes.left_join(n_tab, "_code")
    blank = _blank(j._n)
    return j.select(
        "_n",
        "_product_code",
        "_pid",
        "_dseg",
        _nic_r=_first_of((blank, "missing_field"), (j._product_code.isnull(), "bad_nic_code")),
    )


def product_codes(products: Sequence[Product]) -> tuple[str, ...]:
    """The distinct product codes, sorted: ``pid`` in :attr:`Validated.compact` indexes it."""
    return tuple(sorted({p.product_code for p in products}))


def district_codes() -> tuple[str, ...]:
    """The gazetteer's district codes, sorted: ``did`` in :attr:`Validated.compact` indexes it."""
    return tuple(r[0] for r in _lookup_rows()[3])


def _pins(con: Any, table: ir.Table) -> ir.Table:
    """Distinct PIN code spellings → well-formed or not, and the PIN's centroid."""
    _, _, pins, _ = _lookup_rows()
    p_tab = lookup_table(
        con,
        {
            "_pin": [r[0] for r in pins],
            "_plat": [r[1] for r in pins],
            "_plon": [r[2] for r in pins],
        },
    )
    raw = table.select(_p=table.pincode).distinct()
    raw = raw.filter(raw._p.notnull())
    raw = raw.mutate(_pinc=raw._p.cast("string").strip().re_replace(r"[\s-]", ""))
    ok = raw._pinc.re_search("^[1-9][0-9]{5}$").fill_null(False)
    raw = raw.mutate(_pin_bad=~_blank(raw._p) & ~ok)
    j = raw.left_join(p_tab, raw._pinc == p_tab._pin)
    return j.select("_p", "_plat", "_plon", _pin_r=_first_of((j._pin_bad, "bad_pincode")))


def _segments(table: ir.Table) -> ir.Table:
    """Distinct segment spellings → the number of a known segment, or null."""
    raw = table.select(_g=table.segment).distinct()
    raw = raw.filter(raw._g.notnull())
    norm = raw._g.cast("string").strip().lower()
    number = ibis.cases(*[(norm == s, i) for i, s in enumerate(SEGMENTS)], else_=ibis.null("int64"))
    return raw.select("_g", _seg=number)


@ibis.udf.scalar.builtin(name="hash")  # type: ignore[untyped-decorator]
def _hash64(value: str) -> dt.uint64:
    """DuckDB's own 64-bit hash (ibis's ``hash()`` converts it to int64 bit by bit)."""


@ibis.udf.scalar.builtin(name="array_extract")  # type: ignore[untyped-decorator]
def _char_at(value: str, at: int) -> dt.string:
    """DuckDB's character of a string at a position (-1: the last)."""


def _id_hash(table: ir.Table) -> ir.Value:
    """DuckDB's hash of each stripped enterprise id.

    Stripping copies every string, which costs more than hashing it; only an id that
    starts or ends with a space or control character can change, so only those are.
    Those characters sort before ``!``: comparing the id and its last character with
    it is the cheapest test found (a third of the cost of ``ascii`` and ``right``).
    """
    raw = table.enterprise_id.cast("string")
    edge = (raw < "!") | (_char_at(raw, -1) < "!")
    return ibis.ifelse(edge, _hash64(raw.strip()), _hash64(raw))


def _repeated_hashes(con: Any, table: ir.Table) -> pa.Table | None:
    """Hashes of the stripped ids that occur twice or are blank, or None when none do.

    DuckDB hashes the ids; the 8-byte hashes are sorted, several times faster than a
    hash table of tens of millions of strings is built. NumPy sorts them where its
    sort runs fast SIMD code (:func:`numpy_sort_path`), which is faster than DuckDB on
    two threads; elsewhere DuckDB sorts (decisions 0123, 0128, 0131). Equal ids have
    equal hashes, so the ids behind the repeated hashes include every duplicated id
    (decision 0115).
    """
    expr = table.select(_h=_id_hash(table))
    hashes = con.to_pyarrow(expr if _numpy_sorts_fast() else expr.order_by("_h")).column("_h")
    blank_hash = np.uint64(con.execute(_hash64(ibis.literal(""))))
    chunks = [c.to_numpy().astype("uint64", copy=False) for c in hashes.chunks]
    repeated = _repeats(chunks, blank_hash)
    if len(repeated) == 0:
        return None
    return pa.table({"_h": pa.array(repeated, type=pa.uint64())})


def numpy_sort_path() -> str | None:
    """The fast SIMD code NumPy sorts 64-bit integers with here, or None (then DuckDB
    sorts): see :func:`sort_path`."""
    try:
        dispatch = importlib.import_module("numpy._core._multiarray_umath")
    except ImportError:  # a NumPy that moved it: let DuckDB sort
        return None
    return sort_path(getattr(dispatch, "__cpu_features__", {}), is_zen4())


def sort_path(features: Mapping[str, bool], zen4: bool) -> str | None:
    """Which x86-simd-sort code NumPy runs with these dispatch ``features``, if fast.

    Its AVX-512 code, except on AMD Zen 4, where it is four times slower than its AVX2
    code (decision 0131); else its AVX2 code; else None, and DuckDB sorts (0123, 0128).

    Examples
    --------
    >>> sort_path({"AVX512_SKX": True, "AVX2": True}, zen4=False)
    'AVX-512'
    >>> sort_path({"AVX512_SKX": True, "AVX2": True}, zen4=True) is None
    True
    >>> sort_path({"AVX512_SKX": False, "AVX2": True}, zen4=True)
    'AVX2'
    >>> sort_path({}, zen4=False) is None
    True
    """
    if features.get("AVX512_SKX"):
        return None if zen4 else "AVX-512"
    return "AVX2" if features.get("AVX2") else None


def _numpy_sorts_fast() -> bool:
    return numpy_sort_path() is not None


def _repeats(chunks: list[np.ndarray], blank: np.uint64) -> np.ndarray:
    """The distinct values that occur twice in the chunks, and ``blank`` if it occurs.

    The chunks, taken in turn, are expected in ascending order; they are read where
    they lie, for a copy into one array cost more than the tests. Out of order, they
    are sorted first.

    Examples
    --------
    >>> parts = [np.array([1, 2, 2, 5], "uint64"), np.array([5, 7], "uint64")]
    >>> _repeats(parts, np.uint64(7)).tolist()
    [2, 5, 7]
    """
    chunks = [c for c in chunks if len(c)]
    pairs = list(itertools.pairwise(chunks))
    ordered = all(bool((c[1:] >= c[:-1]).all()) for c in chunks)
    if not (ordered and all(a[-1] <= b[0] for a, b in pairs)):
        joined = np.concatenate(chunks) if chunks else np.array([], dtype="uint64")
        joined.sort()  # in place: one copy of the hashes, not two
        chunks = [joined]
        pairs = []
    found = [c[1:][c[1:] == c[:-1]] for c in chunks]
    found += [a[-1:] for a, b in pairs if a[-1] == b[0]]
    found += [np.array([blank], dtype="uint64") for c in chunks if _holds(c, blank)]
    return np.unique(np.concatenate(found)) if found else np.array([], dtype="uint64")


def _holds(ordered: np.ndarray, value: np.uint64) -> bool:
    """An ascending array holds the value."""
    at = int(np.searchsorted(ordered, value))
    return at < len(ordered) and bool(ordered[at] == value)


def _flagged_ids(con: Any, table: ir.Table) -> pa.Table | None:
    """Every spelling, as the register writes it, of the ids seen twice and of blank
    ids (``_spelling``, ``_dup``, ``_blank``); None when there are none.

    Usually there are none, and then rows need no id work at all. On DuckDB only the
    rows whose id hash repeats are grouped; Spark groups every id, in the cluster.
    Rows are then matched on their raw spelling: stripping every id in the pass would
    copy every string (decision 0126).
    """
    if con.name == "duckdb":
        candidates = _repeated_hashes(con, table)
        if candidates is None:
            return None
        wanted = lookup_table(con, candidates)
        table = table.filter(_id_hash(table).isin(wanted._h))
    raw = table.enterprise_id.cast("string")
    ids = table.select(_id=raw.strip(), _raw=raw)
    counts = ids.group_by("_id").agg(_n=ids.count())
    flagged = materialise(con, counts.filter((counts._n > 1) | (counts._id == "")))
    spelled = ids.filter(ids._id.isin(flagged._id))
    blank = spelled._id == ""
    rows = con.to_pyarrow(spelled.select(_spelling="_raw", _dup=~blank, _blank=blank).distinct())
    return rows if rows.num_rows else None


def _value_tests(parsed: dict[str, Any]) -> dict[str, ir.BooleanValue]:
    """The reasons a row's own numbers and coordinates give, without any dictionary."""
    bad_number: ir.BooleanValue = ibis.literal(False)
    negative: ir.BooleanValue = ibis.literal(False)
    for column, (bad, value) in parsed.items():
        bad_number = bad_number | bad
        if column in _NUMERIC_COLUMNS:
            negative = negative | (value < 0).fill_null(False)
    lat, lon = parsed["latitude"][1], parsed["longitude"][1]
    south, north, west, east = INDIA_BOUNDS
    return {
        "bad_number": bad_number,
        "negative_number": negative,
        "incomplete_coordinates": lat.isnull() != lon.isnull(),
        "coordinates_outside_india": lat.notnull()
        & ((lat < south) | (lat > north) | (lon < west) | (lon > east)),
    }


def _reason(t: ir.Table, parsed: dict[str, Any]) -> ir.IntegerValue:
    """The number in :data:`REASONS` of the first reason that applies to a row, or null.

    The place, NIC code and PIN code give theirs from the dictionaries; a row without a
    match there has a null name or code, which is a missing field (a null PIN code is
    none). Their tests are so worked out once per spelling rather than once per row.
    """
    values = _value_tests(parsed)
    own = _first_of(
        (t.enterprise_id.isnull() | t._blank_id | _blank(t.employment), "missing_field"),
        (t._dup_id, "duplicate_enterprise_id"),
        (values["bad_number"], "bad_number"),
        (values["negative_number"], "negative_number"),
        (values["incomplete_coordinates"], "incomplete_coordinates"),
        (values["coordinates_outside_india"], "coordinates_outside_india"),
    )
    first = ibis.least(
        t._place_r.fill_null(0), t._nic_r.fill_null(0), t._pin_r.fill_null(_NO_REASON), own
    )
    return first.nullif(_NO_REASON)


def _reason_name(number: ir.IntegerValue) -> ir.StringValue:
    """The name of a reason from its number (null stays null)."""
    return ibis.cases(*[(number == i, r) for i, r in enumerate(REASONS)], else_=ibis.null("string"))


def _bad_spellings(con: Any, dictionary: ir.Table, column: str, bad: ir.Value) -> list[Any]:
    """The raw values of a dictionary of distinct spellings that make a row bad."""
    rows = con.to_pyarrow(dictionary.filter(bad).select(column).distinct())
    return [v for v in rows.column(column).to_pylist() if v is not None]


_LITERALS = 1000
"""Longest list of values written into a query; a longer one is a lookup table."""


def _among(con: Any, column: ir.Value, values: list[Any]) -> ir.BooleanValue:
    """``column`` is one of ``values`` (a few written in the query, many joined)."""
    if len(values) <= _LITERALS:
        return column.isin(values)
    return column.isin(lookup_table(con, pa.table({"_v": values}))._v)


def _suspect(
    con: Any,
    table: ir.Table,
    dictionaries: dict[str, ir.Table],
    id_spellings: list[Any],
) -> ir.BooleanValue:
    """True for every row that may be quarantined (and for few others), from the raw
    columns alone: no join is needed to test it.

    A row's place, NIC code or PIN code is bad when its raw value is one of the few
    distinct spellings the dictionaries found bad; a place is bad as a (state, district)
    pair, so a row is kept when its state resolves to none, or when its district fails
    in some pair (Tuticorin under Gujarat keeps every Tuticorin row here, and the exact
    test follows). The tests of numbers and coordinates need no dictionary. The
    quarantine query then joins and tests only these rows (decision 0122).
    """
    places, nics, pins = dictionaries["places"], dictionaries["nics"], dictionaries["pins"]
    # A state spelling that resolves to no state is bad in every pair; otherwise the
    # pair fails on its district, whose spelling is kept (a blank one resolves to none).
    state_bad = places._state_code.isnull()
    district_bad = places._state_code.notnull() & places._district_code.isnull()
    nic_bad = nics._nic_r < _NO_REASON
    tests: list[ir.BooleanValue] = [
        table.state.isnull(),
        table.district.isnull(),
        table.nic_code.isnull(),
        table.enterprise_id.isnull(),
        _blank(table.employment),
    ]
    lists = [
        (table.state, _bad_spellings(con, places, "_s", state_bad)),
        (table.district, _bad_spellings(con, places, "_d", district_bad)),
        (table.nic_code, _bad_spellings(con, nics, "_n", nic_bad)),
        (table.pincode, _bad_spellings(con, pins, "_p", pins._pin_r < _NO_REASON)),
        (table.enterprise_id.cast("string"), id_spellings),
    ]
    tests += [_among(con, column, values) for column, values in lists if values]
    parsed = {c: _number(table[c], c in _INTEGER_COLUMNS) for c in _PARSED_COLUMNS}
    tests += _value_tests(parsed).values()
    suspect = tests[0]
    for test in tests[1:]:
        suspect = suspect | test
    return suspect


def _grouped(rows: ir.Table, cell_km: float | None) -> ir.Table:
    """The rows as :func:`~clusterdev.engine.cells.totals_expr` groups them in the pass.

    The group key is one integer (decision 0116): a rejected row's is ``-1 - reason``
    and the row is only counted; an accepted row's is its grid cell's
    :func:`~clusterdev.engine.cells.cell_key` when ``cell_km`` is given and it is placed
    by coordinates or its PIN, else ``pid << 40`` (row and column 0: no cell). Three
    group columns instead of five make the pass a fifth faster.

    The other columns are passed as they are, a rejected row's too: its groups are read
    only for their count (by reason, summed over its districts and segments), and
    nulling seven columns row by row took a third of the pass (decision 0124).
    """
    ok = rows.reason.isnull()
    product_only = rows.pid.cast("int64") * (1 << 2 * KEY_BITS)
    cases = [(~ok, -1 - rows.reason.cast("int64"))]
    if cell_km:
        located = rows.location_basis != LOCATION_BASES.index("district")
        cases.append((located, cell_key(rows, cell_km)))
    key = ibis.cases(*cases, else_=product_only)
    return rows.select(key=key, **{c: rows[c] for c in ("did", "segment", *_TOTALLED)})


def validate(
    con: Any, table: ir.Table, products: Sequence[Product], cell_km: float | None = None
) -> Validated:
    """Validate and resolve a register table, and total it in the same pass.

    Parameters
    ----------
    con : ibis backend
    table : ibis.Table
        From :func:`~clusterdev.engine.register.open_register`.
    products : sequence of Product
        From :func:`~clusterdev.engine.register.product_table`: the valid NIC codes.
    cell_km : float, optional
        Grid cell size of the footprint method: the pass then totals each grid cell too.

    Returns
    -------
    Validated
        ``groups`` is materialised; ``accepted`` (columns :data:`ACCEPTED_COLUMNS`),
        ``compact`` and ``quarantine`` (the original columns and ``reason``) are
        queries over the source, computed when read.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from clusterdev.engine.backends import connect
    >>> from clusterdev.engine.register import open_register, product_table
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "r.csv"
    >>> header = "enterprise_id,state,district,nic_code,employment\\n"
    >>> _ = path.write_text(header + "A,GJ,Surat,1430,3\\nB,GJ,Mars,1430,2\\n")
    >>> con = connect()
    >>> checked = validate(con, open_register(con, path), product_table(4))
    >>> checked.rows_read, checked.rows_accepted, checked.by_reason
    (2, 1, {'unknown_district': 1})
    """
    original = list(table.columns)
    clock = time.perf_counter()
    steps: dict[str, float] = {}

    def step(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        steps[name] = round(now - clock, 3)
        clock = now

    for column in OPTIONAL_COLUMNS:
        if column not in table.columns:
            table = table.mutate(**{column: ibis.null("string")})
    # The gazetteer's lookups take half a second of Python to build, done while the
    # engine hashes (and perhaps sorts) the ids and leaves the interpreter free.
    with ThreadPoolExecutor(max_workers=1) as pool:
        lookups = pool.submit(_lookup_rows)
        try:
            flagged = _flagged_ids(con, table)
        except Exception as error:  # the engine reads the file lazily: bad lines surface here
            raise RegisterError(f"register cannot be read: {short_error(error)}") from None
        step("duplicate_ids")
        lookups.result()
    marks = None if flagged is None else lookup_table(con, flagged)
    id_spellings = [] if flagged is None else flagged.column("_spelling").to_pylist()
    pcodes, dcodes = product_codes(products), district_codes()
    try:
        places = materialise(con, _places(con, table))
        nics = materialise(con, _nics(con, table, products))
        pins = materialise(con, _pins(con, table))
        segments = materialise(con, _segments(table))
        step("dictionaries")
    except Exception as error:
        raise RegisterError(f"register cannot be read: {short_error(error)}") from None

    def resolved(t: ir.Table) -> ir.Table:
        """The rows of ``t`` (the source, or a part of it) joined to the dictionaries."""
        t = t.left_join(places, [t.state == places._s, t.district == places._d]).drop("_s", "_d")
        t = t.left_join(nics, t.nic_code == nics._n).drop("_n")
        t = t.left_join(pins, t.pincode == pins._p).drop("_p")
        t = t.left_join(segments, t.segment == segments._g).drop("_g")
        if marks is not None:
            t = t.left_join(marks, t.enterprise_id.cast("string") == marks._spelling)
            return t.drop("_spelling").mutate(
                _dup_id=t._dup.fill_null(False), _blank_id=t._blank.fill_null(False)
            )
        return t.mutate(_dup_id=ibis.literal(False), _blank_id=ibis.literal(False))

    t = resolved(table)
    parsed = {c: _number(t[c], c in _INTEGER_COLUMNS) for c in _PARSED_COLUMNS}
    lat, lon = parsed["latitude"][1], parsed["longitude"][1]
    segment = t._seg.coalesce(t._dseg)
    rows = t.select(
        reason=_reason(t, parsed).cast("int8"),
        did=t._did.cast("int32"),
        pid=t._pid.cast("int32"),
        segment=segment.cast("int8"),
        employment=parsed["employment"][1],
        turnover_inr=parsed["turnover_inr"][1],
        looms=parsed["looms"][1],
        latitude=lat.coalesce(t._plat, t._dlat),
        longitude=lon.coalesce(t._plon, t._dlon),
        location_basis=ibis.cases((lat.notnull(), 0), (t._plat.notnull(), 1), else_=2).cast("int8"),
    )
    ok = rows.reason.isnull()
    compact = (
        rows.filter(ok)
        .select(*COMPACT_COLUMNS)
        .mutate(employment=_.employment.cast("int64"), looms=_.looms.cast("int64"))
    )
    try:
        groups, group_rows = collect(con, totals_expr(_grouped(rows, cell_km), list(GROUP_KEYS)))
        rejected = groups.filter(groups.key < 0)
        rejected = rejected.group_by(reason=-1 - rejected.key).agg(n=rejected.units.sum())
        counts = con.to_pyarrow(rejected)
        total = con.to_pyarrow(groups.units.sum().cast("int64").as_table()).column(0)[0]
        step("pass")
    except Exception as error:
        raise RegisterError(f"register cannot be read: {short_error(error)}") from None
    by_reason = {REASONS[r["reason"]]: int(r["n"]) for r in counts.to_pylist()}
    rows_read = int(total.as_py() or 0)
    products_by_id = lookup_table(con, {"pid": range(len(pcodes)), "product_code": pcodes})
    districts_by_id = lookup_table(con, {"did": range(len(dcodes)), "district_code": dcodes})
    # Quarantined rows are read again from the source, rather than carried with every
    # original column through the pass: first the rows that may be bad, by tests of
    # their raw values, then the same joins and tests on those rows only.
    try:
        dictionaries = {"places": places, "nics": nics, "pins": pins}
        maybe = resolved(table.filter(_suspect(con, table, dictionaries, id_spellings)))
    except Exception as error:
        raise RegisterError(f"register cannot be read: {short_error(error)}") from None
    maybe_parsed = {c: _number(maybe[c], c in _INTEGER_COLUMNS) for c in _PARSED_COLUMNS}
    bad = maybe.mutate(_reason_no=_reason(maybe, maybe_parsed))
    bad = bad.filter(bad._reason_no.notnull()).mutate(reason=_reason_name(_._reason_no))
    named = compact.join(products_by_id, "pid").join(districts_by_id, "did")
    accepted = named.mutate(
        segment=ibis.cases(*[(named.segment == i, s) for i, s in enumerate(SEGMENTS)]),
        location_basis=ibis.cases(
            (named.location_basis == 0, LOCATION_BASES[0]),
            (named.location_basis == 1, LOCATION_BASES[1]),
            else_=LOCATION_BASES[2],
        ),
    )
    return Validated(
        accepted=accepted.select(*ACCEPTED_COLUMNS),
        compact=compact,
        groups=groups.filter(groups.key >= 0),
        group_rows=group_rows,
        cell_km=cell_km,
        product_codes=pcodes,
        district_codes=dcodes,
        quarantine=bad.select(*original, "reason"),
        rows_read=rows_read,
        rows_accepted=rows_read - sum(by_reason.values()),
        by_reason={r: by_reason[r] for r in REASONS if r in by_reason},
        durations=steps,
    )
