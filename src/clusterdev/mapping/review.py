"""Comparing a run's clusters with the registry, and what accepting or rejecting them does.

Nothing found by the engine reaches the registry until a curator accepts it: a new cluster
enters as a *candidate* with the run's figures as an estimate; a matched or changed cluster
gains the run's figures as one more estimate beside the others (never overwriting them); a
cluster no longer found is retired.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import pandas as pd
from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from clusterdev.geography.models import District
from clusterdev.mapping.choices import TYPOLOGY, Decision, DiffStatus
from clusterdev.mapping.models import Candidate, MappingRun
from clusterdev.registry.choices import Status
from clusterdev.registry.models import Cluster, Estimate, NicCode, Source

MAPPING_KEY = "mapping"  # Cluster.external_ids key holding the engine's cluster id


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(value)


def _codes(value: Any) -> list[str]:
    return [code for code in str(value or "").split(";") if code]


def _outline(value: Any) -> dict[str, Any] | None:
    if isinstance(value, dict):
        return value
    if isinstance(value, str) and value.startswith("{"):
        import json

        return dict(json.loads(value))
    return None


def _registry_match(row: Any, codes: list[str], by_engine_id: dict[str, Cluster]) -> Cluster | None:
    cluster = by_engine_id.get(row.cluster_id)
    if cluster is not None:
        return cluster
    product = str(row.product_code or "")
    if not product or not codes:
        return None
    # A documented cluster making the same product in one of the same districts.
    return (
        Cluster.objects.exclude(status=Status.RETIRED)
        .filter(districts__code__in=codes, nic_codes__code__startswith=product[:4])
        .order_by("pk")
        .first()
    )


def _changes(cluster: Cluster, units: float | None, codes: list[str]) -> dict[str, list[Any]]:
    changes: dict[str, list[Any]] = {}
    if units is not None and cluster.headline_units != int(units):
        changes["units"] = [cluster.headline_units, int(units)]
    current = sorted(cluster.districts.values_list("code", flat=True))
    if sorted(codes) != current:
        changes["district_codes"] = [current, sorted(codes)]
    return changes


def record_candidates(run: MappingRun, clusters: pd.DataFrame) -> None:
    """Store the run's clusters with their diff against the registry, and what it lost."""
    by_engine_id = {
        c.external_ids[MAPPING_KEY]: c
        for c in Cluster.objects.filter(external_ids__has_key=MAPPING_KEY).prefetch_related(
            "districts"
        )
    }
    found = set()
    rows = []
    for row in clusters.itertuples(index=False):
        codes = _codes(row.district_codes)
        units = _number(row.units)
        match = _registry_match(row, codes, by_engine_id)
        changes = _changes(match, units, codes) if match else {}
        status = (
            DiffStatus.NEW
            if match is None
            else (DiffStatus.CHANGED if changes else DiffStatus.MATCHED)
        )
        found.add(row.cluster_id)
        rows.append(
            Candidate(
                run=run,
                engine_id=row.cluster_id,
                method=row.method,
                rule_set=row.rule_set,
                rules_met=str(row.rules_met or ""),
                product_code=str(row.product_code or ""),
                product_name=str(row.product_name or "")[:400],
                typology=str(row.typology or ""),
                state=str(row.state or "")[:400],
                district=str(row.district or "")[:1000],
                district_codes=codes,
                units=int(units) if units is not None else None,
                employment=int(_number(row.employment) or 0),
                turnover_inr=_number(row.turnover_inr),
                location_quotient=_number(row.location_quotient),
                stars=int(_number(row.stars) or 0),
                latitude=_number(row.latitude),
                longitude=_number(row.longitude),
                area_km2=_number(row.area_km2),
                outline=_outline(getattr(row, "outline", None)),
                diff_status=status,
                registry_cluster=match,
                changes=changes,
            )
        )
    for engine_id, cluster in by_engine_id.items():
        if engine_id not in found and cluster.status != Status.RETIRED:
            rows.append(
                Candidate(
                    run=run,
                    engine_id=engine_id,
                    method="",
                    rule_set=run.rules,
                    product_name=cluster.product,
                    district=", ".join(d.name for d in cluster.districts.all()),
                    units=cluster.headline_units,
                    diff_status=DiffStatus.GONE,
                    registry_cluster=cluster,
                )
            )
    Candidate.objects.bulk_create(rows, batch_size=500)


def run_source(run: MappingRun) -> Source:
    source, _ = Source.objects.get_or_create(
        key=f"clusterdev-mapping-run-{run.pk}",
        defaults={
            "title": f"ClusterDev mapping run {run.pk}: {run.title}"[:300],
            "author_or_publisher": "ClusterDev mapping engine",
            "year": (run.finished or timezone.now()).year,
            "notes": f"Rule set {run.rules}, NIC level {run.product_level}, engine {run.engine}; "
            f"register {run.register}.",
        },
    )
    return source


def _estimate(candidate: Candidate, cluster: Cluster, source: Source) -> None:
    Estimate.objects.get_or_create(
        cluster=cluster,
        source=source,
        source_section=candidate.engine_id[:200],
        defaults={
            "units": candidate.units,
            "employment": candidate.employment,
            "turnover_inr_crore": round(candidate.turnover_inr / 1e7, 2)
            if candidate.turnover_inr
            else None,
            "method": f"ClusterDev mapping, {candidate.method} method, {candidate.rule_set}"[:200],
            "notes": f"Rules met: {candidate.rules_met}. Location quotient "
            f"{candidate.location_quotient or 0:.2f}.",
        },
    )
    cluster.refresh_headline()


def _new_cluster(candidate: Candidate, source: Source) -> Cluster:
    place = candidate.district.split(";")[0] or candidate.state
    name = f"{place} {candidate.product_name}"[:200]
    slug = f"{slugify(name)[:90]}-{candidate.engine_id[-6:].lower()}"
    cluster = Cluster.objects.create(
        name=name,
        slug=slug,
        product=candidate.product_name[:300] or candidate.product_code,
        typology=TYPOLOGY.get(candidate.typology, "traditional_sme"),
        status=Status.CANDIDATE,
        latitude=candidate.latitude,
        longitude=candidate.longitude,
        footprint=candidate.outline if candidate.method == "footprint" else None,
        external_ids={MAPPING_KEY: candidate.engine_id},
        source=source,
        source_section=f"{candidate.method} method, {candidate.rule_set}",
        description=f"Found by the mapping engine ({candidate.method} method, rule set "
        f"{candidate.rule_set}; rules met: {candidate.rules_met}). Not yet verified.",
    )
    cluster.districts.set(District.objects.filter(code__in=candidate.district_codes))
    if NicCode.objects.filter(code=candidate.product_code).exists():
        cluster.nic_codes.set([candidate.product_code])
    cluster.refresh_search_text()
    return cluster


def decide(candidates: Iterable[Candidate], accept: bool, user: Any) -> int:
    """Accept or reject pending candidates; returns how many were decided."""
    decided = 0
    with set_actor(user), transaction.atomic():
        for candidate in candidates:
            if candidate.decision != Decision.PENDING:
                continue
            if accept:
                source = run_source(candidate.run)
                if candidate.diff_status == DiffStatus.NEW:
                    cluster = _new_cluster(candidate, source)
                    candidate.registry_cluster = cluster
                    _estimate(candidate, cluster, source)
                elif candidate.diff_status == DiffStatus.GONE and candidate.registry_cluster:
                    candidate.registry_cluster.status = Status.RETIRED
                    candidate.registry_cluster.save()
                elif candidate.registry_cluster:
                    _estimate(candidate, candidate.registry_cluster, source)
            candidate.decision = Decision.ACCEPTED if accept else Decision.REJECTED
            candidate.decided_by, candidate.decided_at = user, timezone.now()
            candidate.save()
            decided += 1
    return decided
