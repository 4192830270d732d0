from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory

from clusterdev.actionplans.models import ActivityProgress, EnterpriseNetwork
from clusterdev.actionplans.panel import initiative_panel
from clusterdev.actionplans.report import report_lines
from tests.actionplans.helpers import approved_plan

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_panel_is_none_for_non_private_viewers(cda_b, initiative_a):
    assert initiative_panel(_request(cda_b), initiative_a, private=False) is None


def test_panel_and_report_with_an_approved_plan(cda_a, ta, initiative_a):
    plan = approved_plan(initiative_a, ta, "A1", "A2")
    ActivityProgress.objects.create(activity=plan.activities.get(code="A1"), date="2026-02-01",
                                    percent_complete=90, spent_inr=Decimal(150000))  # fmt: skip
    EnterpriseNetwork.objects.create(initiative=initiative_a, name="N", purpose="other", members=4)
    panel = initiative_panel(_request(cda_a), initiative_a, private=True)
    html = render_to_string("actionplans/_initiative_panel.html", {"panel": panel})
    assert "<section" in html and "v1" in html and "200,000" in html
    assert "overspent" in html and "A1" in html
    assert f"/action-plans/initiatives/{initiative_a.pk}/implementation/" in html
    lines = dict(report_lines(initiative_a))
    assert lines["Action plan"].startswith("version 1, Approved by ta-mentor")
    assert lines["Activities"] == "2, budget Rs 200,000"
    assert lines["Private share"] == "60.0 % (within the industrial target 50–60 %)"
    assert "overspent: A1" in lines["Spent (approved v1)"]
    assert lines["SPVs / networks / CFCs"] == "0 / 1 / 0"


def test_no_plan_no_report_lines_and_an_empty_panel(cda_a, initiative_a):
    assert report_lines(initiative_a) == []
    panel = initiative_panel(_request(cda_a), initiative_a, private=True)
    html = render_to_string("actionplans/_initiative_panel.html", {"panel": panel})
    assert "No action plan yet" in html
