"""The periods (with who approved them) and the sustainability checks download too."""

from __future__ import annotations

import csv
import io

import pytest

from clusterdev.monitoring import services
from clusterdev.monitoring.models import SustainabilityCheck
from tests.monitoring.helpers import periods

pytestmark = pytest.mark.django_db


def _csv(response) -> list[dict]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_periods_and_checks(client, staff, ta, cda_b, initiative_a):
    first, _second = periods(initiative_a)
    services.approve(first, ta)
    SustainabilityCheck.objects.create(
        initiative=initiative_a,
        date="2025-03-31",
        can_identify="partly",
        can_carry_out="no",
        institutions_linked=4,
    )
    client.force_login(staff)
    base = f"/monitoring/initiatives/{initiative_a.pk}/"
    rows = _csv(client.get(base + "periods/?export=csv"))
    assert [(r["label"], r["approved"], r["approved_by"]) for r in rows] == [
        ("FY2024", "True", "ta-mentor"),
        ("FY2025", "False", ""),
    ]
    checks = _csv(client.get(base + "sustainability/?export=csv"))
    assert checks[0]["can_identify"] == "partly" and checks[0]["institutions_linked"] == "4"
    assert client.get(base + "sustainability/?export=xlsx").status_code == 200
    assert client.get(base + "periods/?export=json").status_code == 400
    client.force_login(cda_b)
    assert client.get(base + "periods/?export=csv").status_code == 404
