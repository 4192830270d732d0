"""Monitoring pages and API lists run a fixed number of queries, whatever the number of
periods, values and checks (no N+1). Baselines: tests/monitoring/query_counts.json."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from clusterdev.monitoring.models import Period, SustainabilityCheck
from tests.conftest import api_as
from tests.monitoring.helpers import plan, value

pytestmark = pytest.mark.django_db
BASELINES = json.loads((Path(__file__).with_name("query_counts.json")).read_text())

PAGES = {
    "catalogue": "/monitoring/",
    "initiative": "/monitoring/initiatives/{pk}/",
    "grid_period": "/monitoring/initiatives/{pk}/grid/{period}/",
    "grid_whole": "/monitoring/initiatives/{pk}/grid/whole/",
    "sustainability": "/monitoring/initiatives/{pk}/sustainability/",
    "api_values": "/api/monitoring/values/",
    "api_periods": "/api/monitoring/periods/",
    "api_sustainability": "/api/monitoring/sustainability/",
    "api_indicator_values": "/api/monitoring/indicator-values/?initiative={pk}",
    "api_elements": "/api/monitoring/elements/",
}


def _add(initiative, start: int, count: int) -> Period:
    period = None
    for index in range(start, start + count):
        period = Period.objects.create(
            initiative=initiative,
            label=f"Y{index}",
            start=datetime.date(2000 + index, 1, 1),
            end=datetime.date(2000 + index, 12, 31),
        )
        for code in ("turnover", "exports", "employment_women", "employment_men", "units"):
            value(initiative, code, "actual", 10 + index, period)
            value(initiative, code, "target", 12 + index, period)
        value(initiative, "turnover", "actual", 5, period, size="micro")
        SustainabilityCheck.objects.create(
            initiative=initiative, date=period.end, can_identify="yes", can_carry_out="no",
            institutions_linked=index,
        )  # fmt: skip
    return period


def _count(client, path: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
        assert response.status_code == 200, path
    return len(queries)


@pytest.mark.parametrize("name", list(PAGES))
def test_queries_do_not_grow_with_rows(client: Client, cda_a, initiative_a, name):
    plan(
        initiative_a,
        elements=("turnover", "exports", "units"),
        indicators=("export_share", "women_share_employment", "turnover_per_unit"),
    )
    period = _add(initiative_a, 0, 1)
    is_api = name.startswith("api_")
    reader = api_as(cda_a) if is_api else client
    if not is_api:
        client.force_login(cda_a)
    path = PAGES[name].format(pk=initiative_a.pk, period=period.pk)
    before = _count(reader, path)
    _add(initiative_a, 1, 6)
    after = _count(reader, path)
    assert after == before, f"{name}: {before} queries with few rows, {after} with more (N+1?)"
    assert after == BASELINES[name], (
        f"{name} runs {after} queries; the committed baseline is {BASELINES.get(name)}. "
        "If the change is intended, update tests/monitoring/query_counts.json."
    )
