"""CSV and XLSX downloads of an initiative's constraints, actors and ties."""

from __future__ import annotations

from clusterdev.core.exports import Column

CONSTRAINT_COLUMNS = [
    Column("initiative", lambda c: c.initiative.title),
    Column("area", lambda c: c.get_area_display()),
    Column("title", lambda c: c.title),
    Column("description", lambda c: c.description),
]

ACTOR_COLUMNS = [
    Column("initiative", lambda a: a.initiative.title),
    Column("actor_id", lambda a: a.pk),
    Column("name", lambda a: a.name),
    Column("kind", lambda a: a.get_kind_display()),
    Column("size", lambda a: a.get_size_display()),
    Column("institution", lambda a: a.institution.name if a.institution else ""),
    Column("ties", lambda a: a.degree),
    Column("notes", lambda a: a.notes),
]

TIE_COLUMNS = [
    Column("initiative", lambda t: t.initiative.title),
    Column("from_actor_id", lambda t: t.source_id),
    Column("from", lambda t: t.source.name),
    Column("tie", lambda t: t.get_kind_display()),
    Column("to_actor_id", lambda t: t.target_id),
    Column("to", lambda t: t.target.name),
    Column("strength", lambda t: t.strength),
    Column("notes", lambda t: t.notes),
]
