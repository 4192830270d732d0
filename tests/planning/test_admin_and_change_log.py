"""Saved scenarios in the admin, and every API change recorded with its actor."""

import pytest
from auditlog.models import LogEntry
from django.test import Client

from tests.conftest import api_as
from tests.planning.factories import make_scenario

pytestmark = pytest.mark.django_db


def test_an_admin_sees_saved_scenarios_in_the_admin(client: Client, national_admin, cda_a) -> None:  # type: ignore[no-untyped-def]
    saved = make_scenario(cda_a)
    client.force_login(national_admin)
    assert client.get("/admin/planning/savedscenario/").status_code == 200
    assert client.get(f"/admin/planning/savedscenario/{saved.pk}/change/").status_code == 200


def test_api_changes_and_deletes_are_logged_with_the_actor(cda_a) -> None:  # type: ignore[no-untyped-def]
    saved = make_scenario(cda_a)
    client = api_as(cda_a)
    client.patch(f"/api/planning/scenarios/{saved.slug}/", {"description": "v2"}, format="json")
    client.delete(f"/api/planning/scenarios/{saved.slug}/")
    entries = LogEntry.objects.filter(object_pk=str(saved.pk), actor=cda_a)
    assert {e.action for e in entries} >= {LogEntry.Action.UPDATE, LogEntry.Action.DELETE}


def test_a_saved_scenario_page_shows_its_history(client: Client, cda_a) -> None:  # type: ignore[no-untyped-def]
    client.force_login(cda_a)
    inputs = client.get("/planning/").context["inputs_json"]
    client.post("/planning/save/", {"name": "Logged", "inputs": inputs})
    page = client.get("/planning/s/logged/")
    assert page.status_code == 200
    assert "Changes" in page.content.decode() and "cda-cluster-a" in page.content.decode()
