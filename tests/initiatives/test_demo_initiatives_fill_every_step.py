"""`clusterdev demo` creates one initiative with every step's records filled in, once, and
labels it as demo data; its pages and report work for its CDA."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from clusterdev.initiatives import demo
from clusterdev.initiatives.models import Initiative

pytestmark = pytest.mark.django_db


def test_the_demo_initiative_reaches_step_six_with_its_records():
    lines = demo.seed("demo-password")
    assert any("step 6" in line for line in lines)
    initiative = Initiative.objects.get(title=demo.TITLE)
    assert initiative.title.startswith("Demo:") and "not a real initiative" in initiative.summary
    assert initiative.step == 6
    assert set(initiative.records.values_list("status", flat=True)) == {"approved"}
    assert initiative.action_plans.filter(status="approved").exists()
    assert initiative.monitoring_periods.filter(approved_at__isnull=False).count() == 2
    assert demo.seed("demo-password") == []  # once only
    assert Initiative.objects.filter(title=demo.TITLE).count() == 1


def test_the_demo_cda_sees_every_panel_and_downloads_the_report():
    demo.seed("demo-password")
    initiative = Initiative.objects.get(title=demo.TITLE)
    client = Client()
    assert client.login(username="demo-cda", password="demo-password")
    page = client.get(f"/initiatives/{initiative.pk}/").content.decode()
    for text in ("Step 2: diagnostic study", "Action plan", "monitoring", "History of changes"):
        assert text in page
    report = client.get(f"/initiatives/{initiative.pk}/report.pdf")
    assert report.status_code == 200 and report.content.startswith(b"%PDF")
    pages = re.findall(rb"/Type /Page\b(?!s)", report.content)
    assert len(pages) == 1, "the initiative report must fit on one page"
    portfolio = client.get("/initiatives/portfolio/").content.decode()
    assert "Exports as a share of turnover" in portfolio
