"""A record of a later step than the initiative's current one cannot be approved or returned,
even when submitted (say, written before the rule existed): 409 in the API, an error on the
page, nothing saved. Records of earlier and current steps are reviewed as usual."""

from __future__ import annotations

import pytest
from django.test import Client

from clusterdev.initiatives.models import StepRecord, StepReview
from tests.conftest import api_as

pytestmark = pytest.mark.django_db


def test_a_submitted_record_of_a_later_step_is_a_409(ta, initiative_a):
    record = StepRecord.objects.create(initiative=initiative_a, step=3, status="submitted")
    response = api_as(ta).post(
        f"/api/initiatives/steps/{record.pk}/review/", {"decision": "approved"}, format="json"
    )
    assert response.status_code == 409
    assert "is in step 1" in response.json()["detail"]
    assert "step 3" in response.json()["detail"]
    record.refresh_from_db()
    assert record.status == "submitted" and not StepReview.objects.exists()


def test_the_page_refuses_it_with_the_reason(staff, initiative_a):
    record = StepRecord.objects.create(initiative=initiative_a, step=2, status="submitted")
    client = Client()
    client.force_login(staff)
    response = client.post(
        f"/initiatives/records/{record.pk}/review/",
        {"decision": "returned", "reason": "Not yet"},
        follow=True,
    )
    assert "The initiative is in step 1" in response.content.decode()
    record.refresh_from_db()
    assert record.status == "submitted" and not StepReview.objects.exists()


def test_records_of_the_current_and_earlier_steps_are_reviewed(ta, initiative_a):
    initiative_a.step = 3
    initiative_a.status = "active"
    initiative_a.save()
    for step in (2, 3):
        record = StepRecord.objects.create(initiative=initiative_a, step=step, status="submitted")
        response = api_as(ta).post(
            f"/api/initiatives/steps/{record.pk}/review/", {"decision": "approved"}, format="json"
        )
        assert response.status_code == 201
    assert StepReview.objects.count() == 2
