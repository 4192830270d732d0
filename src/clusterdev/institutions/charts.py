"""The timeline of section 2.3 computed from data, and drawn as SVG columns on the server."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clusterdev.institutions.models import TimelineEntry

WIDTH, HEIGHT = 640.0, 200.0
LEFT, RIGHT, TOP, BOTTOM = 44.0, 10.0, 16.0, 26.0


def timeline() -> list[dict[str, Any]]:
    """Per year: institutions listed, those listed for the first time, and cumulative clusters.

    ``cumulative_clusters`` is the sum of the figures the source gives that year (None when it
    gives none); ``institutions_with_figures`` says how many institutions that sum covers.
    """
    entries = TimelineEntry.objects.select_related("institution").order_by(
        "year", "institution__short_name"
    )
    years: dict[int, dict[str, Any]] = {}
    first_listed: dict[int, int] = {}
    for entry in entries:
        year = years.setdefault(
            entry.year,
            {
                "year": entry.year,
                "listed": [],
                "entering": [],
                "cumulative_clusters": None,
                "clusters_by_institution": [],
            },
        )
        slug, name = entry.institution.slug, entry.institution.short_name
        if entry.listed:
            year["listed"].append({"slug": slug, "short_name": name})
            if entry.institution_id not in first_listed:
                first_listed[entry.institution_id] = entry.year
                year["entering"].append({"slug": slug, "short_name": name})
        if entry.cumulative_clusters is not None:
            year["cumulative_clusters"] = (year["cumulative_clusters"] or 0) + (
                entry.cumulative_clusters
            )
            year["clusters_by_institution"].append(
                {"slug": slug, "short_name": name, "clusters": entry.cumulative_clusters}
            )
    for year in years.values():
        year["institutions_with_figures"] = len(year["clusters_by_institution"])
    return list(years.values())


@dataclass(frozen=True)
class Column:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: str
    title: str


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    baseline: float
    columns: tuple[Column, ...]
    description: str


def columns(rows: list[tuple[int, float | None, str]], description: str) -> Chart:
    """Columns placed by year on a linear axis (gaps between years show); None draws nothing."""
    years = [year for year, _, _ in rows]
    first, last = (min(years), max(years)) if years else (0, 1)
    span = max(last - first, 1)
    slot = (WIDTH - LEFT - RIGHT) / (span + 1)
    largest = max((value or 0 for _, value, _ in rows), default=0) or 1
    plot = HEIGHT - TOP - BOTTOM
    baseline = HEIGHT - BOTTOM
    drawn = []
    for year, value, title in rows:
        height = round(plot * (value or 0) / largest, 1)
        x = round(LEFT + (year - first) * slot + slot * 0.15, 1)
        drawn.append(
            Column(
                x=x,
                y=round(baseline - height, 1),
                width=round(slot * 0.7, 1),
                height=height,
                label=str(year),
                value="—" if value is None else f"{value:,.0f}",
                title=title,
            )
        )
    return Chart(WIDTH, HEIGHT, baseline, tuple(drawn), description)
