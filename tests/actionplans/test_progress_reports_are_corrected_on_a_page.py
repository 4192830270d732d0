"""An editor corrects a progress report on its page (date, percent, spent, note), with the
same checks as a new one; it stays with its activity, even once the plan is revised. The
change is recorded under the initiative. cda_b gets 404, the public is sent to sign in, the
TA may not edit."""

from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry

from clusterdev.actionplans.models import ActivityProgress
from tests.actionplans.helpers import approved_plan, web

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(ta, initiative_a):
    activity = approved_plan(initiative_a, ta, "A1").activities.get()
    return ActivityProgress.objects.create(
        activity=activity, date=date(2026, 2, 1), percent_complete=20, spent_inr=Decimal(3000)
    )


def _url(report):
    return f"/action-plans/progress/{report.pk}/edit/"


def _data(report, **extra):
    data = {"activity": report.activity_id, "date": "2026-02-01", "percent_complete": "25",
            "spent_inr": "30000", "note": "Typo in the amount"}  # fmt: skip
    data.update(extra)
    return data


def test_a_cda_corrects_a_report_and_the_change_is_recorded(cda_a, report):
    page = web(cda_a).get(_url(report))
    assert page.status_code == 200 and 'value="2026-02-01"' in page.content.decode()
    response = web(cda_a).post(_url(report), _data(report))
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.percent_complete, report.spent_inr) == (25, Decimal(30000))
    entry = LogEntry.objects.get_for_object(report).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == cda_a
    assert entry.additional_data == {"initiative_id": report.activity.plan.initiative_id}


def test_the_implementation_page_links_each_report_to_its_edit_page(cda_a, ta, report):
    url = f"/action-plans/initiatives/{report.activity.plan.initiative_id}/implementation/"
    assert _url(report) in web(cda_a).get(url).content.decode()
    assert _url(report) not in web(ta).get(url).content.decode()


def test_bad_values_are_form_errors_and_nothing_is_saved(staff, report):
    response = web(staff).post(_url(report), _data(report, percent_complete="120"))
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.percent_complete == 20


def test_a_report_stays_with_its_activity_after_the_plan_is_revised(cda_a, ta, report):
    initiative = report.activity.plan.initiative
    approved_plan(initiative, ta, "A2")  # v2 supersedes v1, whose A1 the report is about
    other = initiative.action_plans.get(version=2).activities.get(code="A2")
    response = web(cda_a).post(_url(report), _data(report, activity=other.pk))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.activity.plan.version == 1 and report.percent_complete == 25


def test_others_may_not_edit(cda_b, ta, report):
    response = web().get(_url(report))
    assert response.status_code == 302 and "/login" in response["Location"]
    assert web(cda_b).get(_url(report)).status_code == 404
    assert web(cda_b).post(_url(report), _data(report)).status_code == 404
    assert web(ta).get(_url(report)).status_code == 403
    assert web(ta).post(_url(report), _data(report)).status_code == 403
    report.refresh_from_db()
    assert report.percent_complete == 20
