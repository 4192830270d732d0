"""A CDA writes a step's record and submits it; the TA approves or returns it with a reason."""

from __future__ import annotations

import pytest
from django.test import Client

from clusterdev.initiatives.models import StepRecord, StepReview

pytestmark = pytest.mark.django_db


def _as(user=None) -> Client:
    client = Client()
    if user:
        client.force_login(user)
    return client


def test_cda_saves_a_draft_then_submits(cda_a, initiative_a):
    url = f"/initiatives/{initiative_a.pk}/steps/1/"
    data = {"summary": "Three candidates", "section_criteria": "Units and jobs", "save": "1"}
    assert _as(cda_a).post(url, data).status_code == 302
    record = StepRecord.objects.get(initiative=initiative_a, step=1)
    assert (record.status, record.sections) == ("draft", {"criteria": "Units and jobs"})
    _as(cda_a).post(url, {**data, "submit": "1"})
    record.refresh_from_db()
    assert record.status == "submitted"
    page = _as(cda_a).get(url).content.decode()
    assert "Units and jobs" in page and "Submitted" in page


def test_ta_returns_with_a_reason_and_the_reason_is_required(cda_a, ta, initiative_a):
    record = StepRecord.objects.create(initiative=initiative_a, step=1, status="submitted")
    review = f"/initiatives/records/{record.pk}/review/"
    page = _as(ta).post(review, {"decision": "returned"}, follow=True).content.decode()
    assert "Say why the record is returned." in page
    assert not StepReview.objects.exists()
    _as(ta).post(review, {"decision": "returned", "reason": "Score a fourth cluster"})
    record.refresh_from_db()
    assert record.status == "returned"
    page = _as(cda_a).get(f"/initiatives/{initiative_a.pk}/steps/1/").content.decode()
    assert "Score a fourth cluster" in page and "ta-mentor" in page


def test_a_cda_cannot_review_and_others_cannot_read(cda_a, cda_b, initiative_a):
    record = StepRecord.objects.create(initiative=initiative_a, step=1, summary="Private notes")
    review = f"/initiatives/records/{record.pk}/review/"
    assert _as(cda_a).post(review, {"decision": "approved"}).status_code == 403
    assert _as(cda_b).post(review, {"decision": "approved"}).status_code == 404
    assert _as(cda_b).get(f"/initiatives/{initiative_a.pk}/steps/1/").status_code == 404
    anonymous = _as().get(f"/initiatives/{initiative_a.pk}/steps/1/")
    assert anonymous.status_code == 302
    record.refresh_from_db()
    assert record.status == "draft"


def test_the_ta_reads_but_does_not_write_the_record(ta, initiative_a):
    url = f"/initiatives/{initiative_a.pk}/steps/2/"
    assert _as(ta).get(url).status_code == 200
    assert _as(ta).post(url, {"summary": "TA edit"}).status_code == 403
    assert not StepRecord.objects.filter(initiative=initiative_a, step=2).exists()


def test_an_unknown_step_is_not_found(cda_a, initiative_a):
    assert _as(cda_a).get(f"/initiatives/{initiative_a.pk}/steps/7/").status_code in (403, 404)
