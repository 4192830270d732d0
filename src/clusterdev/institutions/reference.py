"""Loads the institutions' reference files, inside the registry loader's transaction.

Same contract as ``clusterdev.registry.reference`` (whose helpers this reuses): every row
names its source; a bad row is reported with file, row, column and reason and nothing is
written; loading twice changes nothing the second time.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction

from clusterdev.geography.models import State
from clusterdev.institutions.choices import Category, Channel, ClusterType, Leverage, ThrustArea
from clusterdev.institutions.models import (
    Institution,
    Role,
    StatusRow,
    StatusTable,
    TimelineEntry,
    parse_counts,
)
from clusterdev.registry.models import Cluster, Source
from clusterdev.registry.reference import (
    ReferenceDataError,
    RowError,
    _Row,
    _rows,
    _save,
    _source,
)

DEFAULT_DIR = Path(__file__).resolve().parent / "reference_data"


def load_institutions(
    directory: Path = DEFAULT_DIR,
    errors: list[RowError] | None = None,
    counts: dict[str, int] | None = None,
) -> dict[str, int]:
    """Load roles, institutions, status tables and the timeline.

    Called by the registry loader inside its transaction (with its ``errors`` list, so one
    report covers every file). Called alone, it opens its own transaction and raises
    ReferenceDataError on bad rows.
    """
    own = errors is None
    errors = [] if errors is None else errors
    counts = {} if counts is None else counts
    with transaction.atomic():
        sources = {s.key: s for s in Source.objects.all()}
        roles = _load_roles(directory, errors, counts)
        institutions = _load_institutions(directory, errors, counts, sources, roles)
        _load_status(directory, errors, counts, sources, institutions)
        _load_timeline(directory, errors, counts, sources, institutions)
        if own and errors:
            raise ReferenceDataError(errors)
    return counts


def _date(row: _Row, column: str) -> datetime.date | None:
    value = row.text(column)
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        row.fail(column, f"{value!r} is not a date (YYYY-MM-DD)")
        return None


def _codes(row: _Row, column: str, allowed: set[str], unknown: str = "") -> list[str]:
    """Codes separated by ";", each checked against ``allowed``."""
    codes = [c.strip() for c in row.text(column).split(";") if c.strip()]
    for code in codes:
        if code not in allowed:
            row.fail(column, f"{code!r} {unknown or 'is not one of ' + ', '.join(sorted(allowed))}")
    return codes


def _optional_choice(row: _Row, column: str, choices: type) -> str:
    value = row.text(column)
    if value not in choices.values:
        row.fail(column, f"{value!r} is not one of {', '.join(v for v in choices.values if v)}")
    return value


def _load_roles(directory: Path, errors: list[RowError], counts: dict[str, int]) -> dict[str, Role]:
    roles: dict[str, Role] = {}
    for row in _rows(directory, "roles.csv", ["code", "kind", "name"], errors):
        code = row.text("code", required=True, max_length=40)
        if code in roles:
            row.fail("code", f"duplicate code {code!r}")
        kind = row.text("kind", required=True)
        if kind and kind not in {"role", "focus"}:
            row.fail("kind", f"{kind!r} is not one of role, focus")
        values = {
            "kind": kind,
            "name": row.text("name", required=True, max_length=100),
            "abbreviation": row.text("abbreviation", max_length=20),
            "order": row.integer("order") or 0,
        }
        if row.ok:
            roles[code] = _save(Role, {"code": code}, values, counts)
    return roles


def _load_institutions(
    directory: Path,
    errors: list[RowError],
    counts: dict[str, int],
    sources: dict[str, Source],
    roles: dict[str, Role],
) -> dict[str, Institution]:
    required = ["slug", "short_name", "name", "category", "source"]
    states = {s.code: s for s in State.objects.all()}
    cluster_ids = dict(Cluster.objects.values_list("slug", "pk"))
    institutions: dict[str, Institution] = {}
    for row in _rows(directory, "institutions.csv", required, errors):
        slug = row.text("slug", required=True, max_length=80)
        if slug in institutions:
            row.fail("slug", f"duplicate slug {slug!r}")
        state_code = row.text("state")
        if state_code and state_code not in states:
            row.fail("state", f"unknown state code {state_code!r}; run `clusterdev load_geography`")
        years = None
        if row.text("years_of_experience"):
            try:
                years = Decimal(row.text("years_of_experience"))
                if years < 0 or years >= 1000:
                    row.fail("years_of_experience", f"{years} is out of range")
            except InvalidOperation:
                row.fail(
                    "years_of_experience", f"{row.text('years_of_experience')!r} is not a number"
                )
        role_codes = _codes(row, "roles", set(roles) if roles else set())
        cluster_slugs = _codes(
            row, "clusters", set(cluster_ids), "is not a registry cluster slug (clusters.csv)"
        )
        social = row.text("social_capital_thrust").lower()
        if social not in {"", "yes"}:
            row.fail("social_capital_thrust", f"{social!r}: write yes, or leave empty (not stated)")
        values = {
            "short_name": row.text("short_name", required=True, max_length=60),
            "name": row.text("name", required=True, max_length=200),
            "category": row.choice("category", Category),
            "state": states.get(state_code),
            "years_of_experience": years,
            "experience_as_of": _date(row, "experience_as_of"),
            "likely_future_role": row.text("likely_future_role", max_length=200),
            "cluster_types": _codes(row, "cluster_types", set(ClusterType.values)),
            "implementation_channel": _optional_choice(row, "implementation_channel", Channel),
            "private_leverage_over_20": _optional_choice(row, "private_leverage_over_20", Leverage),
            "public_leverage_over_20": _optional_choice(row, "public_leverage_over_20", Leverage),
            "thrust_areas": _codes(row, "thrust_areas", set(ThrustArea.values)),
            "social_capital_thrust": True if social == "yes" else None,
            "analysis_label": row.text("analysis_label", max_length=60),
            "objective": row.text("objective"),
            "description": row.text("description"),
            "source": _source(row, sources),
            "source_section": row.text("source_section", max_length=200),
        }
        if not row.ok:
            continue
        institution = _save(Institution, {"slug": slug}, values, counts)
        wanted_roles = {roles[c].pk for c in role_codes}
        if set(institution.roles.values_list("pk", flat=True)) != wanted_roles:
            institution.roles.set(wanted_roles)
        wanted_clusters = {cluster_ids[s] for s in cluster_slugs}
        if set(institution.clusters.values_list("pk", flat=True)) != wanted_clusters:
            institution.clusters.set(wanted_clusters)
        institutions[slug] = institution
    return institutions


def _institution(row: _Row, institutions: dict[str, Institution]) -> Institution | None:
    slug = row.text("institution", required=True)
    institution = institutions.get(slug) or Institution.objects.filter(slug=slug).first()
    if slug and institution is None:
        row.fail("institution", f"unknown institution {slug!r}; add it to institutions.csv")
    return institution


def _load_status(
    directory: Path,
    errors: list[RowError],
    counts: dict[str, int],
    sources: dict[str, Source],
    institutions: dict[str, Institution],
) -> None:
    tables: dict[str, StatusTable] = {}
    required = ["key", "title", "source"]
    for row in _rows(directory, "status_tables.csv", required, errors):
        key = row.text("key", required=True, max_length=80)
        values = {
            "title": row.text("title", required=True, max_length=200),
            "as_of": _date(row, "as_of"),
            "stated_total_as_written": row.text("stated_total_as_written", max_length=100),
            "stated_total": row.integer("stated_total"),
            "stated_completed": row.integer("stated_completed"),
            "stated_in_progress": row.integer("stated_in_progress"),
            "notes": row.text("notes"),
            "source": _source(row, sources),
            "source_section": row.text("source_section", max_length=200),
        }
        if row.ok:
            tables[key] = _save(StatusTable, {"key": key}, values, counts)
    required = ["table", "institution", "name_as_written", "counts_as_written", "source"]
    seen: set[tuple[str, str]] = set()
    for row in _rows(directory, "status_rows.csv", required, errors):
        key = row.text("table", required=True)
        if key and key not in tables:
            row.fail("table", f"unknown table {key!r}; add it to status_tables.csv")
        institution = _institution(row, institutions)
        pair = (key, row.text("institution"))
        if pair in seen:
            row.fail("institution", f"a second row for {pair[1]!r} in table {key!r}")
        seen.add(pair)
        written = row.text("counts_as_written", required=True, max_length=40)
        completed, in_progress, uncertain = 0, None, False
        if written:
            try:
                completed, in_progress, uncertain = parse_counts(written)
            except ValueError as error:
                row.fail("counts_as_written", str(error))
        values = {
            "order": row.integer("order") or 0,
            "name_as_written": row.text("name_as_written", required=True, max_length=100),
            "group_as_written": row.text("group_as_written", max_length=100),
            "experience_as_written": row.text("experience_as_written", max_length=20),
            "roles_as_written": row.text("roles_as_written", max_length=100),
            "future_role_as_written": row.text("future_role_as_written", max_length=200),
            "cluster_types_as_written": row.text("cluster_types_as_written", max_length=100),
            "counts_as_written": written,
            "completed": completed,
            "in_progress": in_progress,
            "uncertain": uncertain,
            "source": _source(row, sources),
            "source_section": row.text("source_section", max_length=200),
        }
        if row.ok:
            _save(StatusRow, {"table": tables[key], "institution": institution}, values, counts)


def _load_timeline(
    directory: Path,
    errors: list[RowError],
    counts: dict[str, int],
    sources: dict[str, Source],
    institutions: dict[str, Institution],
) -> None:
    required = ["year", "institution", "listed", "cumulative_clusters", "source"]
    seen: set[tuple[int | None, str]] = set()
    for row in _rows(directory, "timeline.csv", required, errors):
        year = row.integer("year", minimum=1950)
        if year is None and row.ok:
            row.fail("year", "is required")
        institution = _institution(row, institutions)
        pair = (year, row.text("institution"))
        if pair in seen:
            row.fail("institution", f"a second row for {pair[1]!r} in {year}")
        seen.add(pair)
        values = {
            "listed": row.boolean("listed"),
            "cumulative_clusters": row.integer("cumulative_clusters"),
            "as_written": row.text("as_written", max_length=60),
            "notes": row.text("notes"),
            "source": _source(row, sources),
            "source_section": row.text("source_section", max_length=200),
        }
        if row.ok:
            _save(TimelineEntry, {"year": year, "institution": institution}, values, counts)
