from __future__ import annotations

import pytest
from django.test import Client

from clusterdev.initiatives.models import StepRecord

pytestmark = pytest.mark.django_db


def _as(user=None) -> Client:
    client = Client()
    if user:
        client.force_login(user)
    return client


def test_list_page_shows_visible_rows_per_viewer(cda_a, cda_b, staff, initiative_a, initiative_b):
    public = _as().get("/initiatives/").content.decode()
    assert "Initiative A" in public and "Initiative B" not in public
    assert "Initiative B" not in _as(cda_a).get("/initiatives/").content.decode()
    assert "Initiative B" in _as(staff).get("/initiatives/").content.decode()
    assert "Initiative A" not in _as(staff).get("/initiatives/?step=2").content.decode()


def test_detail_page_hides_private_records_from_others(cda_a, cda_b, initiative_a, initiative_b):
    StepRecord.objects.create(initiative=initiative_a, step=1, summary="Secret shortlist notes")
    assert "Secret shortlist" in _as(cda_a).get(f"/initiatives/{initiative_a.pk}/").content.decode()
    for client in (_as(), _as(cda_b)):
        page = client.get(f"/initiatives/{initiative_a.pk}/")
        assert page.status_code == 200
        assert "Secret shortlist" not in page.content.decode()
    assert _as(cda_a).get(f"/initiatives/{initiative_b.pk}/").status_code == 404
    assert _as(cda_b).get(f"/initiatives/{initiative_a.pk}/selection/").status_code == 404


def test_advance_button_explains_a_refusal_and_the_ta_approves(cda_a, ta, initiative_a):
    page = _as(cda_a).post(f"/initiatives/{initiative_a.pk}/advance/", follow=True)
    assert "no record yet" in page.content.decode()
    record = StepRecord.objects.create(initiative=initiative_a, step=1, status="submitted")
    _as(ta).post(f"/initiatives/records/{record.pk}/review/", {"decision": "approved"})
    record.refresh_from_db()
    assert record.status == "approved"
    _as(cda_a).post(f"/initiatives/{initiative_a.pk}/advance/")
    initiative_a.refresh_from_db()
    assert initiative_a.step == 2


def test_selection_page_rejects_all_zero_weights(cda_a, initiative_a):
    query = "socio_economic_importance=0&promotability=0&viability=0&sustainability=0"
    page = _as(cda_a).get(f"/initiatives/{initiative_a.pk}/selection/?{query}")
    assert "At least one weight must be above zero" in page.content.decode()
