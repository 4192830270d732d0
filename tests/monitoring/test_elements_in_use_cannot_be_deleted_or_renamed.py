"""A data element that values or indicator formulas use cannot be deleted (409) or renamed
(400): the catalogue never leaves a formula reading an unknown code."""

from __future__ import annotations

import pytest

from clusterdev.monitoring.models import DataElement
from tests.conftest import api_as
from tests.monitoring.helpers import catalogue, plan, value

pytestmark = pytest.mark.django_db


def test_in_use_elements_are_kept(curator, initiative_a):
    catalogue()
    client = api_as(curator)
    response = client.delete("/api/monitoring/elements/exports/")
    assert response.status_code == 409 and "export_share" in response.json()["detail"]
    response = client.patch("/api/monitoring/elements/exports/", {"code": "x"}, format="json")
    assert response.status_code == 400 and "export_share" in str(response.json()["code"])
    plan(initiative_a)
    value(initiative_a, "joint_actions", "baseline", 2)
    assert client.delete("/api/monitoring/elements/joint_actions/").status_code == 409
    assert client.delete("/api/monitoring/elements/bmo_exists/").status_code == 204
    assert not DataElement.objects.filter(code="bmo_exists").exists()


def test_the_admin_form_refuses_the_rename(client, national_admin):
    catalogue()
    client.force_login(national_admin)
    element = DataElement.objects.get(code="exports")
    response = client.post(
        f"/admin/monitoring/dataelement/{element.pk}/change/",
        {
            "code": "exp",
            "name": element.name,
            "unit": "",
            "value_type": "number",
            "disaggregations": "[]",
            "description": "",
            "source": "x",
        },
    )
    assert response.status_code == 200 and "cannot be renamed" in response.content.decode()
    assert DataElement.objects.filter(code="exports").exists()
