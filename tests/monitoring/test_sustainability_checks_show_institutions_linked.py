"""Sustainability checks are dated assessments; the number of institutions linked is shown
beside the data element "institutions_linked" when it has a value."""

from __future__ import annotations

import pytest

from clusterdev.monitoring.models import SustainabilityCheck
from tests.conftest import api_as
from tests.monitoring.helpers import periods, plan, value

pytestmark = pytest.mark.django_db


def test_the_page_saves_a_check_and_shows_the_element(client, cda_a, initiative_a):
    plan(initiative_a)
    period = periods(initiative_a, 1)[0]
    value(initiative_a, "institutions_linked", "baseline", 3)
    value(initiative_a, "institutions_linked", "actual", 14, period)
    client.force_login(cda_a)
    url = f"/monitoring/initiatives/{initiative_a.pk}/sustainability/"
    bad = client.post(url, {"date": "", "can_identify": "maybe", "institutions_linked": "-1"})
    assert bad.status_code == 400 and not SustainabilityCheck.objects.exists()
    response = client.post(
        url,
        {
            "date": "2025-03-31",
            "can_identify": "yes",
            "can_carry_out": "partly",
            "institutions_linked": "13",
            "notes": "BMO runs the CFC",
        },
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "13" in page and "institutions_linked: 14" in page and "Partly" in page


def test_the_api_gives_the_element_value_beside_the_count(cda_a, initiative_a):
    plan(initiative_a)
    value(initiative_a, "institutions_linked", "baseline", 3)
    response = api_as(cda_a).post(
        "/api/monitoring/sustainability/",
        {
            "initiative": initiative_a.pk,
            "date": "2025-03-31",
            "can_identify": "partly",
            "can_carry_out": "no",
            "institutions_linked": 5,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["institutions_linked_element"] == "3.0000"
    bad = api_as(cda_a).post(
        "/api/monitoring/sustainability/",
        {
            "initiative": initiative_a.pk,
            "date": "2025-03-31",
            "can_identify": "sometimes",
            "can_carry_out": "no",
            "institutions_linked": 50000,
        },
        format="json",
    )
    assert bad.status_code == 400 and {"can_identify", "institutions_linked"} <= set(bad.json())
