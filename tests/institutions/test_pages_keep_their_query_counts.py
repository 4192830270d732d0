"""Institution pages and the institutions API list run a fixed number of queries, whatever
the number of institutions, status rows, timeline entries, clusters and initiatives (no N+1).
Baselines in tests/institutions/query_counts.json; change them on purpose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.test import Client

from clusterdev.initiatives.models import Initiative
from clusterdev.institutions.models import Institution, Role, StatusRow, StatusTable, TimelineEntry
from tests.registry.factories import district_code, make_cluster, seed_source
from tests.registry.test_query_counts_stay_at_their_baselines import _count

pytestmark = pytest.mark.django_db
BASELINES = json.loads(Path(__file__).with_name("query_counts.json").read_text())


def _grow(institution, cda, index: int) -> None:
    """One more institution in every table, and one more cluster and initiative for ours."""
    code = district_code("Uttar Pradesh", "Agra")
    cluster = make_cluster(f"inst-grow-{index}", districts=[code])
    other = Institution.objects.create(
        name=f"Grown institution {index}",
        short_name=f"GI{index}",
        slug=f"grown-{index}",
        category="national_public",
        analysis_label=f"GI{index}",
        thrust_areas=["credit"],
        source=seed_source(),
    )
    other.roles.set(Role.objects.all()[:2])
    other.clusters.add(cluster)
    institution.clusters.add(cluster)
    StatusRow.objects.create(
        table=StatusTable.objects.get(key="status-2005"), institution=other, order=100 + index,
        name_as_written=f"GI{index}", counts_as_written="1 + (2)", completed=1, in_progress=2,
        source=seed_source(),
    )  # fmt: skip
    TimelineEntry.objects.create(
        year=2005, institution=other, listed=True, cumulative_clusters=index, source=seed_source()
    )
    initiative = Initiative.objects.create(
        institution=institution, cluster=cluster, title=f"Grown {index}", published=index % 2 == 0
    )
    initiative.cdas.add(cda)


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_queries_do_not_grow_with_rows_and_match_the_baseline(
    name, cda_a, institution, initiative_a, initiative_b
) -> None:
    path = BASELINES[name]["path"]
    client = Client()
    client.force_login(cda_a)
    _grow(institution, cda_a, 0)  # one of each first, so every prefetch runs
    before = _count(client, path)
    for index in range(1, 13):
        _grow(institution, cda_a, index)
    after = _count(client, path)
    assert after == before, f"{name}: {before} queries with few rows, {after} with more (N+1?)"
    assert after == BASELINES[name]["queries"], (
        f"{name}: {after} queries, baseline {BASELINES[name]['queries']}; "
        "update tests/institutions/query_counts.json if the change is intended"
    )
