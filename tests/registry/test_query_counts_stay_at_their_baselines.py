"""List and detail pages run a fixed number of queries, whatever the number of rows (no N+1).

The counts are committed in tests/query_counts.json; a change that adds a query must update
that file on purpose. Counts are taken with the page cache empty, as a curator (never cached).
"""

import json
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.registry.factories import district_code, make_cluster

pytestmark = pytest.mark.django_db
BASELINES = json.loads((Path(__file__).resolve().parents[1] / "query_counts.json").read_text())

PAGES = {
    "home": "/",
    "cluster_list": "/clusters/?sort=-units",
    "cluster_list_filtered": "/clusters/?state=IN-UP&typology=traditional_sme",
    "cluster_detail": "/clusters/firozabad-glass/",
    "api_cluster_list": "/api/clusters/",
    "api_cluster_detail": "/api/clusters/firozabad-glass/",
    "api_estimate_list": "/api/estimates/",
    "api_district_list": "/api/geography/districts/",
}


def _count(client: Client, path: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", list(PAGES))
def test_queries_do_not_grow_with_rows_and_match_the_baseline(
    client: Client, curator, name: str
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(curator)
    before = _count(client, PAGES[name])
    code = district_code("Uttar Pradesh", "Agra")
    for index in range(30):
        make_cluster(f"more-{index}", districts=[code], nic=["2310"], units=100 + index)
    after = _count(client, PAGES[name])
    assert after == before, f"{name}: {before} queries with few rows, {after} with more (N+1?)"
    assert after == BASELINES[name], (
        f"{name} runs {after} queries; the committed baseline is {BASELINES.get(name)}. "
        "If the change is intended, update tests/query_counts.json."
    )
