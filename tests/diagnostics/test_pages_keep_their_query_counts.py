"""The study and actor map pages run a fixed number of queries, whatever the size of the map.
Baselines in tests/diagnostics/query_counts.json; change them on purpose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from clusterdev.diagnostics.models import Actor, Constraint, Tie
from tests.diagnostics.helpers import mapped

pytestmark = pytest.mark.django_db
BASELINES = json.loads(Path(__file__).with_name("query_counts.json").read_text())


def _count(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_queries_do_not_grow_with_the_map(name, cda_a, initiative_a) -> None:
    hub, *_ = mapped(initiative_a)
    path = BASELINES[name]["path"].format(pk=initiative_a.pk)
    client = Client()
    client.force_login(cda_a)
    before = _count(client, path)
    for n in range(15):
        actor = Actor.objects.create(initiative=initiative_a, name=f"Buyer {n}", kind="buyer")
        Tie.objects.create(initiative=initiative_a, source=hub, target=actor, kind="sales")
        Constraint.objects.create(initiative=initiative_a, area="marketing", title=f"C{n}")
    after = _count(client, path)
    assert after == before, f"{name}: {before} queries with a small map, {after} with a large one"
    assert after == BASELINES[name]["queries"], (
        f"{name}: {after} queries, baseline {BASELINES[name]['queries']}"
    )
