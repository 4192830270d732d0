"""Institution staff start and edit initiatives on the pages; a CDA edits hers, not others'."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.test import Client

from clusterdev.initiatives.models import Initiative

pytestmark = pytest.mark.django_db


def _as(user=None) -> Client:
    client = Client()
    if user:
        client.force_login(user)
    return client


def _form(institution, **extra):
    data = {
        "title": "Glassware upgrade",
        "institution": institution.pk,
        "cluster": "firozabad-glass",
        "summary": "Energy-efficient furnaces for small units",
        "status": "proposed",
        "start_date": "2026-04-01",
        "planned_end_date": "2029-03-31",
        "objectives": ["competitiveness", "employment"],
        "approach": "technology",
        "cdas": "cda-cluster-a",
        "ta": "ta-mentor",
    }
    data.update(extra)
    return data


def test_staff_create_an_initiative_with_its_cda_and_ta(staff, institution, cda_a, ta):
    response = _as(staff).post("/initiatives/new/", _form(institution))
    initiative = Initiative.objects.get(title="Glassware upgrade")
    assert response.status_code == 302 and response["Location"] == f"/initiatives/{initiative.pk}/"
    assert list(initiative.cdas.all()) == [cda_a]
    assert initiative.ta == ta
    assert initiative.cluster.slug == "firozabad-glass"
    assert LogEntry.objects.get_for_object(initiative).filter(actor=staff).exists()


def test_a_cda_without_an_institution_cannot_start_an_initiative(cda_a, institution):
    assert _as(cda_a).get("/initiatives/new/").status_code == 403
    assert _as(cda_a).post("/initiatives/new/", _form(institution)).status_code == 403
    assert not Initiative.objects.filter(title="Glassware upgrade").exists()


def test_the_public_is_sent_to_sign_in(institution):
    response = _as().get("/initiatives/new/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_bad_input_names_the_fields_and_saves_nothing(staff, institution):
    response = _as(staff).post(
        "/initiatives/new/",
        _form(
            institution,
            cluster="no-such-cluster",
            planned_end_date="2020-01-01",
            cdas="nobody-here",
        ),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "No cluster has this short name." in page
    assert "No user called: nobody-here." in page
    assert "Nothing was saved" in page
    assert not Initiative.objects.filter(title="Glassware upgrade").exists()


def test_end_date_before_start_is_refused_on_edit(cda_a, initiative_a):
    initiative_a.start_date = "2026-01-01"
    initiative_a.save()
    data = _form(initiative_a.institution, title="Initiative A", planned_end_date="2025-01-01")
    response = _as(cda_a).post(f"/initiatives/{initiative_a.pk}/edit/", data)
    assert response.status_code == 400
    assert "The end date cannot be before the start date." in response.content.decode()
    initiative_a.refresh_from_db()
    assert initiative_a.planned_end_date is None


def test_a_cda_edits_her_initiative_but_not_its_people(cda_a, cda_b, initiative_a):
    data = _form(initiative_a.institution, title="Initiative A, renamed", cdas="cda-cluster-b")
    response = _as(cda_a).post(f"/initiatives/{initiative_a.pk}/edit/", data)
    assert response.status_code == 302
    initiative_a.refresh_from_db()
    assert initiative_a.title == "Initiative A, renamed"
    assert list(initiative_a.cdas.all()) == [cda_a]  # assignment is the staff's decision


def test_a_cda_of_another_cluster_cannot_open_the_edit_page(cda_b, initiative_a):
    assert _as(cda_b).get(f"/initiatives/{initiative_a.pk}/edit/").status_code == 404
    data = _form(initiative_a.institution, title="Hijacked")
    assert _as(cda_b).post(f"/initiatives/{initiative_a.pk}/edit/", data).status_code == 404
    initiative_a.refresh_from_db()
    assert initiative_a.title == "Initiative A"
