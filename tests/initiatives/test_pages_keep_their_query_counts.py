"""Initiative pages run a fixed number of queries, whatever the number of initiatives and
records (no N+1). Baselines in tests/initiatives/query_counts.json; change them on purpose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from clusterdev.initiatives.models import Initiative, StepRecord, TrustEvent
from tests.registry.factories import district_code, make_cluster

pytestmark = pytest.mark.django_db
BASELINES = json.loads((Path(__file__).with_name("query_counts.json")).read_text())


def _count(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def _grow(initiative, institution, cda, index: int) -> None:
    code = district_code("Uttar Pradesh", "Agra")
    other = Initiative.objects.create(
        institution=institution,
        cluster=make_cluster(f"grow-{index}", districts=[code]),
        title=f"Grown {index}",
        published=True,
    )
    other.cdas.add(cda)
    StepRecord.objects.create(initiative=initiative, step=(index % 6) + 1) if index < 5 else None
    TrustEvent.objects.create(
        initiative=initiative, kind="seminar", date="2026-01-01",
        participants=[{"actor_type": "firm", "women": 1, "men": 2}],
    )  # fmt: skip


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_queries_do_not_grow_with_rows_and_match_the_baseline(
    name, cda_a, institution, initiative_a
) -> None:
    path = BASELINES[name]["path"].format(pk=initiative_a.pk)
    StepRecord.objects.create(initiative=initiative_a, step=6)  # one of each, so prefetches run
    client = Client()
    client.force_login(cda_a)
    before = _count(client, path)
    for index in range(12):
        _grow(initiative_a, institution, cda_a, index)
    after = _count(client, path)
    assert after == before, f"{name}: {before} queries with few rows, {after} with more (N+1?)"
    assert after == BASELINES[name]["queries"], (
        f"{name}: {after} queries, baseline {BASELINES[name]['queries']}; "
        "update tests/initiatives/query_counts.json if the change is intended"
    )
