import pytest

from clusterdev.actionplans import services
from clusterdev.actionplans.models import Activity
from tests.actionplans.helpers import activity_data, web
from tests.conftest import api_as

pytestmark = pytest.mark.django_db


def test_api_refuses_shares_over_100_naming_them(cda_a, initiative_a):
    plan = services.new_version(initiative_a)
    data = activity_data(plan=plan.pk, share_private="70", share_institution="40")
    response = api_as(cda_a).post("/api/action-plans/activities/", data, format="json")
    assert response.status_code == 400
    message = response.json()["shares"][0]
    assert "140 %, over 100 %" in message
    assert "private 70, institution 40, scheme 30, state 0" in message
    assert not Activity.objects.exists()


def test_api_refuses_shares_under_100(cda_a, initiative_a):
    plan = services.new_version(initiative_a)
    data = activity_data(plan=plan.pk, share_scheme="10")
    response = api_as(cda_a).post("/api/action-plans/activities/", data, format="json")
    assert response.status_code == 400
    assert "under 100 %" in response.json()["shares"][0]


def test_a_share_over_100_on_its_own_is_a_field_error(cda_a, initiative_a):
    plan = services.new_version(initiative_a)
    data = activity_data(plan=plan.pk, share_private="120", share_scheme="-20")
    response = api_as(cda_a).post("/api/action-plans/activities/", data, format="json")
    assert response.status_code == 400
    assert {"share_private", "share_scheme"} <= set(response.json())


def test_patching_one_share_checks_the_sum_with_the_stored_ones(cda_a, initiative_a):
    plan = services.new_version(initiative_a)
    client = api_as(cda_a)
    created = client.post(
        "/api/action-plans/activities/", activity_data(plan=plan.pk), format="json"
    )
    assert created.status_code == 201, created.json()
    assert created.json()["code"] == "A1"
    url = f"/api/action-plans/activities/{created.json()['id']}/"
    assert client.patch(url, {"share_state": "5"}, format="json").status_code == 400
    fixed = client.patch(url, {"share_state": "5", "share_scheme": "25"}, format="json")
    assert fixed.status_code == 200, fixed.json()


def test_page_form_shows_the_shares_error(cda_a, initiative_a):
    plan = services.new_version(initiative_a)
    page = web(cda_a).post(
        f"/action-plans/plans/{plan.pk}/activities/new/",
        activity_data(share_private="80"),
    )
    assert page.status_code == 400
    assert "over 100 %" in page.content.decode()
    assert not Activity.objects.exists()
