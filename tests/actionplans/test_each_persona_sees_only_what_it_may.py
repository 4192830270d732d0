"""cda_b sees nothing of initiative A; the public sees nothing at all; the TA reads what he
mentors but does not edit; staff and admins see both initiatives."""

import pytest
from rest_framework.test import APIClient

from clusterdev.actionplans.models import SPV, ActivityProgress, CommonFacility, EnterpriseNetwork
from tests.actionplans.helpers import approved_plan, web
from tests.conftest import api_as

pytestmark = pytest.mark.django_db
KINDS = ("plans", "activities", "progress", "spvs", "networks", "facilities")


@pytest.fixture
def records(ta, staff, initiative_a, initiative_b):
    made = {}
    for initiative, reviewer in ((initiative_a, ta), (initiative_b, staff)):
        plan = approved_plan(initiative, reviewer, "A1")
        activity = plan.activities.get()
        facility = CommonFacility.objects.create(
            initiative=initiative, name=f"CFC {initiative.title}", cost_inr=100
        )
        made[initiative.pk] = {
            "plans": plan,
            "activities": activity,
            "progress": ActivityProgress.objects.create(
                activity=activity, date="2026-02-01", percent_complete=5, spent_inr=1
            ),
            "spvs": SPV.objects.create(
                initiative=initiative,
                name=f"SPV {initiative.title}",
                legal_form="company",
                members=5,
                facility=facility,
            ),
            "networks": EnterpriseNetwork.objects.create(
                initiative=initiative, name=f"Net {initiative.title}", purpose="other", members=4
            ),
            "facilities": facility,
        }
    return made


@pytest.mark.parametrize("kind", KINDS)
def test_api_lists_and_details_follow_the_viewer(kind, records, cda_a, cda_b, staff, ta,
                                                  national_admin, initiative_a, initiative_b):  # fmt: skip
    a, b = records[initiative_a.pk][kind], records[initiative_b.pk][kind]
    url = f"/api/action-plans/{kind}/"

    def ids(user):
        return {row["id"] for row in api_as(user).get(url).json()["results"]}

    assert ids(cda_a) == {a.pk} and ids(ta) == {a.pk} and ids(cda_b) == {b.pk}
    assert ids(staff) == ids(national_admin) == {a.pk, b.pk}
    assert api_as(cda_b).get(f"{url}{a.pk}/").status_code == 404
    assert APIClient().get(url).status_code in (401, 403)


@pytest.mark.parametrize("kind", ["activities", "progress", "spvs", "networks", "facilities"])
def test_the_ta_reads_but_may_not_delete(kind, records, ta, cda_a, initiative_a):
    row = records[initiative_a.pk][kind]
    if kind == "activities":
        # the approved version is read-only for everyone: 403 for the TA comes first
        assert api_as(ta).delete(f"/api/action-plans/{kind}/{row.pk}/").status_code == 403
        return
    assert api_as(ta).delete(f"/api/action-plans/{kind}/{row.pk}/").status_code == 403
    assert api_as(cda_a).delete(f"/api/action-plans/{kind}/{row.pk}/").status_code == 204


def test_cda_b_cannot_write_into_initiative_a(records, cda_b, initiative_a):
    client = api_as(cda_b)
    started = client.post(
        "/api/action-plans/plans/", {"initiative": initiative_a.pk}, format="json"
    )
    assert started.status_code == 400  # initiative A does not exist for her
    network = client.post(
        "/api/action-plans/networks/",
        {"initiative": initiative_a.pk, "name": "x", "purpose": "other", "members": 5},
        format="json",
    )
    assert network.status_code == 400


def test_pages_follow_the_viewer(records, cda_a, cda_b, ta, initiative_a, initiative_b):
    for path in ("", "compare/", "implementation/"):
        url = f"/action-plans/initiatives/{initiative_a.pk}/{path}"
        assert web(cda_a).get(url).status_code == 200
        assert web(ta).get(url).status_code == 200
        assert web(cda_b).get(url).status_code == 404
        assert web().get(url).status_code == 302  # to the sign-in page
    index = web(cda_b).get("/action-plans/").content.decode()
    assert "Initiative B" in index and "Initiative A" not in index
    ta_page = web(ta).get(f"/action-plans/initiatives/{initiative_a.pk}/implementation/")
    assert "Record progress" not in ta_page.content.decode()
    assert web(ta).get(f"/action-plans/initiatives/{initiative_a.pk}/spvs/new/").status_code == 404
    spv = records[initiative_a.pk]["spvs"]
    assert web(cda_b).post(f"/action-plans/spvs/{spv.pk}/delete/").status_code == 404


@pytest.mark.parametrize("kind", ["activities", "progress", "spvs", "networks", "facilities"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_downloads_hold_only_the_viewers_rows(kind, fmt, records, cda_b, staff):
    response = web(cda_b).get(f"/action-plans/download/{kind}.{fmt}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if fmt == "csv":
        text = body.decode("utf-8-sig")
        assert "Initiative B" in text and "Initiative A" not in text
        everything = b"".join(
            web(staff).get(f"/action-plans/download/{kind}.csv").streaming_content
        )
        assert "Initiative A" in everything.decode("utf-8-sig")
    else:
        assert body[:2] == b"PK"


def test_downloads_refuse_unknown_formats_and_kinds(cda_a):
    assert web(cda_a).get("/action-plans/download/activities.pdf").status_code == 400
    assert web(cda_a).get("/action-plans/download/secrets.csv").status_code == 404
    assert web().get("/action-plans/download/activities.csv").status_code == 302
