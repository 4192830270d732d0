"""The portfolio PDF, monitoring's figures included, runs a fixed number of queries however
many initiatives, indicators and approved periods it covers (no N+1)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from clusterdev.initiatives.models import Initiative
from clusterdev.monitoring import services
from tests.monitoring.helpers import periods, plan, value
from tests.pdfs import pdf_text
from tests.registry.factories import make_cluster

pytestmark = pytest.mark.django_db


def _monitored(initiative, ta) -> None:
    plan(initiative)
    period = periods(initiative, 1)[0]
    value(initiative, "turnover", "actual", 1000, period)
    value(initiative, "exports", "actual", 100, period)
    value(initiative, "exports", "actual", 40, period, size="micro")
    value(initiative, "turnover", "actual", 400, period, size="micro")
    services.approve(period, ta)


def _count(client: Client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/initiatives/portfolio/report.pdf")
    assert response.status_code == 200
    return len(queries), pdf_text(response.content)


def test_queries_stay_the_same_with_more_monitored_initiatives(
    cda_a, institution, initiative_a, ta
):
    _monitored(initiative_a, ta)
    client = Client()
    client.force_login(cda_a)
    before, text = _count(client)
    assert text.count("Exports as a share of turnover") == 1
    for index in range(8):
        other = Initiative.objects.create(
            institution=institution, cluster=make_cluster(f"monitored-{index}"),
            title=f"Monitored {index}", published=index % 2 == 0,
        )  # fmt: skip
        other.cdas.add(cda_a)
        _monitored(other, ta)
    after, text = _count(client)
    assert text.count("Exports as a share of turnover") == 9
    assert after == before, f"{before} queries for one initiative, {after} for nine (N+1?)"
