"""Columns of the cluster list downloads (CSV, XLSX, GeoJSON)."""

from __future__ import annotations

from typing import Any

from clusterdev.core.exports import Column
from clusterdev.registry.models import Cluster


def _districts(cluster: Cluster) -> list[Any]:
    return list(cluster.districts.all())


CLUSTER_COLUMNS = [
    Column("slug", lambda c: c.slug),
    Column("name", lambda c: c.name),
    Column("status", lambda c: c.status),
    Column("typology", lambda c: c.typology),
    Column("product", lambda c: c.product),
    Column("nic_codes", lambda c: [n.code for n in c.nic_codes.all()]),
    Column("country", lambda c: c.country),
    Column("states", lambda c: sorted({d.state.name for d in _districts(c)})),
    Column("districts", lambda c: [d.name for d in _districts(c)]),
    Column("district_codes", lambda c: [d.code for d in _districts(c)]),
    Column("units", lambda c: c.headline_units),
    Column("employment", lambda c: c.headline_employment),
    Column("size_band", lambda c: c.size_band),
    Column("latitude", lambda c: (c.centroid() or (None, None))[0]),
    Column("longitude", lambda c: (c.centroid() or (None, None))[1]),
    Column("source", lambda c: c.source.key if c.source else ""),
    Column("source_section", lambda c: c.source_section),
    Column("url", lambda c: c.get_absolute_url()),
]


def cluster_geometry(cluster: Cluster) -> dict[str, Any] | tuple[float, float] | None:
    """The footprint when there is one, else the centroid as a point."""
    if cluster.footprint:
        return dict(cluster.footprint)
    return cluster.centroid()
