"""A progress report is dated inside its initiative's dates: a 400 naming the date in the API,
a form error on the page; nothing is saved."""

from datetime import date

import pytest

from clusterdev.actionplans.models import ActivityProgress
from tests.actionplans.helpers import approved_plan, web
from tests.conftest import api_as

pytestmark = pytest.mark.django_db
URL = "/api/action-plans/progress/"


@pytest.fixture
def activity(ta, initiative_a):
    activity = approved_plan(initiative_a, ta, "A1").activities.get()  # 2026-01 to 2026-06
    initiative_a.start_date = date(2025, 4, 1)
    initiative_a.planned_end_date = date(2027, 3, 31)
    initiative_a.save()
    return activity


def _report(day):
    return {"date": day, "percent_complete": 10, "spent_inr": "1000"}


def test_a_report_before_the_initiative_starts_is_a_400(cda_a, activity):
    response = api_as(cda_a).post(URL, {"activity": activity.pk, **_report("2020-01-01")},
                                  format="json")  # fmt: skip
    assert response.status_code == 400
    assert "Date (2020-01-01) is before the initiative starts" in response.json()["date"][0]
    assert not ActivityProgress.objects.exists()


def test_a_report_after_the_initiative_ends_is_a_400(staff, activity):
    response = api_as(staff).post(URL, {"activity": activity.pk, **_report("2027-05-01")},
                                  format="json")  # fmt: skip
    assert response.status_code == 400
    assert "after the initiative ends (2027-03-31)" in response.json()["date"][0]


def test_correcting_a_report_out_of_the_dates_is_refused(cda_a, activity):
    report = ActivityProgress.objects.create(
        activity=activity, date=date(2026, 2, 1), percent_complete=5, spent_inr=1
    )
    response = api_as(cda_a).patch(f"{URL}{report.pk}/", {"date": "2019-01-01"}, format="json")
    assert response.status_code == 400 and "date" in response.json()
    report.refresh_from_db()
    assert report.date == date(2026, 2, 1)


def test_the_page_form_shows_the_error(cda_a, activity, initiative_a):
    url = f"/action-plans/initiatives/{initiative_a.pk}/progress/new/"
    response = web(cda_a).post(url, {"activity": activity.pk, **_report("2020-01-01")})
    assert response.status_code == 400
    assert "is before the initiative starts" in response.content.decode()
    assert not ActivityProgress.objects.exists()
    assert (
        web(cda_a).post(url, {"activity": activity.pk, **_report("2026-02-01")}).status_code == 302
    )
