from __future__ import annotations

import pytest
from auditlog.models import LogEntry

from clusterdev.initiatives.models import StepRecord, StepReview
from tests.conftest import api_as

pytestmark = pytest.mark.django_db


def test_advancing_without_approval_is_refused_and_the_step_is_unchanged(cda_a, initiative_a):
    client = api_as(cda_a)
    response = client.post(f"/api/initiatives/{initiative_a.pk}/advance/")
    assert response.status_code == 409
    assert response.json()["missing"] == {"step": 1, "record": "none"}
    StepRecord.objects.create(initiative=initiative_a, step=1, status="submitted")
    response = client.post(f"/api/initiatives/{initiative_a.pk}/advance/")
    assert response.status_code == 409
    assert "submitted" in response.json()["detail"]
    initiative_a.refresh_from_db()
    assert initiative_a.step == 1


def test_ta_approval_lets_the_initiative_advance(cda_a, ta, initiative_a):
    record = StepRecord.objects.create(initiative=initiative_a, step=1, status="submitted")
    response = api_as(ta).post(
        f"/api/initiatives/steps/{record.pk}/review/",
        {"decision": "approved", "reason": "Sound shortlist"},
        format="json",
    )
    assert response.status_code == 201
    review = StepReview.objects.get()
    assert (review.reviewer, review.reason) == (ta, "Sound shortlist")
    response = api_as(cda_a).post(f"/api/initiatives/{initiative_a.pk}/advance/")
    assert response.status_code == 200
    assert response.json()["step"] == 2
    initiative_a.refresh_from_db()
    assert initiative_a.step == 2
    assert LogEntry.objects.get_for_object(initiative_a).exists()


def test_ta_cannot_review_an_initiative_he_does_not_mentor(ta, cda_a, initiative_b):
    record = StepRecord.objects.create(initiative=initiative_b, step=1, status="submitted")
    response = api_as(ta).post(
        f"/api/initiatives/steps/{record.pk}/review/", {"decision": "approved"}, format="json"
    )
    assert response.status_code == 404
    record.refresh_from_db()
    assert record.status == "submitted"


def test_a_cda_cannot_approve_her_own_step(cda_a, initiative_a):
    record = StepRecord.objects.create(initiative=initiative_a, step=1, status="submitted")
    response = api_as(cda_a).post(
        f"/api/initiatives/steps/{record.pk}/review/", {"decision": "approved"}, format="json"
    )
    assert response.status_code == 403


def test_returning_needs_a_reason(ta, initiative_a):
    record = StepRecord.objects.create(initiative=initiative_a, step=1, status="submitted")
    response = api_as(ta).post(
        f"/api/initiatives/steps/{record.pk}/review/", {"decision": "returned"}, format="json"
    )
    assert response.status_code == 400
    assert "reason" in response.json()
