"""Curators open and save institutions in the admin; the change is recorded with the curator."""

import pytest
from auditlog.models import LogEntry
from django.test import Client

from clusterdev.institutions.models import Institution, StatusTable

pytestmark = pytest.mark.django_db


def test_curator_opens_the_admin_pages(client: Client, curator) -> None:  # type: ignore[no-untyped-def]
    client.force_login(curator)
    sbi = Institution.objects.get(slug="sbi")
    table = StatusTable.objects.get(key="status-2005")
    assert client.get("/admin/institutions/institution/").status_code == 200
    assert client.get(f"/admin/institutions/institution/{sbi.pk}/change/").status_code == 200
    assert client.get(f"/admin/institutions/statustable/{table.pk}/change/").status_code == 200
    assert client.get("/admin/institutions/timelineentry/").status_code == 200


def test_cda_cannot_open_the_institutions_admin(client: Client, cda_a) -> None:  # type: ignore[no-untyped-def]
    client.force_login(cda_a)
    assert client.get("/admin/institutions/institution/").status_code == 302


def test_an_edited_status_row_shows_in_the_institution_history(client: Client, curator) -> None:  # type: ignore[no-untyped-def]
    from auditlog.context import set_actor

    row = Institution.objects.get(slug="ruda").status_rows.get()
    with set_actor(curator):
        row.source_section = "2.5 (checked)"
        row.save()
    entry = LogEntry.objects.get_for_object(row).order_by("-timestamp").first()
    assert entry.changes_dict["source_section"] == ["2.5", "2.5 (checked)"]
    body = client.get("/institutions/ruda/").content.decode()
    assert "2.5 (checked)" in body and curator.username in body
