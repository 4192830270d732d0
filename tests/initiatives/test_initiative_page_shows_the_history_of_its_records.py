"""The initiative page lists who changed what in the initiative and in its records, deleted
records included; only its private readers see that history."""

from __future__ import annotations

import pytest
from django.test import Client

from clusterdev.initiatives.models import TrustEvent

pytestmark = pytest.mark.django_db


def _as(user=None) -> Client:
    client = Client()
    if user:
        client.force_login(user)
    return client


def test_changes_to_events_appear_even_after_deletion(cda_a, cda_b, initiative_a):
    from auditlog.context import set_actor

    with set_actor(cda_a):
        event = TrustEvent.objects.create(
            initiative=initiative_a, kind="seminar", date="2026-02-01", outcomes="Kick-off"
        )
        event.delete()
    page = _as(cda_a).get(f"/initiatives/{initiative_a.pk}/").content.decode()
    assert "History of changes" in page
    assert "trustevent" in page and "cda-cluster-a" in page
    assert (
        "History of changes"
        not in _as(cda_b).get(f"/initiatives/{initiative_a.pk}/").content.decode()
    )
    assert (
        "History of changes" not in _as().get(f"/initiatives/{initiative_a.pk}/").content.decode()
    )
