import pytest

from clusterdev.actionplans.models import Activity
from tests.actionplans.helpers import activity_data, approved_plan, web
from tests.conftest import api_as

pytestmark = pytest.mark.django_db


def test_api_changes_to_an_approved_version_are_409(cda_a, ta, initiative_a):
    plan = approved_plan(initiative_a, ta, "A1")
    activity = plan.activities.get()
    client = api_as(cda_a)
    url = f"/api/action-plans/activities/{activity.pk}/"
    for response in (
        client.patch(url, {"title": "Changed"}, format="json"),
        client.delete(url),
        client.post("/api/action-plans/activities/", activity_data(plan=plan.pk), format="json"),
        client.patch(f"/api/action-plans/plans/{plan.pk}/", {"note": "x"}, format="json"),
    ):
        assert response.status_code == 409, response.content
        assert "start a new version" in response.json()["detail"]
    assert Activity.objects.get().title == "Activity A1"


def test_page_form_on_an_approved_version_says_start_a_new_version(cda_a, ta, initiative_a):
    plan = approved_plan(initiative_a, ta, "A1")
    activity = plan.activities.get()
    page = web(cda_a).post(
        f"/action-plans/activities/{activity.pk}/edit/", activity_data(title="Changed")
    )
    assert page.status_code == 400
    assert "start a new version" in page.content.decode()
    assert Activity.objects.get().title == "Activity A1"


def test_editing_a_submitted_version_returns_it_to_draft(cda_a, initiative_a):
    from clusterdev.actionplans import services

    plan = services.new_version(initiative_a)
    client = api_as(cda_a)
    made = client.post("/api/action-plans/activities/", activity_data(plan=plan.pk), format="json")
    services.submit(plan)
    client.patch(
        f"/api/action-plans/activities/{made.json()['id']}/", {"title": "New"}, format="json"
    )
    plan.refresh_from_db()
    assert plan.status == "draft"
