"""An approved step 2 record is not enough: the study, a constraint and a map of two actors
must exist before the initiative enters trust building."""

from __future__ import annotations

import pytest

from clusterdev.initiatives.models import StepRecord
from tests.conftest import api_as
from tests.diagnostics.helpers import mapped

pytestmark = pytest.mark.django_db


def test_the_gate_names_what_the_study_lacks(cda_a, initiative_a):
    initiative_a.step = 2
    initiative_a.status = "active"
    initiative_a.save()
    StepRecord.objects.create(initiative=initiative_a, step=2, status="approved")
    response = api_as(cda_a).post(f"/api/initiatives/{initiative_a.pk}/advance/")
    assert response.status_code == 409
    body = response.json()
    assert body["missing"] == {"step": 2, "record": "diagnostic study"}
    assert (
        "the diagnostic study, at least one diagnosed constraint and an actor map" in body["detail"]
    )
    mapped(initiative_a)
    response = api_as(cda_a).post(f"/api/initiatives/{initiative_a.pk}/advance/")
    assert response.status_code == 200 and response.json()["step"] == 3
