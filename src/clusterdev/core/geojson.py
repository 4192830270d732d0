"""Small GeoJSON helpers: validating footprints and writing feature collections."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

# India's extent with a margin; coordinates outside are almost surely swapped or wrong.
INDIA_BBOX = (68.0, 6.0, 97.5, 37.5)  # west, south, east, north


def _ring_error(ring: Any, where: str) -> str | None:
    if not isinstance(ring, list) or len(ring) < 4:
        return f"{where}: a ring needs at least 4 positions"
    for index, position in enumerate(ring):
        if (
            not isinstance(position, list | tuple)
            or len(position) < 2
            or not all(isinstance(v, int | float) for v in position[:2])
        ):
            return f"{where}, position {index}: expected [longitude, latitude]"
        lon, lat = position[0], position[1]
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            return f"{where}, position {index}: [{lon}, {lat}] is not a WGS84 coordinate"
    if list(ring[0][:2]) != list(ring[-1][:2]):
        return f"{where}: a ring must end where it starts"
    return None


def footprint_error(geometry: Any) -> str | None:
    """Why ``geometry`` is not a usable footprint (Polygon/MultiPolygon), or None."""
    if not isinstance(geometry, Mapping):
        return "expected a GeoJSON geometry object"
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates")
    if kind == "Polygon":
        polygons = [coordinates]
    elif kind == "MultiPolygon":
        polygons = coordinates if isinstance(coordinates, list) else None
    else:
        return "expected type Polygon or MultiPolygon"
    if not polygons:
        return "coordinates are missing"
    for p, polygon in enumerate(polygons):
        if not isinstance(polygon, list) or not polygon:
            return f"polygon {p}: expected a list of rings"
        for r, ring in enumerate(polygon):
            problem = _ring_error(ring, f"polygon {p}, ring {r}")
            if problem:
                return problem
    return None


def feature_collection(features: Iterable[Mapping[str, Any]]) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def point_feature(lat: float, lon: float, properties: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
        "properties": dict(properties),
    }
