import pytest

from clusterdev.actionplans.models import SPV, CommonFacility
from tests.actionplans.helpers import web
from tests.conftest import api_as

pytestmark = pytest.mark.django_db


def test_a_grant_above_the_cost_is_400(cda_a, initiative_a):
    response = api_as(cda_a).post(
        "/api/action-plans/facilities/",
        {"initiative": initiative_a.pk, "name": "CFC", "cost_inr": "100", "grant_inr": "150",
         "status": "planned"}, format="json",
    )  # fmt: skip
    assert (
        response.status_code == 400 and "cannot exceed the cost" in response.json()["grant_inr"][0]
    )


def test_an_operational_facility_needs_its_opening_date(cda_a, initiative_a):
    url = f"/action-plans/initiatives/{initiative_a.pk}/facilities/new/"
    page = web(cda_a).post(url, {"name": "CFC", "cost_inr": "100", "grant_inr": "70",
                                 "status": "operational"})  # fmt: skip
    assert page.status_code == 400 and "opening date" in page.content.decode()
    ok = web(cda_a).post(url, {"name": "CFC", "cost_inr": "100", "grant_inr": "70",
                               "status": "operational", "opened_on": "2026-03-01",
                               "users_per_month": "40"})  # fmt: skip
    assert ok.status_code == 302 and CommonFacility.objects.get().users_per_month == 40


def test_an_spv_links_only_its_own_initiatives_facility(staff, cda_a, initiative_a, initiative_b):
    own = CommonFacility.objects.create(initiative=initiative_a, name="Own", cost_inr=10)
    other = CommonFacility.objects.create(initiative=initiative_b, name="Other", cost_inr=10)
    data = {"initiative": initiative_a.pk, "name": "Glass SPV", "legal_form": "section_8",
            "members": 25}  # fmt: skip
    ok = api_as(cda_a).post("/api/action-plans/spvs/", {**data, "facility": own.pk}, format="json")
    assert ok.status_code == 201, ok.json()
    bad = api_as(staff).post(
        "/api/action-plans/spvs/", {**data, "facility": other.pk}, format="json"
    )
    assert bad.status_code == 400 and "another initiative" in bad.json()["facility"][0]
    unknown = api_as(cda_a).post(
        "/api/action-plans/spvs/", {**data, "facility": other.pk}, format="json"
    )
    assert unknown.status_code == 400
    assert SPV.objects.count() == 1
    bad_form = api_as(cda_a).post(
        "/api/action-plans/spvs/", {**data, "legal_form": "llp"}, format="json"
    )
    assert bad_form.status_code == 400 and "legal_form" in bad_form.json()
