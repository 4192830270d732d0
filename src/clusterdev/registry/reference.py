"""Loads the registry's reference data files: atomic, idempotent, and precise about errors.

The files live in ``reference_data/`` (see its README for the columns). Every row names its
source. A bad row stops the load with the file, row, column and reason, and nothing is
written: the database is left exactly as it was. Loading twice changes nothing the second
time, so no duplicate rows and no spurious change records.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import models, transaction

from clusterdev import nic
from clusterdev.core.cache import bump_data_version
from clusterdev.gazetteer import Gazetteer, UnresolvedPlace, load_gazetteer
from clusterdev.geography.models import District
from clusterdev.registry.choices import Status, Typology
from clusterdev.registry.models import (
    Breakdown,
    BreakdownItem,
    Cluster,
    Estimate,
    NationalFigure,
    NicCode,
    Source,
)

DEFAULT_DIR = Path(__file__).resolve().parent / "reference_data"
MAX_ERRORS = 50


@dataclass(frozen=True)
class RowError:
    file: str
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}, row {self.row}, column {self.column}: {self.reason}"


class ReferenceDataError(Exception):
    """One or more rows are malformed; nothing was written."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        shown = "\n".join(f"  {error}" for error in errors[:MAX_ERRORS])
        more = f"\n  … and {len(errors) - MAX_ERRORS} more" if len(errors) > MAX_ERRORS else ""
        super().__init__(
            f"{len(errors)} problem(s) in the reference data; nothing was loaded:\n{shown}{more}"
        )


class _Row:
    """A CSV row that records a RowError for each field it cannot parse."""

    def __init__(self, file: str, number: int, values: dict[str, str], errors: list[RowError]):
        self.file, self.number, self.values, self.errors = file, number, values, errors
        self.ok = True

    def fail(self, column: str, reason: str) -> None:
        self.ok = False
        self.errors.append(RowError(self.file, self.number, column, reason))

    def text(self, column: str, required: bool = False, max_length: int | None = None) -> str:
        value = (self.values.get(column) or "").strip()
        if required and not value:
            self.fail(column, "is required")
        if max_length and len(value) > max_length:
            self.fail(column, f"is {len(value)} characters long; at most {max_length} allowed")
        return value

    def integer(self, column: str, minimum: int = 0) -> int | None:
        value = self.text(column).replace(",", "")
        if not value:
            return None
        try:
            number = int(value)
        except ValueError:
            self.fail(column, f"{value!r} is not a whole number")
            return None
        if number < minimum:
            self.fail(column, f"{number} is below the minimum {minimum}")
        return number

    def decimal(self, column: str, minimum: Decimal | None = Decimal(0)) -> Decimal | None:
        value = self.text(column).replace(",", "")
        if not value:
            return None
        try:
            number = Decimal(value)
        except InvalidOperation:
            self.fail(column, f"{value!r} is not a number")
            return None
        if not number.is_finite():
            self.fail(column, f"{value!r} is not a finite number")
            return None
        if minimum is not None and number < minimum:
            self.fail(column, f"{number} is below the minimum {minimum}")
        return number

    def boolean(self, column: str) -> bool:
        value = self.text(column).lower()
        if value in {"", "false", "no", "0"}:
            return False
        if value in {"true", "yes", "1"}:
            return True
        self.fail(column, f"{value!r} is not true/false")
        return False

    def choice(self, column: str, choices: type[models.TextChoices]) -> str:
        value = self.text(column, required=True)
        if value and value not in choices.values:
            self.fail(column, f"{value!r} is not one of {', '.join(choices.values)}")
        return value


def _rows(
    directory: Path, name: str, required: list[str], errors: list[RowError]
) -> Iterator[_Row]:
    path = directory / name
    if not path.exists():
        errors.append(RowError(name, 0, "-", "file is missing"))
        return
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        missing = [column for column in required if column not in header]
        if missing:
            errors.append(RowError(name, 1, ", ".join(missing), "column missing from the header"))
            return
        try:
            for values in reader:
                if None in values:  # more cells than header columns
                    errors.append(RowError(name, reader.line_num, "-", "more cells than columns"))
                    continue
                if not any((v or "").strip() for v in values.values()):
                    continue
                yield _Row(name, reader.line_num, values, errors)
        except csv.Error as error:
            errors.append(RowError(name, reader.line_num, "-", f"not valid CSV: {error}"))


def _save(
    model: type[models.Model],
    lookup: dict[str, Any],
    values: dict[str, Any],
    counts: dict[str, int],
) -> Any:
    """Create, or update only when a value differs (so reloading records no changes)."""
    instance = model._default_manager.filter(**lookup).first()
    label = model._meta.model_name
    if instance is None:
        instance = model._default_manager.create(**lookup, **values)
        counts[f"{label}_created"] = counts.get(f"{label}_created", 0) + 1
    elif any(getattr(instance, key) != value for key, value in values.items()):
        for key, value in values.items():
            setattr(instance, key, value)
        instance.save()
        counts[f"{label}_updated"] = counts.get(f"{label}_updated", 0) + 1
    return instance


def load_nic_codes() -> int:
    """Insert NIC 2008 codes missing from the table (the classification never changes)."""
    existing = set(NicCode.objects.values_list("code", flat=True))
    codes = nic.load_nic()
    new = [
        NicCode(code=c.code, title=c.title[:400], level=c.level, section=c.section)
        for c in codes.values()
        if c.code not in existing
    ]
    NicCode.objects.bulk_create(new, batch_size=1000)
    parents = [
        NicCode(code=c.code, parent_id=c.parent_code)
        for c in codes.values()
        if c.code not in existing and c.parent_code
    ]
    NicCode.objects.bulk_update(parents, ["parent"], batch_size=1000)
    return len(new)


def load_reference_data(
    directory: Path = DEFAULT_DIR,
    gazetteer: Gazetteer | None = None,
    progress: Callable[[str], None] = lambda stage: None,
) -> dict[str, int]:
    """Load every reference file in one transaction; raise ReferenceDataError on bad rows."""
    errors: list[RowError] = []
    counts: dict[str, int] = {}
    gazetteer = gazetteer or load_gazetteer()
    with transaction.atomic():
        counts["nic_codes_created"] = load_nic_codes()
        progress("NIC 2008 codes")
        sources = _load_sources(directory, errors, counts)
        progress("sources")
        clusters = _load_clusters(directory, errors, counts, sources, gazetteer)
        progress("clusters")
        _load_estimates(directory, errors, counts, sources, clusters)
        progress("estimates")
        _load_national_figures(directory, errors, counts, sources)
        _load_breakdowns(directory, errors, counts, sources)
        progress("national figures and breakdowns")
        from clusterdev.institutions.reference import load_institutions  # registry loads first

        load_institutions(errors=errors, counts=counts)
        progress("institutions")
        from clusterdev.monitoring.reference import load_catalogue

        load_catalogue(errors=errors, counts=counts)
        progress("monitoring catalogue (data elements, indicators)")
        if errors:
            raise ReferenceDataError(errors)  # rolls the whole transaction back
    bump_data_version()  # bulk writes send no signals
    return counts


def _source(row: _Row, sources: dict[str, Source], column: str = "source") -> Source | None:
    key = row.text(column, required=True)
    if key and key not in sources:
        row.fail(column, f"unknown source {key!r}; add it to sources.csv")
    return sources.get(key)


def _load_sources(
    directory: Path, errors: list[RowError], counts: dict[str, int]
) -> dict[str, Source]:
    rows = list(_rows(directory, "sources.csv", ["key", "title", "cited_in"], errors))
    sources: dict[str, Source] = {}
    seen: set[str] = set()
    for row in rows:
        key = row.text("key", required=True, max_length=80)
        if key in seen:
            row.fail("key", f"duplicate key {key!r}")
        seen.add(key)
        year = row.integer("year", minimum=1800)
        values = {
            "title": row.text("title", required=True, max_length=300),
            "author_or_publisher": row.text("author_or_publisher", max_length=300),
            "year": year,
            "url": row.text("url", max_length=200),
            "licence": row.text("licence", max_length=200),
            "notes": row.text("notes"),
        }
        if row.ok:
            sources[key] = _save(Source, {"key": key}, values, counts)
    for row in rows:  # second pass: a source may be known through another one
        cited_in = row.text("cited_in")
        key = row.text("key")
        if cited_in and cited_in not in sources:
            row.fail("cited_in", f"unknown source {cited_in!r}")
        elif key in sources and sources[key].cited_in_id != (
            sources[cited_in].pk if cited_in else None
        ):
            _save(Source, {"key": key}, {"cited_in": sources.get(cited_in)}, counts)
    return sources


def _load_clusters(
    directory: Path,
    errors: list[RowError],
    counts: dict[str, int],
    sources: dict[str, Source],
    gazetteer: Gazetteer,
) -> dict[str, Cluster]:
    required = ["slug", "name", "product", "typology", "districts", "source"]
    district_ids = dict(District.objects.values_list("code", "pk"))
    if not district_ids:
        errors.append(
            RowError(
                "clusters.csv",
                0,
                "districts",
                "no districts in the database: run `clusterdev load_geography` first",
            )
        )
        return {}
    known_nic = set(NicCode.objects.values_list("code", flat=True))
    clusters: dict[str, Cluster] = {}
    for row in _rows(directory, "clusters.csv", required, errors):
        slug = row.text("slug", required=True, max_length=120)
        if slug in clusters:
            row.fail("slug", f"duplicate slug {slug!r}")
        codes = [c.strip() for c in row.text("nic_codes").split(";") if c.strip()]
        for code in codes:
            if code not in known_nic:
                row.fail("nic_codes", f"{code!r} is not a NIC 2008 code")
        place_ids = []
        for place in (p.strip() for p in row.text("districts").split(";")):
            if not place:
                continue
            state, _, district = place.partition("/")
            if not district:
                row.fail("districts", f"{place!r}: write State/District")
                continue
            try:
                place_ids.append(district_ids[gazetteer.resolve(state, district).code])
            except UnresolvedPlace as error:
                row.fail("districts", str(error))
            except KeyError:
                row.fail("districts", f"{place!r} is not loaded: run `clusterdev load_geography`")
        country = row.text("country").upper() or "IN"
        if len(country) != 2:
            row.fail("country", f"{country!r} is not a two-letter ISO country code")
        values = {
            "name": row.text("name", required=True, max_length=200),
            "country": country,
            "product": row.text("product", required=True, max_length=300),
            "typology": row.choice("typology", Typology),
            "status": row.choice("status", Status) if row.text("status") else Status.VERIFIED,
            "description": row.text("description"),
            "source": _source(row, sources),
            "source_section": row.text("source_section", max_length=200),
        }
        if not row.ok:
            continue
        cluster = _save(Cluster, {"slug": slug}, values, counts)
        if set(cluster.districts.values_list("pk", flat=True)) != set(place_ids):
            cluster.districts.set(place_ids)
        if set(cluster.nic_codes.values_list("code", flat=True)) != set(codes):
            cluster.nic_codes.set(codes)
        cluster.refresh_search_text()
        clusters[slug] = cluster
    return clusters


def _load_estimates(
    directory: Path,
    errors: list[RowError],
    counts: dict[str, int],
    sources: dict[str, Source],
    clusters: dict[str, Cluster],
) -> None:
    required = ["cluster", "year", "units", "employment", "source"]
    preferred: dict[str, int] = {}
    for row in _rows(directory, "estimates.csv", required, errors):
        slug = row.text("cluster", required=True)
        cluster = clusters.get(slug) or Cluster.objects.filter(slug=slug).first()
        if slug and cluster is None:
            row.fail("cluster", f"unknown cluster {slug!r}; add it to clusters.csv")
        source = _source(row, sources)
        values = {
            "units": row.integer("units"),
            "employment": row.integer("employment"),
            "turnover_inr_crore": row.decimal("turnover_inr_crore"),
            "exports_inr_crore": row.decimal("exports_inr_crore"),
            "investment_inr_crore": row.decimal("investment_inr_crore"),
            "looms": row.integer("looms"),
            "method": row.text("method", max_length=200),
            "notes": row.text("notes"),
            "is_preferred": row.boolean("preferred"),
            "preferred_reason": row.text("preferred_reason", max_length=300),
        }
        figures = [
            values[k]
            for k in (
                "units",
                "employment",
                "turnover_inr_crore",
                "exports_inr_crore",
                "investment_inr_crore",
                "looms",
            )
        ]
        if all(v is None for v in figures):
            row.fail("units", "an estimate needs at least one figure")
        if values["is_preferred"]:
            if not values["preferred_reason"]:
                row.fail("preferred_reason", "say why this estimate is preferred")
            if slug in preferred:
                row.fail(
                    "preferred",
                    f"row {preferred[slug]} already marks a preferred estimate for {slug!r}",
                )
            preferred[slug] = row.number
        lookup = {
            "cluster": cluster,
            "source": source,
            "source_section": row.text("source_section", max_length=200),
            "year": row.integer("year", minimum=1800),
        }
        if row.ok and cluster is not None:
            _save(Estimate, lookup, values, counts)
    for cluster in clusters.values():
        cluster.refresh_headline()


def _load_national_figures(
    directory: Path, errors: list[RowError], counts: dict[str, int], sources: dict[str, Source]
) -> None:
    required = ["group", "group_title", "estimator", "measure", "value", "unit", "source"]
    for row in _rows(directory, "national_figures.csv", required, errors):
        lookup = {
            "group": row.text("group", required=True, max_length=80),
            "estimator": row.text("estimator", required=True, max_length=200),
            "measure": row.text("measure", required=True, max_length=80),
        }
        value = row.decimal("value", minimum=None)
        if value is None and row.ok:
            row.fail("value", "is required")
        values = {
            "group_title": row.text("group_title", required=True, max_length=200),
            "value": value,
            "unit": row.text("unit", required=True, max_length=40),
            "year": row.integer("year", minimum=1800),
            "notes": row.text("notes"),
            "source": _source(row, sources),
            "source_section": row.text("source_section", max_length=200),
        }
        if row.ok:
            _save(NationalFigure, lookup, values, counts)


def _load_breakdowns(
    directory: Path, errors: list[RowError], counts: dict[str, int], sources: dict[str, Source]
) -> None:
    breakdowns: dict[str, Breakdown] = {}
    for row in _rows(
        directory, "breakdowns.csv", ["key", "title", "stated_total", "source"], errors
    ):
        key = row.text("key", required=True, max_length=80)
        values = {
            "title": row.text("title", required=True, max_length=200),
            "measure": row.text("measure", max_length=80),
            "unit": row.text("unit", max_length=40) or "count",
            "stated_total": row.decimal("stated_total"),
            "notes": row.text("notes"),
            "source": _source(row, sources),
            "source_section": row.text("source_section", max_length=200),
        }
        if row.ok:
            breakdowns[key] = _save(Breakdown, {"key": key}, values, counts)
    required = ["breakdown", "label", "value", "source"]
    for row in _rows(directory, "breakdown_items.csv", required, errors):
        key = row.text("breakdown", required=True)
        if key and key not in breakdowns:
            row.fail("breakdown", f"unknown breakdown {key!r}; add it to breakdowns.csv")
        value = row.decimal("value")
        if value is None and row.ok:
            row.fail("value", "is required")
        lookup = {
            "breakdown": breakdowns.get(key),
            "label": row.text("label", required=True, max_length=200),
        }
        values = {
            "order": row.integer("order") or 0,
            "value": value,
            "notes": row.text("notes"),
            "source": _source(row, sources),
            "source_section": row.text("source_section", max_length=200),
        }
        if row.ok:
            _save(BreakdownItem, lookup, values, counts)
