"""Curators keep the catalogue (data elements and indicators) in Django's admin: they open,
add and change rows there, each save is a change record naming them; the initiatives' people
(CDAs, institution staff, TAs) cannot open it."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.test import Client

from clusterdev.monitoring.models import DataElement, Indicator
from tests.monitoring.helpers import catalogue

pytestmark = pytest.mark.django_db

ELEMENT = {
    "code": "looms",
    "name": "Looms working",
    "unit": "looms",
    "value_type": "count",
    "disaggregations": '["size"]',
    "description": "",
    "source": "Handloom census",
}


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_curator_opens_the_catalogue_in_the_admin(curator):
    catalogue()
    client = _as(curator)
    exports = DataElement.objects.get(code="exports")
    share = Indicator.objects.get(code="export_share")
    for path in (
        "/admin/monitoring/dataelement/",
        f"/admin/monitoring/dataelement/{exports.pk}/change/",
        "/admin/monitoring/indicator/",
        f"/admin/monitoring/indicator/{share.pk}/change/",
    ):
        assert client.get(path).status_code == 200, path


def test_a_curator_adds_an_element_and_an_indicator_and_both_are_recorded(curator):
    catalogue()
    client = _as(curator)
    response = client.post("/admin/monitoring/dataelement/add/", ELEMENT)
    assert response.status_code == 302, response.content.decode()[:2000]
    looms = DataElement.objects.get(code="looms")
    assert looms.disaggregations == ["size"]
    indicator = {"code": "looms_per_unit", "name": "Looms per enterprise", "unit": "",
                 "formula": "looms / units", "description": "", "source": "x"}  # fmt: skip
    assert client.post("/admin/monitoring/indicator/add/", indicator).status_code == 302
    created = Indicator.objects.get(code="looms_per_unit")
    assert created.element_codes() == ["looms", "units"]
    for row in (looms, created):
        entry = LogEntry.objects.get_for_object(row).get()
        assert entry.action == LogEntry.Action.CREATE and entry.actor == curator


def test_a_curator_renames_an_indicator_and_the_change_is_recorded(curator):
    catalogue()
    share = Indicator.objects.get(code="export_share")
    edit = {"code": share.code, "name": "Export share of sales", "unit": share.unit,
            "formula": share.formula, "description": share.description,
            "source": share.source}  # fmt: skip
    response = _as(curator).post(f"/admin/monitoring/indicator/{share.pk}/change/", edit)
    assert response.status_code == 302
    entry = LogEntry.objects.get_for_object(share).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == curator
    assert entry.changes_dict["name"][1] == "Export share of sales"


@pytest.mark.parametrize("who", ["cda_a", "staff", "ta"])
def test_the_initiatives_people_cannot_open_the_catalogue_admin(request, who):
    catalogue()
    client = _as(request.getfixturevalue(who))
    for path in ("/admin/monitoring/dataelement/", "/admin/monitoring/indicator/add/"):
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert client.post("/admin/monitoring/dataelement/add/", ELEMENT).status_code == 302
    assert not DataElement.objects.filter(code="looms").exists()
