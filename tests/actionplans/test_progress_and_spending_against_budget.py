from decimal import Decimal

import pytest

from clusterdev.actionplans import services
from clusterdev.actionplans.models import ActivityProgress
from tests.actionplans.helpers import approved_plan, web
from tests.conftest import api_as

pytestmark = pytest.mark.django_db
URL = "/api/action-plans/progress/"


def test_spent_is_the_latest_cumulative_report_and_overspend_is_flagged(cda_a, ta, initiative_a):
    plan = approved_plan(initiative_a, ta, "A1", "A2")  # 100,000 each
    a1, a2 = plan.activities.get(code="A1"), plan.activities.get(code="A2")
    client = api_as(cda_a)
    for activity, day, percent, spent in (
        (a1, "2026-02-01", 20, "30000"),
        (a1, "2026-04-01", 70, "120000"),
        (a2, "2026-03-01", 50, "40000"),
    ):
        response = client.post(
            URL, {"activity": activity.pk, "date": day, "percent_complete": percent,
                  "spent_inr": spent}, format="json",
        )  # fmt: skip
        assert response.status_code == 201, response.json()
    _plan, rows, total = services.spending(initiative_a)
    by_code = {r.activity.code: r for r in rows}
    assert by_code["A1"].spending["spent"] == Decimal(120000)
    assert by_code["A1"].spending["overspent"] and by_code["A1"].percent_complete == 70
    assert not by_code["A2"].spending["overspent"]
    assert total["spent"] == Decimal(160000) and total["budget"] == Decimal(200000)
    assert not total["overspent"]
    page = web(cda_a).get(f"/action-plans/initiatives/{initiative_a.pk}/implementation/")
    text = page.content.decode()
    assert page.status_code == 200
    assert '<svg class="chart" id="spend-chart"' in text and 'class="over"' in text
    assert "overspent by" in text and "20,000" in text


def test_progress_carries_over_to_a_revised_plan_by_code(ta, initiative_a):
    first = approved_plan(initiative_a, ta, "A1")
    ActivityProgress.objects.create(
        activity=first.activities.get(), date="2026-02-01", percent_complete=40, spent_inr=5000
    )
    approved_plan(initiative_a, ta, "A2")
    _plan, rows, _total = services.spending(initiative_a)
    assert {r.activity.code: r.spending["spent"] for r in rows} == {
        "A1": Decimal(5000),
        "A2": Decimal(0),
    }


def test_progress_only_for_the_approved_versions_activities(cda_a, initiative_a):
    draft = services.new_version(initiative_a)
    from tests.actionplans.helpers import add_activity

    activity = add_activity(draft, "A1")
    response = api_as(cda_a).post(
        URL, {"activity": activity.pk, "date": "2026-02-01", "percent_complete": 10,
              "spent_inr": "1"}, format="json",
    )  # fmt: skip
    assert response.status_code == 400
    assert "approved plan version" in response.json()["activity"][0]


def test_bad_progress_values_are_400(cda_a, ta, initiative_a):
    activity = approved_plan(initiative_a, ta, "A1").activities.get()
    response = api_as(cda_a).post(
        URL, {"activity": activity.pk, "date": "2026-02-01", "percent_complete": 120,
              "spent_inr": "-5"}, format="json",
    )  # fmt: skip
    assert response.status_code == 400
    assert {"percent_complete", "spent_inr"} <= set(response.json())
    assert not ActivityProgress.objects.exists()


def test_progress_form_on_the_page(cda_a, ta, initiative_a):
    activity = approved_plan(initiative_a, ta, "A1").activities.get()
    url = f"/action-plans/initiatives/{initiative_a.pk}/progress/new/"
    bad = web(cda_a).post(url, {"activity": activity.pk, "date": "2026-02-01",
                                "percent_complete": 101, "spent_inr": "10"})  # fmt: skip
    assert bad.status_code == 400
    good = web(cda_a).post(url, {"activity": activity.pk, "date": "2026-02-01",
                                 "percent_complete": 10, "spent_inr": "10"})  # fmt: skip
    assert good.status_code == 302 and ActivityProgress.objects.count() == 1
    assert web(ta).post(url, {}).status_code == 404  # the TA reads, he does not edit
