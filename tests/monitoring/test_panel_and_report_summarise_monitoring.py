"""The hooks for the initiative page and the PDF report: a summary for private readers only."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from clusterdev.monitoring import services
from clusterdev.monitoring.models import SustainabilityCheck
from clusterdev.monitoring.panel import initiative_panel
from clusterdev.monitoring.report import report_lines
from tests.monitoring.helpers import periods, plan, value

pytestmark = pytest.mark.django_db


def test_the_panel_and_report(initiative_a, ta, cda_a):
    assert report_lines(initiative_a) == []
    request = RequestFactory().get("/")
    request.user = cda_a
    assert initiative_panel(request, initiative_a, private=False) is None
    plan(initiative_a)
    first, _second = periods(initiative_a)
    value(initiative_a, "turnover", "baseline", 1000)
    value(initiative_a, "exports", "baseline", 50)
    value(initiative_a, "turnover", "actual", 1000, first)
    value(initiative_a, "exports", "actual", 150, first)
    services.approve(first, ta)
    SustainabilityCheck.objects.create(
        initiative=initiative_a, date="2025-03-31", can_identify="yes", can_carry_out="partly",
        institutions_linked=12,
    )  # fmt: skip
    context = initiative_panel(request, initiative_a, private=True)
    assert context["periods"] == 2 and context["approved"] == 1
    html = render_to_string("monitoring/_initiative_panel.html", context, request=request)
    assert "<section" in html and "FY2024" in html and "12" in html
    lines = dict(report_lines(initiative_a))
    assert lines["Periods"] == "2 (1 approved; latest approved FY2024)"
    assert lines["Exports as a share of turnover"].startswith("15 % in FY2024")
    assert "12 institutions linked" in lines["Sustainability"]
