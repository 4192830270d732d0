from __future__ import annotations

import pytest

from clusterdev.initiatives.models import TrustEvent
from tests.conftest import api_as

pytestmark = pytest.mark.django_db


def test_cda_records_an_event_and_bad_counts_are_400(cda_a, initiative_a):
    client = api_as(cda_a)
    good = {
        "initiative": initiative_a.pk,
        "kind": "workshop",
        "date": "2024-03-01",
        "participants": [{"actor_type": "firm", "women": 4, "men": 6}],
        "outcomes": "Agreed a joint purchase",
    }
    assert client.post("/api/initiatives/events/", good, format="json").status_code == 201
    bad = {**good, "participants": [{"actor_type": "firm", "women": -1}]}
    response = client.post("/api/initiatives/events/", bad, format="json")
    assert response.status_code == 400
    assert "participants" in response.json()
    assert TrustEvent.objects.count() == 1
