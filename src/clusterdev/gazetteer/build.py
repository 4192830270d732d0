"""Assemble the :class:`~clusterdev.gazetteer.resolver.Gazetteer` from its sources.

Canonical districts are India Post's (state, district label) pairs. The Census 2011
→ LGD crosswalk from indiaset is matched onto them within the same state (or a
state carved out of it since 2011): first by the Census spelling, then by the LGD
spelling, then through the curated aliases. A match gives the district its LGD
code (which becomes its stable code) and its Census and LGD spellings as aliases.
"""

import dataclasses
import functools
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from contextlib import closing
from typing import TypeVar

from .model import (
    CensusDistrict,
    CensusMatch,
    CensusMatchMethod,
    CentroidBasis,
    District,
    DistrictAlias,
    Pin,
    State,
)
from .normalise import display_name, normalise
from .resolver import Gazetteer, state_keys
from .sources import (
    DATA_SOURCES,
    INDIA_POST,
    GazetteerDataError,
    _own_rows,
    curated_aliases_rows,
    indiaset_rows,
    open_india_post,
    states_rows,
)

__all__ = [
    "CENSUS_2011_SUCCESSORS",
    "GOOD_GEO_QUALITY",
    "build_gazetteer",
    "load_gazetteer",
    "unmatched_census_districts",
]

GOOD_GEO_QUALITY = frozenset({"original", "swapped"})
"""``geo_quality`` values whose coordinates are used for centroids. ``swapped`` points
were corrected by the package's pipeline; ``suspect``, ``removed`` and ``missing``
are left out."""

CENSUS_2011_SUCCESSORS: Mapping[str, tuple[str, ...]] = {
    "IN-AP": ("IN-TG",),  # Telangana was carved out of Andhra Pradesh in 2014
    "IN-JK": ("IN-LA",),  # Ladakh was separated from Jammu and Kashmir in 2019
}
"""States formed since 2011 out of a 2011 state: a Census row of the old state may
match a district of these states too."""

DistrictKey = tuple[str, str]
"""(state code, India Post label): how a district is identified while building."""

K = TypeVar("K", str, DistrictKey)


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";") if part.strip())


def _read_states() -> list[State]:
    states = []
    for row in states_rows():
        states.append(
            State(
                code=row["code"],
                name=row["name"],
                iso_3166_2=row["iso_3166_2"],
                census2011_code=row["census2011_code"] or None,
                lgd_code=row["lgd_code"],
                india_post_name=row["india_post_name"],
                aliases=_split(row["aliases"]),
            )
        )
    return states


class _Accumulator:
    """Running sums for one (PIN, district) group of post offices."""

    __slots__ = ("lat", "lon", "n")

    def __init__(self) -> None:
        self.lat = 0.0
        self.lon = 0.0
        self.n = 0


def _median(points: Iterable[tuple[float, float]]) -> tuple[float, float] | None:
    """Component-wise median: a few mislocated post offices do not drag the centre away."""
    pairs = list(points)
    if not pairs:
        return None
    return (
        round(statistics.median(p[0] for p in pairs), 5),
        round(statistics.median(p[1] for p in pairs), 5),
    )


@dataclasses.dataclass
class _IndiaPost:
    """What the build needs from the India Post snapshot."""

    data_version: str | None
    labels: dict[DistrictKey, None]  # ordered set
    office_counts: dict[int, dict[DistrictKey | None, int]]  # pin -> district -> offices
    state_counts: dict[int, dict[str, int]]  # pin -> state -> offices
    good_sums: dict[DistrictKey, dict[int, _Accumulator]]
    pins_by_district: dict[DistrictKey, set[int]]
    centroids: dict[int, tuple[float, float]]


def _read_india_post(state_code_by_key: Mapping[str, str]) -> _IndiaPost:
    with closing(open_india_post()) as conn:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        state_names = dict(conn.execute("SELECT id, name FROM states").fetchall())
        labels = dict(conn.execute("SELECT id, name FROM districts").fetchall())
        quality = meta.get("geo_quality", "").split(",")
        good = [i for i, name in enumerate(quality) if name in GOOD_GEO_QUALITY]
        if len(good) != len(GOOD_GEO_QUALITY):
            raise GazetteerDataError(f"unexpected geo_quality names in the snapshot: {quality}")
        scale = float(meta.get("coord_scale", "100000"))
        marks = ", ".join("?" * len(good))
        is_good = f"(gq_code IN ({marks}) AND lat_e5 IS NOT NULL AND lon_e5 IS NOT NULL)"
        groups = conn.execute(
            f"""
            SELECT pincode, state_id, district_id, count(*),
                   sum(CASE WHEN {is_good} THEN lat_e5 END),
                   sum(CASE WHEN {is_good} THEN lon_e5 END),
                   sum(CASE WHEN {is_good} THEN 1 ELSE 0 END)
            FROM post_offices
            GROUP BY pincode, state_id, district_id
            ORDER BY pincode, state_id, district_id
            """,
            good * 3,
        ).fetchall()
        centroid_rows = conn.execute(
            "SELECT pincode, lat_e5, lon_e5 FROM centroids "
            "WHERE lat_e5 IS NOT NULL AND lon_e5 IS NOT NULL"
        ).fetchall()

    state_of_id: dict[int, str] = {}
    for state_id, name in state_names.items():
        code = state_code_by_key.get(normalise(name))
        if code is None:
            raise GazetteerDataError(f"India Post state {name!r} is not in data/states.csv")
        state_of_id[state_id] = code

    ip = _IndiaPost(
        data_version=meta.get("version"),
        labels={},
        office_counts=defaultdict(dict),
        state_counts=defaultdict(dict),
        good_sums=defaultdict(dict),
        pins_by_district=defaultdict(set),
        centroids={pin: (lat / scale, lon / scale) for pin, lat, lon in centroid_rows},
    )
    for pin, state_id, district_id, offices, lat_sum, lon_sum, n_good in groups:
        state = state_of_id.get(state_id) if state_id is not None else None
        if state is not None:
            ip.state_counts[pin][state] = ip.state_counts[pin].get(state, 0) + offices
        key: DistrictKey | None = None
        if state is not None and district_id is not None:
            key = (state, labels[district_id])
            ip.labels[key] = None
            ip.pins_by_district[key].add(pin)
            if n_good:
                acc = ip.good_sums[key].setdefault(pin, _Accumulator())
                acc.lat += lat_sum / scale
                acc.lon += lon_sum / scale
                acc.n += n_good
        counts = ip.office_counts[pin]
        counts[key] = counts.get(key, 0) + offices
    return ip


def _read_centroid_overrides(
    labels: Mapping[DistrictKey, None],
) -> dict[DistrictKey, tuple[float, float]]:
    """Centres fixed by hand where the snapshot's coordinates are plainly wrong."""
    overrides: dict[DistrictKey, tuple[float, float]] = {}
    for line, row in enumerate(_own_rows("district_centroids.csv"), start=2):
        key = (row["state_code"], row["district"])
        if key not in labels:
            raise GazetteerDataError(
                f"data/district_centroids.csv line {line}: {row['district']!r} is not an "
                f"India Post district of {row['state_code']}"
            )
        overrides[key] = (float(row["latitude"]), float(row["longitude"]))
    return overrides


def _read_curated(labels: Mapping[DistrictKey, None]) -> dict[DistrictKey, list[DistrictAlias]]:
    curated: dict[DistrictKey, list[DistrictAlias]] = defaultdict(list)
    for line, row in enumerate(curated_aliases_rows(), start=2):
        key = (row["state_code"], row["district"])
        if key not in labels:
            raise GazetteerDataError(
                f"data/district_aliases.csv line {line}: {row['district']!r} is not an "
                f"India Post district of {row['state_code']}"
            )
        note = f"{row['kind']}: {row['source']}" if row["source"] else row["kind"]
        alias = row["alias"]
        curated[key].append(DistrictAlias(alias, normalise(alias), "curated", note))
    return curated


def _match_census(
    state_code_by_key: Mapping[str, str],
    labels: Mapping[DistrictKey, None],
    curated: Mapping[DistrictKey, list[DistrictAlias]],
) -> list[tuple[CensusDistrict, str, DistrictKey | None, CensusMatchMethod | None]]:
    """Match every crosswalk row: ``(row, its state code, district or None, method or None)``."""
    by_label: dict[tuple[str, str], DistrictKey] = {}
    for key in labels:
        by_label[(key[0], normalise(key[1]))] = key
    by_curated: dict[tuple[str, str], DistrictKey] = {}
    for key, aliases in curated.items():
        for alias in aliases:
            by_curated.setdefault((key[0], alias.normalised), key)

    results: list[tuple[CensusDistrict, str, DistrictKey | None, CensusMatchMethod | None]] = []
    for row in indiaset_rows():
        census = CensusDistrict(
            census2011_name=row["district_name"],
            lgd_name=row["district_name_lgd"],
            lgd_code=str(int(row["lgd_code"])),
            state_name=row["state_name"],
        )
        state = state_code_by_key.get(normalise(census.state_name))
        if state is None:
            raise GazetteerDataError(f"indiaset state {census.state_name!r} is not known")
        candidates = (state, *CENSUS_2011_SUCCESSORS.get(state, ()))
        attempts: list[tuple[CensusMatchMethod, dict[tuple[str, str], DistrictKey], str]] = [
            ("census_name", by_label, census.census2011_name),
            ("lgd_name", by_label, census.lgd_name),
            ("curated_alias", by_curated, census.census2011_name),
            ("curated_alias", by_curated, census.lgd_name),
        ]
        found: tuple[DistrictKey | None, CensusMatchMethod | None] = (None, None)
        for method, index, spelling in attempts:
            wanted = normalise(spelling)
            hits = [index[(s, wanted)] for s in candidates if (s, wanted) in index]
            if hits:
                found = (hits[0], method)
                break
        results.append((census, state, *found))
    return results


def _district_code(state: State, label: str, lgd_code: str | None) -> str:
    if lgd_code is not None:
        return lgd_code
    return f"IP-{state.code.removeprefix('IN-')}-{normalise(label).upper()}"


def _centroid(ip: _IndiaPost, key: DistrictKey) -> tuple[tuple[float, float] | None, CentroidBasis]:
    per_pin = ip.good_sums.get(key, {})
    centroid = _median((acc.lat / acc.n, acc.lon / acc.n) for acc in per_pin.values())
    if centroid is not None:
        return centroid, "post_offices"
    pins = sorted(ip.pins_by_district.get(key, ()))
    centroid = _median(ip.centroids[pin] for pin in pins if pin in ip.centroids)
    if centroid is not None:
        return centroid, "pin_centroids"
    return None, "none"


def _dedupe(aliases: Iterable[DistrictAlias]) -> tuple[DistrictAlias, ...]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for alias in aliases:
        if alias.normalised and (alias.normalised, alias.kind) not in seen:
            seen.add((alias.normalised, alias.kind))
            kept.append(alias)
    return tuple(kept)


def _top(votes: Mapping[K, int]) -> K | None:
    """The key with most votes; ties go to the smallest key, so the result is stable."""
    if not votes:
        return None
    return min(votes.items(), key=lambda item: (-item[1], item[0]))[0]


def _assemble_districts(
    ip: _IndiaPost,
    state_by_code: Mapping[str, State],
    curated: Mapping[DistrictKey, list[DistrictAlias]],
    matched: Mapping[DistrictKey, list[tuple[CensusDistrict, str]]],
) -> dict[DistrictKey, District]:
    overrides = _read_centroid_overrides(ip.labels)
    districts: dict[DistrictKey, District] = {}
    for key in sorted(ip.labels):
        state_code, label = key
        rows = matched.get(key, [])
        primary = rows[0][0] if rows else None
        census_state = rows[0][1] if rows else None
        lgd_code = primary.lgd_code if primary else None
        aliases = [DistrictAlias(label, normalise(label), "india_post")]
        aliases += [DistrictAlias(c.lgd_name, normalise(c.lgd_name), "lgd") for c, _ in rows]
        aliases += [
            DistrictAlias(c.census2011_name, normalise(c.census2011_name), "census2011")
            for c, _ in rows
        ]
        aliases += curated.get(key, [])
        centroid, basis = _centroid(ip, key)
        if key in overrides:
            centroid, basis = overrides[key], "curated"
        districts[key] = District(
            code=_district_code(state_by_code[state_code], label, lgd_code),
            name=display_name(label),
            state_code=state_code,
            india_post_label=label,
            lgd_code=lgd_code,
            lgd_name=primary.lgd_name if primary else None,
            census2011_name=primary.census2011_name if primary else None,
            census2011_state_code=census_state if census_state != state_code else None,
            aliases=_dedupe(aliases),
            latitude=centroid[0] if centroid else None,
            longitude=centroid[1] if centroid else None,
            centroid_basis=basis,
            pin_count=len(ip.pins_by_district.get(key, ())),
        )
    return districts


def _assemble_pins(ip: _IndiaPost, code_of: Mapping[DistrictKey, str]) -> list[Pin]:
    pins = []
    for pin in sorted(ip.office_counts):
        district_key = _top({k: n for k, n in ip.office_counts[pin].items() if k is not None})
        state_code = district_key[0] if district_key else _top(ip.state_counts.get(pin, {}))
        latlon = ip.centroids.get(pin)
        pins.append(
            Pin(
                pin=str(pin),
                latitude=round(latlon[0], 5) if latlon else None,
                longitude=round(latlon[1], 5) if latlon else None,
                district_code=code_of[district_key] if district_key is not None else None,
                state_code=state_code,
            )
        )
    return pins


def build_gazetteer() -> Gazetteer:
    """Read every source and build a fresh :class:`Gazetteer` (about half a second).

    Prefer :func:`load_gazetteer`, which caches the result.

    Returns
    -------
    Gazetteer

    Raises
    ------
    GazetteerDataError
        If a package file is missing or the committed data disagree with it.

    Examples
    --------
    >>> gaz = build_gazetteer()
    >>> sum(1 for _ in gaz.states())
    36
    """
    states = _read_states()
    state_by_code = {s.code: s for s in states}
    state_code_by_key = {key: s.code for s in states for key, _ in state_keys(s)}

    ip = _read_india_post(state_code_by_key)
    missing = set(state_by_code) - {key[0] for key in ip.labels}
    if missing:
        raise GazetteerDataError(f"states without India Post districts: {sorted(missing)}")
    curated = _read_curated(ip.labels)

    census_results = _match_census(state_code_by_key, ip.labels, curated)
    matched: dict[DistrictKey, list[tuple[CensusDistrict, str]]] = defaultdict(list)
    for census, state_2011, district_key, _ in census_results:
        if district_key is not None:
            matched[district_key].append((census, state_2011))

    districts = _assemble_districts(ip, state_by_code, curated, matched)
    code_of = {key: district.code for key, district in districts.items()}
    matches = [
        CensusMatch(census, code_of[key] if key is not None else None, method)
        for census, _, key, method in census_results
    ]
    sources = [
        dataclasses.replace(src, data_version=ip.data_version) if src is INDIA_POST else src
        for src in DATA_SOURCES
    ]
    return Gazetteer(states, districts.values(), _assemble_pins(ip, code_of), matches, sources)


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Return the gazetteer, building it on first use and caching it for the process.

    Returns
    -------
    Gazetteer

    Examples
    --------
    >>> load_gazetteer() is load_gazetteer()
    True
    >>> load_gazetteer().resolve("Haryana", "Gurgaon").name
    'Gurugram'
    """
    return build_gazetteer()


def unmatched_census_districts(gazetteer: Gazetteer | None = None) -> list[CensusDistrict]:
    """Census 2011 districts (indiaset rows) that match no India Post district.

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        Defaults to :func:`load_gazetteer`.

    Returns
    -------
    list of CensusDistrict
        In the crosswalk's order.

    Examples
    --------
    >>> all(row.lgd_code.isdigit() for row in unmatched_census_districts())
    True
    """
    return (gazetteer or load_gazetteer()).unmatched_census_districts()
