"""The record of a step is written once the initiative has reached that step (decision 0440):
creating one ahead, or moving one to a later step, is a 409 in the API and an error on the
page, and nothing is saved. Once the initiative advances, the record can be written."""

from __future__ import annotations

import pytest
from django.test import Client

from clusterdev.initiatives import services
from clusterdev.initiatives.models import StepRecord
from tests.conftest import api_as

pytestmark = pytest.mark.django_db
URL = "/api/initiatives/steps/"


def test_the_api_refuses_a_record_for_a_later_step(cda_a, initiative_a):
    response = api_as(cda_a).post(URL, {"initiative": initiative_a.pk, "step": 2}, format="json")
    assert response.status_code == 409
    assert "is in step 1" in response.json()["detail"]
    assert not StepRecord.objects.exists()


def test_a_record_cannot_be_moved_to_a_later_step(cda_a, initiative_a):
    record = StepRecord.objects.create(initiative=initiative_a, step=1, summary="Shortlist")
    response = api_as(cda_a).patch(f"{URL}{record.pk}/", {"step": 4}, format="json")
    assert response.status_code == 409
    record.refresh_from_db()
    assert record.step == 1


def test_a_record_ahead_cannot_be_submitted(cda_a, initiative_a):
    record = StepRecord.objects.create(initiative=initiative_a, step=2)
    response = api_as(cda_a).post(f"{URL}{record.pk}/submit/")
    assert response.status_code == 409
    record.refresh_from_db()
    assert record.status == "draft"


def test_the_page_shows_why_and_saves_nothing(cda_a, initiative_a):
    client = Client()
    client.force_login(cda_a)
    url = f"/initiatives/{initiative_a.pk}/steps/2/"
    page = client.get(url)
    assert page.status_code == 200
    assert "The initiative is in step 1" in page.content.decode()
    assert "Save draft" not in page.content.decode()
    response = client.post(url, {"summary": "Too early", "save": "1"})
    assert response.status_code == 400
    assert "The initiative is in step 1" in response.content.decode()
    assert not StepRecord.objects.exists()


def test_after_advancing_the_next_record_is_written(cda_a, ta, initiative_a):
    record = StepRecord.objects.create(initiative=initiative_a, step=1, status="submitted")
    services.review(record, ta, "approved")
    services.advance(initiative_a)
    response = api_as(cda_a).post(URL, {"initiative": initiative_a.pk, "step": 2}, format="json")
    assert response.status_code == 201
