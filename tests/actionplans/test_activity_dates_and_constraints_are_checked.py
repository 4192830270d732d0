from datetime import date

import pytest

from clusterdev.actionplans import services
from clusterdev.diagnostics.models import Constraint
from tests.actionplans.helpers import activity_data, web
from tests.conftest import api_as

pytestmark = pytest.mark.django_db
URL = "/api/action-plans/activities/"


def test_end_before_start_is_a_400(cda_a, initiative_a):
    plan = services.new_version(initiative_a)
    data = activity_data(plan=plan.pk, start_date="2026-05-01", end_date="2026-04-01")
    response = api_as(cda_a).post(URL, data, format="json")
    assert response.status_code == 400
    assert "before the start" in response.json()["end_date"][0]


def test_dates_must_lie_inside_the_initiative(cda_a, initiative_a):
    initiative_a.start_date = date(2026, 1, 1)
    initiative_a.planned_end_date = date(2027, 12, 31)
    initiative_a.save()
    plan = services.new_version(initiative_a)
    data = activity_data(plan=plan.pk, start_date="2025-12-01", end_date="2028-01-31")
    errors = api_as(cda_a).post(URL, data, format="json").json()
    assert "before the initiative starts" in errors["start_date"][0]
    assert "after the initiative ends" in errors["end_date"][0]


def test_constraints_must_be_the_same_initiatives(cda_a, staff, initiative_a, initiative_b):
    own = Constraint.objects.create(initiative=initiative_a, area="finance", title="No credit")
    other = Constraint.objects.create(initiative=initiative_b, area="design", title="Old designs")
    plan = services.new_version(initiative_a)
    ok = api_as(cda_a).post(URL, activity_data(plan=plan.pk, constraints=[own.pk]), format="json")
    assert ok.status_code == 201 and ok.json()["constraints"] == [own.pk]
    # staff see both initiatives: the message names the foreign constraint
    response = api_as(staff).post(
        URL, activity_data(plan=plan.pk, constraints=[other.pk]), format="json"
    )
    assert response.status_code == 400
    assert "Old designs" in response.json()["constraints"][0]
    # cda_a may not see initiative B: its constraint simply does not exist for her
    hidden = api_as(cda_a).post(
        URL, activity_data(plan=plan.pk, constraints=[other.pk]), format="json"
    )
    assert hidden.status_code == 400 and "Old designs" not in str(hidden.json())


def test_page_form_offers_only_the_initiatives_constraints(cda_a, initiative_a, initiative_b):
    Constraint.objects.create(initiative=initiative_a, area="finance", title="No credit")
    Constraint.objects.create(initiative=initiative_b, area="design", title="Old designs")
    plan = services.new_version(initiative_a)
    page = web(cda_a).get(f"/action-plans/plans/{plan.pk}/activities/new/").content.decode()
    assert "No credit" in page and "Old designs" not in page
    bad = web(cda_a).post(
        f"/action-plans/plans/{plan.pk}/activities/new/",
        activity_data(start_date="2026-05-01", end_date="2026-04-01"),
    )
    assert bad.status_code == 400 and "before the start" in bad.content.decode()
