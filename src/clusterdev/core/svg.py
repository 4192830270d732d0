"""Maps and charts drawn as inline SVG on the server: no JavaScript, no tiles, no CDN.

The map has no administrative boundaries (no boundary source with a clear licence is
installed, see docs/decisions/0004-map-without-boundaries.md): India's shape shows through
the ~750 district centroids drawn as faint dots, and clusters as proportional circles.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

WEST, SOUTH, EAST, NORTH = 68.0, 6.0, 97.5, 37.5
_COS = math.cos(math.radians(22.0))
MAP_WIDTH = 600.0
_SCALE = MAP_WIDTH / ((EAST - WEST) * _COS)
MAP_HEIGHT = round((NORTH - SOUTH) * _SCALE, 1)


def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular projection centred on 22°N, in SVG user units."""
    return (round((lon - WEST) * _COS * _SCALE, 1), round((NORTH - lat) * _SCALE, 1))


@lru_cache(maxsize=4)
def basemap_path(points: tuple[tuple[float, float], ...]) -> str:
    """One path of small squares at the given (lat, lon) points."""
    parts = []
    for lat, lon in points:
        x, y = project(lat, lon)
        parts.append(f"M{x - 1.6:.1f} {y - 1.6:.1f}h3.2v3.2h-3.2z")
    return "".join(parts)


@dataclass(frozen=True)
class Symbol:
    x: float
    y: float
    r: float
    label: str
    url: str
    highlight: bool = False


def symbols(
    items: Iterable[tuple[float, float, float | None, str, str]],
    highlight_url: str = "",
    max_radius: float = 22.0,
) -> list[Symbol]:
    """Proportional circles: area grows with the value; unknown values get a small dot.

    ``items`` are (lat, lon, value, label, url). Large circles come first so small ones
    stay clickable on top.
    """
    rows = list(items)
    largest = max((row[2] for row in rows if row[2]), default=0)
    result = []
    for lat, lon, value, label, url in rows:
        x, y = project(lat, lon)
        radius = max(2.5, max_radius * math.sqrt(value / largest)) if value and largest else 2.5
        result.append(Symbol(x, y, round(radius, 1), label, url, url == highlight_url))
    result.sort(key=lambda s: -s.r)
    return result


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    width: float
    display: str
    url: str = ""


def bars(rows: Sequence[tuple[str, float, str]], width: float = 100.0) -> list[Bar]:
    """Horizontal bars as percentages of the largest value. ``rows``: (label, value, url)."""
    largest = max((value for _, value, _ in rows), default=0) or 1
    return [
        Bar(label, value, round(width * value / largest, 2), f"{value:,.0f}", url)
        for label, value, url in rows
    ]
