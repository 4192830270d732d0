import pytest

from clusterdev.actionplans import services
from clusterdev.actionplans.models import ActionPlan, PlanReview
from tests.actionplans.helpers import add_activity, approved_plan, web
from tests.conftest import api_as

pytestmark = pytest.mark.django_db


def _submitted(initiative):
    plan = services.new_version(initiative)
    add_activity(plan, "A1")
    services.submit(plan)
    return plan


def test_a_cda_submits_but_may_not_approve(cda_a, initiative_a):
    plan = services.new_version(initiative_a)
    add_activity(plan, "A1")
    client = api_as(cda_a)
    assert client.post(f"/api/action-plans/plans/{plan.pk}/submit/").json()["status"] == "submitted"
    refused = client.post(
        f"/api/action-plans/plans/{plan.pk}/review/", {"decision": "approved"}, format="json"
    )
    assert refused.status_code == 403


def test_an_empty_plan_cannot_be_submitted(cda_a, initiative_a):
    plan = services.new_version(initiative_a)
    response = api_as(cda_a).post(f"/api/action-plans/plans/{plan.pk}/submit/")
    assert response.status_code == 409 and "no activities" in response.json()["detail"]


def test_the_ta_approves_and_the_review_says_who_and_when(ta, initiative_a):
    plan = _submitted(initiative_a)
    response = api_as(ta).post(
        f"/api/action-plans/plans/{plan.pk}/review/", {"decision": "approved"}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["reviewer"] == "ta-mentor" and response.json()["created"]
    plan.refresh_from_db()
    assert plan.status == "approved" and plan.approval().reviewer == ta


def test_returning_needs_a_reason_and_goes_back_to_draft(staff, initiative_a):
    plan = _submitted(initiative_a)
    client = api_as(staff)
    url = f"/api/action-plans/plans/{plan.pk}/review/"
    assert client.post(url, {"decision": "returned"}, format="json").status_code == 400
    done = client.post(url, {"decision": "returned", "reason": "Budget too thin"}, format="json")
    assert done.status_code == 201
    plan.refresh_from_db()
    assert plan.status == "draft"
    assert PlanReview.objects.get().reason == "Budget too thin"
    # a draft is not reviewable
    assert client.post(url, {"decision": "approved"}, format="json").status_code == 409


def test_the_ta_reviews_only_what_he_mentors(ta, initiative_b):
    plan = _submitted(initiative_b)
    response = api_as(ta).post(
        f"/api/action-plans/plans/{plan.pk}/review/", {"decision": "approved"}, format="json"
    )
    assert response.status_code == 404


def test_approving_a_later_version_supersedes_the_earlier(ta, initiative_a):
    first = approved_plan(initiative_a, ta, "A1")
    second = approved_plan(initiative_a, ta, "A1")
    first.refresh_from_db()
    assert (first.status, second.status) == ("superseded", "approved")
    assert services.first_approved(initiative_a) == first
    assert services.approved(initiative_a) == second


def test_review_buttons_on_the_page(ta, cda_a, initiative_a):
    plan = _submitted(initiative_a)
    page = web(ta).get(f"/action-plans/initiatives/{initiative_a.pk}/").content.decode()
    assert "Review this version" in page
    assert (
        "Review this version"
        not in web(cda_a).get(f"/action-plans/initiatives/{initiative_a.pk}/").content.decode()
    )
    answer = web(ta).post(
        f"/action-plans/plans/{plan.pk}/review/", {"decision": "returned"}, follow=True
    )
    assert "Say why the plan is returned" in answer.content.decode()
    web(ta).post(f"/action-plans/plans/{plan.pk}/review/", {"decision": "approved"})
    assert ActionPlan.objects.get().status == "approved"
    assert (
        web(cda_a)
        .post(f"/action-plans/plans/{plan.pk}/review/", {"decision": "approved"})
        .status_code
        == 403
    )
