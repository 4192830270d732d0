import pytest
from django.db import IntegrityError

from clusterdev.actionplans import services
from clusterdev.actionplans.models import ActionPlan
from clusterdev.diagnostics.models import Constraint
from tests.actionplans.helpers import add_activity, approved_plan, web
from tests.conftest import api_as

pytestmark = pytest.mark.django_db


def test_a_new_version_copies_activities_codes_and_constraints(cda_a, ta, initiative_a):
    constraint = Constraint.objects.create(initiative=initiative_a, area="skills", title="Skills")
    first = approved_plan(initiative_a, ta, "A1", "A2")
    first.activities.get(code="A1").constraints.add(constraint)
    response = api_as(cda_a).post(
        "/api/action-plans/plans/", {"initiative": initiative_a.pk, "note": "Revise"}, format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["version"] == 2 and body["status"] == "draft" and body["note"] == "Revise"
    second = ActionPlan.objects.get(pk=body["id"])
    assert sorted(second.activities.values_list("code", flat=True)) == ["A1", "A2"]
    assert list(second.activities.get(code="A1").constraints.all()) == [constraint]
    assert first.activities.count() == 2  # the approved version is untouched


def test_only_one_open_version_at_a_time(cda_a, initiative_a):
    client = api_as(cda_a)
    assert (
        client.post(
            "/api/action-plans/plans/", {"initiative": initiative_a.pk}, format="json"
        ).status_code
        == 201
    )
    again = client.post("/api/action-plans/plans/", {"initiative": initiative_a.pk}, format="json")
    assert again.status_code == 409
    assert "still draft" in again.json()["detail"]
    assert ActionPlan.objects.count() == 1


def test_the_database_refuses_two_drafts_as_well(initiative_a):
    ActionPlan.objects.create(initiative=initiative_a, version=1)
    with pytest.raises(IntegrityError):
        ActionPlan.objects.create(initiative=initiative_a, version=2)


def test_new_version_action_and_page_button(cda_a, ta, initiative_a):
    plan = approved_plan(initiative_a, ta, "A1")
    response = api_as(cda_a).post(
        f"/api/action-plans/plans/{plan.pk}/new-version/", {}, format="json"
    )
    assert response.status_code == 201 and response.json()["version"] == 2
    page = web(cda_a).post(f"/action-plans/initiatives/{initiative_a.pk}/new-version/", follow=True)
    assert "still draft" in page.content.decode()


def test_codes_are_given_in_order_and_unique_per_version(cda_a, initiative_a):
    plan = services.new_version(initiative_a)
    add_activity(plan)
    add_activity(plan, "A5")
    assert add_activity(plan).code == "A6"
    response = api_as(cda_a).post(
        "/api/action-plans/activities/",
        {"plan": plan.pk, "code": "A5", "title": "Dup", "budget_inr": "1", "start_date": "2026-01-01",
         "end_date": "2026-01-02", "responsible": "x", "share_private": "100"},
        format="json",
    )  # fmt: skip
    assert (
        response.status_code == 400 and "already has an activity A5" in response.json()["code"][0]
    )
