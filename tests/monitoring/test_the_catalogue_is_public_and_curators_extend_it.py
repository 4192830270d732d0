"""Anyone reads the catalogue (page, API, downloads); curators and admins add to it without a
migration; others may not."""

from __future__ import annotations

import pytest

from clusterdev.monitoring.models import DataElement
from tests.conftest import api_as
from tests.monitoring.helpers import catalogue, rows

pytestmark = pytest.mark.django_db


def test_the_public_reads_the_catalogue(client, api):
    catalogue()
    page = client.get("/monitoring/")
    assert page.status_code == 200
    assert "exports / turnover * 100" in page.content.decode()
    codes = {row["code"] for row in rows(api.get("/api/monitoring/elements/?page_size=100"))}
    assert {"turnover", "employment", "institutions_linked"} <= codes
    assert api.get("/api/monitoring/indicators/export_share/").json()["elements"] == [
        "exports", "turnover"
    ]  # fmt: skip
    csv = client.get("/monitoring/?export=csv&list=indicators")
    assert csv.status_code == 200 and b"export_share" in b"".join(csv.streaming_content)
    assert client.get("/monitoring/?export=xlsx").status_code == 200
    assert client.get("/monitoring/?export=pdf").status_code == 400


@pytest.mark.parametrize("who", ["curator", "national_admin"])
def test_curators_and_admins_add_elements(request, who):
    client = api_as(request.getfixturevalue(who))
    response = client.post(
        "/api/monitoring/elements/",
        {
            "code": "looms",
            "name": "Looms working",
            "unit": "looms",
            "value_type": "count",
            "disaggregations": ["size"],
            "source": "Handloom census",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert DataElement.objects.get(code="looms").disaggregations == ["size"]


def test_bad_elements_are_400_with_field_errors(curator):
    client = api_as(curator)
    response = client.post(
        "/api/monitoring/elements/",
        {"code": "Bad Code", "name": "x", "value_type": "colour", "disaggregations": ["caste"]},
        format="json",
    )
    assert response.status_code == 400
    assert {"code", "value_type", "disaggregations"} <= set(response.json())
    response = client.post("/api/monitoring/elements/", {"code": "sum", "name": "x"}, format="json")
    assert response.status_code == 400 and "code" in response.json()


@pytest.mark.parametrize("who", ["cda_a", "staff", "ta"])
def test_others_may_not_write_the_catalogue(request, who):
    client = api_as(request.getfixturevalue(who))
    response = client.post("/api/monitoring/elements/", {"code": "x", "name": "x"}, format="json")
    assert response.status_code == 403
