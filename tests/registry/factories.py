"""Small builders for registry rows in tests."""

from __future__ import annotations

from typing import Any

from clusterdev.geography.models import District
from clusterdev.registry.models import Cluster, Estimate, Source


def seed_source() -> Source:
    return Source.objects.get(key="fmc-2005-clustering-for-progress")


def make_cluster(
    slug: str,
    *,
    districts: list[str] = (),
    nic: list[str] = (),
    units: int | None = None,
    **fields: Any,
) -> Cluster:
    defaults = {
        "name": slug.replace("-", " ").title(),
        "product": "Test product",
        "typology": "traditional_sme",
        "status": "verified",
    }
    defaults.update(fields)
    cluster = Cluster.objects.create(slug=slug, **defaults)
    if districts:
        cluster.districts.set(District.objects.filter(code__in=districts))
    if nic:
        cluster.nic_codes.set(nic)
    if units is not None:
        Estimate.objects.create(cluster=cluster, source=seed_source(), units=units, year=2020)
        cluster.refresh_headline()
    cluster.refresh_search_text()
    return cluster


def district_code(state: str, name: str) -> str:
    from clusterdev.gazetteer import load_gazetteer

    return load_gazetteer().resolve(state, name).code
