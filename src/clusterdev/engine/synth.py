"""Synthetic enterprise registers over real geography, with planted clusters and a truth file.

Enterprises sit around real PIN centroids from the gazetteer. A share of them belongs
to *planted* clusters (dense groups of one product around a centre; some straddle a
district line); the rest is sparse background spread over the whole country. The mix
follows the seed document's figures (domain reference, section 4):

* planted cluster size around 750 units (DC(SSI): 1,535,357 units in 2,042 clusters),
  with a floor of 150 so that every plant passes the usual thresholds;
* typology of plants in the proportions of the seed's cluster counts: industrial
  2,042, handicraft 2,960 (in its product groups: textiles 709, basketry 406, woodwork
  358, metal ware 317, earthenware 252, jewellery 155, leather 128, folk painting 105,
  stoneware 94, toys 91), handloom 372, micro 2,831;
* about 2.9 workers per unit (4,392,256 employed in the DC(SSI) clusters).

Generation is vectorised with NumPy and written in chunks, so tens of millions of
rows go straight to Parquet without being held in memory.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["PlantedCluster", "read_truth", "synthesise"]

SEED_UNITS_PER_CLUSTER = 1_535_357 / 2_042
SEED_WORKERS_PER_UNIT = 4_392_256 / 1_535_357
TYPOLOGY_WEIGHTS = {"industrial": 2_042, "handicraft": 2_960, "handloom": 372, "micro": 2_831}
PRODUCTS: dict[str, list[tuple[str, float]]] = {
    "industrial": [
        ("1430", 1),
        ("2310", 1),
        ("2930", 1),
        ("2813", 1),
        ("2811", 1),
        ("2100", 1),
        ("2822", 1),
        ("2431", 1),
        ("1061", 1),
        ("1520", 1),
        ("2220", 1),
        ("3250", 1),
    ],
    # Seed handicraft product groups, by their cluster counts.
    "handicraft": [
        ("1392", 709),
        ("1629", 406),
        ("1622", 358),
        ("2599", 317),
        ("2393", 252),
        ("3211", 155),
        ("1512", 128),
        ("9000", 105),
        ("2396", 94),
        ("3240", 91),
    ],
    "handloom": [("1312", 1)],
    "micro": [("1079", 1), ("1071", 1), ("1410", 1), ("9522", 1), ("3100", 1)],
}
BACKGROUND_PRODUCTS = sorted(
    {code for options in PRODUCTS.values() for code, _ in options}
    | {"6201", "4520", "1701", "2710", "1050", "1104", "4711", "5610", "8510", "4921", "2511"}
)
STATE_SPELLINGS = 3
DISTRICT_SPELLINGS = 3


@dataclass(frozen=True, slots=True)
class PlantedCluster:
    """One planted cluster, as written to the truth file."""

    plant_id: str
    product_code: str
    typology: str
    units: int
    latitude: float
    longitude: float
    radius_km: float
    straddles: bool
    district_codes: tuple[str, ...]
    first_row: int
    """Index of its first enterprise; its members are rows first_row .. first_row+units-1."""


@lru_cache(maxsize=1)
def _geography() -> dict[str, Any]:
    from clusterdev.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    districts = sorted(gaz.districts(), key=lambda d: d.code)
    index = {d.code: i for i, d in enumerate(districts)}
    states = {s.code: s for s in gaz.states()}
    pins = sorted(
        (p for p in gaz.pins() if p.latitude is not None and p.district_code in index),
        key=lambda p: p.pin,
    )
    district_spell = np.array(
        [
            [d.india_post_label, d.name, d.lgd_name or d.census2011_name or d.name]
            for d in districts
        ],
        dtype=object,
    )
    state_spell = np.array(
        [
            [states[d.state_code].name, states[d.state_code].india_post_name, d.state_code]
            for d in districts
        ],
        dtype=object,
    )
    return {
        "pin": np.array([p.pin for p in pins], dtype=object),
        "lat": np.array([p.latitude for p in pins], dtype="float64"),
        "lon": np.array([p.longitude for p in pins], dtype="float64"),
        "district": np.array([index[str(p.district_code)] for p in pins], dtype="int64"),
        "district_codes": [d.code for d in districts],
        "district_spell": district_spell,
        "state_spell": state_spell,
    }


@lru_cache(maxsize=1)
def _subclasses() -> dict[str, list[str]]:
    from clusterdev.nic import load_nic

    nic = load_nic()
    out: dict[str, list[str]] = {}
    for code in BACKGROUND_PRODUCTS:
        children = sorted(c for c in nic if c.startswith(code) and len(c) == 5)
        out[code] = children or [code]
    return out


def _km(lat1: Any, lon1: Any, lat2: Any, lon2: Any) -> Any:
    dy = (np.asarray(lat2) - lat1) * 111.32
    dx = (np.asarray(lon2) - lon1) * 111.32 * np.cos(np.radians(lat1))
    return np.hypot(dx, dy)


def _plan(
    rng: np.random.Generator,
    enterprises: int,
    cluster_share: float,
    straddle_share: float,
    mean_units: float,
) -> list[PlantedCluster]:
    geo = _geography()
    budget = int(enterprises * cluster_share)
    typologies = list(TYPOLOGY_WEIGHTS)
    weights = np.array([TYPOLOGY_WEIGHTS[t] for t in typologies], dtype="float64")
    weights /= weights.sum()
    plants: list[PlantedCluster] = []
    centres: dict[str, list[tuple[float, float]]] = {}
    used = 0
    attempts = 0
    while used < budget and attempts < 100_000:
        attempts += 1
        size = int(max(150, min(rng.lognormal(math.log(mean_units), 0.5), 5 * mean_units)))
        size = min(size, budget - used)
        if size < 150:
            break
        typology = typologies[int(rng.choice(len(typologies), p=weights))]
        options = PRODUCTS[typology]
        pw = np.array([w for _, w in options], dtype="float64")
        product = options[int(rng.choice(len(options), p=pw / pw.sum()))][0]
        anchor = int(rng.integers(len(geo["pin"])))
        lat, lon = float(geo["lat"][anchor]), float(geo["lon"][anchor])
        straddles = bool(rng.random() < straddle_share) or (straddle_share > 0 and len(plants) < 2)
        districts = [int(geo["district"][anchor])]
        if straddles:
            dist = _km(lat, lon, geo["lat"], geo["lon"])
            other = np.flatnonzero((geo["district"] != districts[0]) & (dist > 3.0) & (dist < 8.0))
            if len(other) == 0:
                straddles = False
            else:
                partner = int(other[rng.integers(len(other))])
                districts.append(int(geo["district"][partner]))
                lat = (lat + float(geo["lat"][partner])) / 2
                lon = (lon + float(geo["lon"][partner])) / 2
        # Keep plants of one product at least 40 km apart, so that they stay separate.
        near = [c for c in centres.get(product, []) if _km(lat, lon, c[0], c[1]) < 40.0]
        if near:
            continue
        centres.setdefault(product, []).append((lat, lon))
        radius = 1.0 + 1.5 * math.sqrt(size / mean_units)
        plants.append(
            PlantedCluster(
                plant_id=f"P{len(plants) + 1:05d}",
                product_code=product,
                typology=typology,
                units=size,
                latitude=round(lat, 6),
                longitude=round(lon, 6),
                radius_km=round(radius, 3),
                straddles=straddles,
                district_codes=tuple(geo["district_codes"][d] for d in districts),
                first_row=used,
            )
        )
        used += size
    return plants


def _nearest_of(lat: Any, lon: Any, candidates: Sequence[int]) -> Any:
    """Index (into candidates) of the nearest candidate PIN for each point."""
    geo = _geography()
    best = np.zeros(len(lat), dtype="int64")
    best_d = np.full(len(lat), np.inf)
    for i, c in enumerate(candidates):
        d = _km(lat, lon, geo["lat"][c], geo["lon"][c])
        closer = d < best_d
        best[closer] = i
        best_d[closer] = d[closer]
    return best


def _chunk(
    rng: np.random.Generator,
    start: int,
    stop: int,
    plants: list[PlantedCluster],
    anchors: dict[str, list[int]],
    dirty: float,
) -> dict[str, Any]:
    geo = _geography()
    n = stop - start
    rows = np.arange(start, stop)
    firsts = np.array([p.first_row for p in plants], dtype="int64")
    ends = firsts + np.array([p.units for p in plants], dtype="int64")
    which = np.searchsorted(firsts, rows, side="right") - 1 if plants else np.full(n, -1)
    in_plant = (
        (which >= 0) & (rows < (ends[which] if plants else 0)) if plants else np.zeros(n, bool)
    )

    pin_idx = rng.integers(len(geo["pin"]), size=n)
    lat = geo["lat"][pin_idx] + rng.normal(0, 2.0 / 111.32, n)
    lon = geo["lon"][pin_idx] + rng.normal(0, 2.0 / 111.32, n) / np.cos(
        np.radians(geo["lat"][pin_idx])
    )
    products = np.array(BACKGROUND_PRODUCTS, dtype=object)[
        rng.integers(len(BACKGROUND_PRODUCTS), size=n)
    ]
    segment = np.full(n, "", dtype=object)
    background_seg = rng.random(n)
    segment[(background_seg < 0.05)] = "micro"
    typology = np.full(n, "", dtype=object)

    for k in np.unique(which[in_plant]):
        plant = plants[int(k)]
        mask = in_plant & (which == k)
        m = int(mask.sum())
        r = np.abs(rng.normal(0, plant.radius_km / 2.0, m))
        theta = rng.uniform(0, 2 * math.pi, m)
        plat = plant.latitude + r * np.sin(theta) / 111.32
        plon = plant.longitude + r * np.cos(theta) / (
            111.32 * math.cos(math.radians(plant.latitude))
        )
        lat[mask] = plat
        lon[mask] = plon
        cands = anchors[plant.plant_id]
        nearest = _nearest_of(plat, plon, cands)
        pin_idx[mask] = np.array(cands, dtype="int64")[nearest]
        products[mask] = plant.product_code
        typology[mask] = plant.typology
        segment[mask] = "" if plant.typology == "industrial" else plant.typology

    subs = _subclasses()
    nic = np.empty(n, dtype=object)
    for code in np.unique(products):
        mask = products == code
        children = np.array(subs[str(code)], dtype=object)
        nic[mask] = children[rng.integers(len(children), size=int(mask.sum()))]
    district = geo["district"][pin_idx]
    spell = rng.integers(DISTRICT_SPELLINGS, size=n)
    district_name = geo["district_spell"][district, spell]
    state_name = geo["state_spell"][district, rng.integers(STATE_SPELLINGS, size=n)]
    employment = 1 + rng.poisson(SEED_WORKERS_PER_UNIT - 1, n)
    artisan = np.isin(segment, ["handicraft", "handloom", "micro"])
    turnover = np.round(
        np.where(
            artisan, rng.lognormal(math.log(3e5), 0.8, n), rng.lognormal(math.log(4e6), 1.0, n)
        ),
        0,
    )
    investment = np.round(turnover * rng.uniform(0.2, 0.8, n), 0)
    looms = np.where(segment == "handloom", rng.integers(1, 5, n), -1)
    basis = rng.random(n)
    has_coords = basis < 0.85
    has_pin = basis < 0.95
    year = rng.integers(2015, 2026, n)

    ids = np.char.add("E", np.char.zfill(rows.astype(str), 10))
    lat_s = np.where(has_coords, np.round(lat, 6), np.nan)
    lon_s = np.where(has_coords, np.round(lon, 6), np.nan)
    pins = np.where(has_pin, geo["pin"][pin_idx], None)
    columns: dict[str, Any] = {
        "enterprise_id": ids.astype(object),
        "state": state_name,
        "district": district_name,
        "pincode": pins,
        "latitude": lat_s,
        "longitude": lon_s,
        "nic_code": nic,
        "employment": employment.astype("int64"),
        "turnover_inr": turnover,
        "investment_inr": investment,
        "looms": looms,
        "segment": segment,
        "year": year.astype("int64"),
    }
    if dirty > 0:
        bad = rng.random(n) < dirty
        columns["nic_code"] = np.where(bad & (rng.random(n) < 0.5), "9999", columns["nic_code"])
        columns["district"] = np.where(bad & (rng.random(n) < 0.5), "Nowhere", columns["district"])
    return columns


def _to_arrow(columns: dict[str, Any]) -> Any:
    import pyarrow as pa
    import pyarrow.compute as pc

    def strings(values: Any) -> Any:
        array = pa.array(values, pa.string(), from_pandas=True)
        return pc.if_else(pc.equal(array, ""), pa.scalar(None, pa.string()), array)

    looms = columns["looms"]
    return pa.table(
        {
            "enterprise_id": strings(columns["enterprise_id"]),
            "state": strings(columns["state"]),
            "district": strings(columns["district"]),
            "pincode": strings(columns["pincode"]),
            "latitude": pa.array(columns["latitude"], pa.float64(), from_pandas=True),
            "longitude": pa.array(columns["longitude"], pa.float64(), from_pandas=True),
            "nic_code": strings(columns["nic_code"]),
            "employment": pa.array(columns["employment"], pa.int64()),
            "turnover_inr": pa.array(columns["turnover_inr"], pa.float64()),
            "investment_inr": pa.array(columns["investment_inr"], pa.float64()),
            "looms": pa.array(looms, pa.int64(), mask=looms < 0),
            "segment": strings(columns["segment"]),
            "year": pa.array(columns["year"], pa.int64()),
        }
    )


def synthesise(
    out: str | Path,
    enterprises: int = 10_000,
    seed: int = 0,
    *,
    cluster_share: float = 0.4,
    straddle_share: float = 0.2,
    mean_units: float | None = None,
    dirty: float = 0.0,
    chunk_rows: int = 1_000_000,
    progress: Any = None,
) -> list[PlantedCluster]:
    """Write a synthetic register and its truth file; return the planted clusters.

    Parameters
    ----------
    out : path
        ``*.parquet`` for Parquet, anything else for CSV. The truth is written next to
        it as ``<stem>.truth.csv`` (and ``<stem>.truth-members.csv`` up to 2 million rows).
    enterprises : int
        Number of rows.
    seed : int
        Same seed, same register.
    cluster_share : float
        Share of enterprises in planted clusters.
    straddle_share : float
        Share of plants centred on a district line.
    mean_units : float, optional
        Typical plant size; default the seed's 752 units, less for small registers.
    dirty : float
        Share of rows given a bad NIC code or an unknown district (for benchmarks).
    chunk_rows : int
        Rows generated and written at a time.
    progress : callable, optional
        ``progress("synth", done_rows, total_rows)``.

    Returns
    -------
    list of PlantedCluster

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "r.csv"
    >>> plants = synthesise(path, enterprises=2000, seed=3)
    >>> len(plants) > 0 and path.with_name("r.truth.csv").exists()
    True
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    if mean_units is None:
        mean_units = min(SEED_UNITS_PER_CLUSTER, max(200.0, enterprises * cluster_share / 12))
    plants = _plan(rng, enterprises, cluster_share, straddle_share, mean_units)
    geo = _geography()
    anchors: dict[str, list[int]] = {}
    for plant in plants:
        dist = _km(plant.latitude, plant.longitude, geo["lat"], geo["lon"])
        allowed = np.isin(
            np.array(geo["district_codes"], dtype=object)[geo["district"]],
            list(plant.district_codes),
        )
        near = np.flatnonzero(allowed & (dist < plant.radius_km + 8.0))
        if len(near) == 0:
            near = np.flatnonzero(allowed)[:1]
        # The nearest few PINs of each member district.
        chosen: list[int] = []
        for code in plant.district_codes:
            mine = near[
                np.array(geo["district_codes"], dtype=object)[geo["district"][near]] == code
            ]
            chosen += [int(i) for i in mine[np.argsort(dist[mine])][:4]]
        anchors[plant.plant_id] = chosen

    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    parquet = out.suffix.lower() in (".parquet", ".pq")
    writer: Any = None
    members: list[tuple[str, str]] = []
    keep_members = enterprises <= 2_000_000
    try:
        for start in range(0, enterprises, chunk_rows):
            stop = min(enterprises, start + chunk_rows)
            chunk_rng = np.random.default_rng([seed, start])
            columns = _chunk(chunk_rng, start, stop, plants, anchors, dirty)
            table = _to_arrow(columns)
            if parquet:
                if writer is None:
                    writer = pq.ParquetWriter(out, table.schema)
                writer.write_table(table)
            else:
                if writer is None:
                    writer = pacsv.CSVWriter(out, table.schema)
                writer.write_table(table)
            if progress is not None:
                progress("synth", stop, enterprises)
    finally:
        if writer is not None:
            writer.close()
    if writer is None:  # zero rows: still write a header
        table = _to_arrow(_chunk(rng, 0, 0, plants, anchors, 0.0))
        if parquet:
            pq.write_table(table, out)
        else:
            pacsv.write_csv(table, out)

    names = _district_names()
    truth = out.with_name(out.name.split(".")[0] + ".truth.csv")
    with truth.open("w", newline="", encoding="utf-8") as handle:
        w = csv.writer(handle)
        w.writerow(
            [
                "plant_id",
                "product_code",
                "typology",
                "units",
                "latitude",
                "longitude",
                "radius_km",
                "straddles",
                "district_codes",
                "districts",
                "first_enterprise_id",
                "last_enterprise_id",
            ]
        )
        for p in plants:
            w.writerow(
                [
                    p.plant_id,
                    p.product_code,
                    p.typology,
                    p.units,
                    p.latitude,
                    p.longitude,
                    p.radius_km,
                    str(p.straddles).lower(),
                    ";".join(p.district_codes),
                    ";".join(names[c] for c in p.district_codes),
                    f"E{p.first_row:010d}",
                    f"E{p.first_row + p.units - 1:010d}",
                ]
            )
            if keep_members:
                members += [
                    (f"E{i:010d}", p.plant_id) for i in range(p.first_row, p.first_row + p.units)
                ]
    if keep_members:
        with out.with_name(out.name.split(".")[0] + ".truth-members.csv").open(
            "w", newline="", encoding="utf-8"
        ) as handle:
            w = csv.writer(handle)
            w.writerow(["enterprise_id", "plant_id"])
            w.writerows(members)
    return plants


def _district_names() -> dict[str, str]:
    from clusterdev.gazetteer import load_gazetteer

    return {d.code: d.name for d in load_gazetteer().districts()}


def read_truth(path: str | Path) -> list[PlantedCluster]:
    """Read a truth file written by :func:`synthesise`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "r.csv"
    >>> plants = synthesise(path, enterprises=1500, seed=4)
    >>> read_truth(path.with_name("r.truth.csv")) == plants
    True
    """
    plants = []
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            plants.append(
                PlantedCluster(
                    plant_id=row["plant_id"],
                    product_code=row["product_code"],
                    typology=row["typology"],
                    units=int(row["units"]),
                    latitude=float(row["latitude"]),
                    longitude=float(row["longitude"]),
                    radius_km=float(row["radius_km"]),
                    straddles=row["straddles"] == "true",
                    district_codes=tuple(row["district_codes"].split(";")),
                    first_row=int(row["first_enterprise_id"][1:]),
                )
            )
    return plants
