"""A step record is approved or returned only once it is submitted: a draft (or an already
approved or returned record) is a 409 in the API and an error on the page; nothing is saved."""

from __future__ import annotations

import pytest
from django.test import Client

from clusterdev.initiatives.models import StepRecord, StepReview
from tests.conftest import api_as

pytestmark = pytest.mark.django_db


def _review(user, record, decision="approved", reason=""):
    return api_as(user).post(
        f"/api/initiatives/steps/{record.pk}/review/",
        {"decision": decision, "reason": reason},
        format="json",
    )


@pytest.mark.parametrize("status", ["draft", "approved", "returned"])
def test_the_ta_cannot_approve_a_record_that_is_not_submitted(ta, initiative_a, status):
    record = StepRecord.objects.create(initiative=initiative_a, step=1, status=status)
    response = _review(ta, record)
    assert response.status_code == 409
    assert "Only a submitted record" in response.json()["detail"]
    assert status in response.json()["detail"]
    record.refresh_from_db()
    assert record.status == status
    assert not StepReview.objects.exists()


def test_staff_cannot_return_a_draft_either(staff, initiative_a):
    record = StepRecord.objects.create(initiative=initiative_a, step=1)
    response = _review(staff, record, "returned", "Too short")
    assert response.status_code == 409
    record.refresh_from_db()
    assert record.status == "draft" and not StepReview.objects.exists()


def test_once_submitted_the_ta_approves_it(cda_a, ta, initiative_a):
    created = api_as(cda_a).post(
        "/api/initiatives/steps/", {"initiative": initiative_a.pk, "step": 1}, format="json"
    )
    assert created.status_code == 201
    record = StepRecord.objects.get(pk=created.json()["id"])
    assert _review(ta, record).status_code == 409
    assert api_as(cda_a).post(f"/api/initiatives/steps/{record.pk}/submit/").status_code == 200
    assert _review(ta, record).status_code == 201
    record.refresh_from_db()
    assert record.status == "approved" and StepReview.objects.count() == 1


def test_the_page_says_why_a_draft_cannot_be_approved(ta, initiative_a):
    record = StepRecord.objects.create(initiative=initiative_a, step=1, summary="Shortlist")
    client = Client()
    client.force_login(ta)
    page = client.get(f"/initiatives/{initiative_a.pk}/steps/1/").content.decode()
    assert "once it is submitted" in page and ">Approve<" not in page
    response = client.post(
        f"/initiatives/records/{record.pk}/review/", {"decision": "approved"}, follow=True
    )
    assert "Only a submitted record can be approved or returned" in response.content.decode()
    record.refresh_from_db()
    assert record.status == "draft" and not StepReview.objects.exists()
