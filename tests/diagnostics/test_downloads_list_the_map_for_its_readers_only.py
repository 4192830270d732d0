"""The constraints, actors and ties downloads (CSV and XLSX) hold the initiative's rows for its
readers and do not exist for a CDA of another cluster."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.test import Client

from tests.diagnostics.helpers import mapped

pytestmark = pytest.mark.django_db


def _as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _csv(response) -> list[dict[str, str]]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_readers_download_every_list_and_cda_b_gets_404(ta, cda_b, initiative_a):
    mapped(initiative_a, actors=3)
    base = f"/diagnostics/initiatives/{initiative_a.pk}/download"
    actors = _csv(_as(ta).get(f"{base}/actors.csv"))
    assert sorted(row["name"] for row in actors) == ["Glass association", "Unit 1", "Unit 2"]
    assert {row["name"]: row["ties"] for row in actors}["Glass association"] == "2"
    ties = _csv(_as(ta).get(f"{base}/ties.csv"))
    assert {(row["from"], row["to"]) for row in ties} == {
        ("Unit 1", "Glass association"),
        ("Unit 2", "Glass association"),
    }
    sheet = openpyxl.load_workbook(io.BytesIO(_as(ta).get(f"{base}/constraints.xlsx").content))
    values = [cell.value for row in sheet.active.iter_rows() for cell in row]
    assert "Old furnaces" in values
    for what in ("constraints", "actors", "ties"):
        for fmt in ("csv", "xlsx"):
            assert _as(cda_b).get(f"{base}/{what}.{fmt}").status_code == 404
    assert _as(ta).get(f"{base}/people.csv").status_code == 400
