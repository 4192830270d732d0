"""Loads the offline gazetteer into the database; running it again changes nothing."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from clusterdev.core.cache import bump_data_version
from clusterdev.gazetteer import Gazetteer, load_gazetteer
from clusterdev.geography.models import District, DistrictAlias, PinCode, State

Progress = Callable[[str, int, int], None]

DISTRICT_FIELDS = [
    "name",
    "state_id",
    "india_post_label",
    "lgd_code",
    "lgd_name",
    "census2011_name",
    "latitude",
    "longitude",
    "centroid_basis",
    "pin_count",
]


def _noop(stage: str, done: int, total: int) -> None:
    return None


@transaction.atomic
def load_geography(
    gazetteer: Gazetteer | None = None, progress: Progress = _noop
) -> dict[str, int]:
    """Upsert states and districts by code; replace aliases and PIN codes wholesale.

    Districts are never deleted here, because clusters may point at them; a district
    that left the gazetteer stays, and ``counts['stale_districts']`` says how many.
    """
    gazetteer = gazetteer or load_gazetteer()
    counts = {"states": 0, "districts_created": 0, "districts_updated": 0}

    states = {}
    for state in gazetteer.states():
        row, _ = State.objects.update_or_create(
            code=state.code,
            defaults={
                "name": state.name,
                "iso_3166_2": state.iso_3166_2,
                "census2011_code": state.census2011_code or "",
                "lgd_code": state.lgd_code or "",
                "india_post_name": state.india_post_name,
                "aliases": list(state.aliases),
            },
        )
        states[state.code] = row
        counts["states"] += 1
    progress("states", counts["states"], counts["states"])

    existing = {d.code: d for d in District.objects.all()}
    districts = list(gazetteer.districts())
    to_create, to_update = [], []
    for item in districts:
        values = {
            "name": item.name,
            "state_id": states[item.state_code].pk,
            "india_post_label": item.india_post_label,
            "lgd_code": item.lgd_code or "",
            "lgd_name": item.lgd_name or "",
            "census2011_name": item.census2011_name or "",
            "latitude": item.latitude,
            "longitude": item.longitude,
            "centroid_basis": item.centroid_basis,
            "pin_count": item.pin_count,
        }
        row = existing.get(item.code)
        if row is None:
            to_create.append(District(code=item.code, **values))
        elif any(getattr(row, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(row, field, value)
            to_update.append(row)
    District.objects.bulk_create(to_create, batch_size=500)
    District.objects.bulk_update(to_update, DISTRICT_FIELDS, batch_size=500)
    counts["districts_created"] = len(to_create)
    counts["districts_updated"] = len(to_update)
    known = {item.code for item in districts}
    counts["stale_districts"] = sum(1 for code in existing if code not in known)
    progress("districts", len(districts), len(districts))

    ids = dict(District.objects.values_list("code", "pk"))
    DistrictAlias.objects.all().delete()
    aliases = {
        (ids[item.code], alias.normalised, alias.kind): DistrictAlias(
            district_id=ids[item.code],
            name=alias.name,
            normalised=alias.normalised,
            kind=alias.kind,
        )
        for item in districts
        for alias in item.aliases
    }
    DistrictAlias.objects.bulk_create(aliases.values(), batch_size=1000)
    counts["aliases"] = len(aliases)
    progress("aliases", len(aliases), len(aliases))

    PinCode.objects.all().delete()
    pins = [
        PinCode(
            pin=pin.pin,
            district_id=ids.get(pin.district_code) if pin.district_code else None,
            latitude=pin.latitude,
            longitude=pin.longitude,
        )
        for pin in gazetteer.pins()
    ]
    PinCode.objects.bulk_create(pins, batch_size=2000)
    counts["pincodes"] = len(pins)
    progress("pincodes", len(pins), len(pins))
    bump_data_version()  # bulk writes send no signals
    return counts
