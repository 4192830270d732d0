"""The list filters by category, state and role, searches, and downloads what it shows."""

import csv
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def _csv(client: Client, **params: str) -> list[dict[str, str]]:
    response = client.get("/institutions/", {**params, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="institutions.csv"'
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_filters_narrow_the_list(client: Client) -> None:
    assert len(_csv(client)) == 36
    states = {r["slug"] for r in _csv(client, category="state_government")}
    assert states == {
        "gujarat-industries",
        "kerala-industries",
        "kerala-coir",
        "mp-rural-industries",
        "ap-industries",
        "orissa-industries",
        "ruda",
    }
    assert {r["slug"] for r in _csv(client, state="IN-KL")} == {"kerala-industries", "kerala-coir"}
    research = {r["slug"] for r in _csv(client, role="research")}
    assert research == {"unido-cdp", "ilo", "edii"}


def test_search_finds_names_and_abbreviations(client: Client) -> None:
    assert [r["slug"] for r in _csv(client, q="wool")] == ["wool-board"]
    body = client.get("/institutions/", {"q": "NABARD"}).content.decode()
    assert "National Bank for Agriculture and Rural Development" in body


def test_csv_columns_carry_roles_clusters_and_source(client: Client) -> None:
    sbi = next(r for r in _csv(client, q="SBI") if r["slug"] == "sbi")
    assert "firozabad-glass" in sbi["clusters"].split(";")
    assert sbi["source"] == "fmc-2005-clustering-for-progress"
    assert sbi["thrust_areas"] == "credit;technology"


def test_xlsx_export_has_the_filtered_rows(client: Client) -> None:
    response = client.get("/institutions/", {"category": "international", "export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "slug"
    assert len(rows) == 1 + 4


def test_bad_filters_get_400_not_500(client: Client) -> None:
    assert client.get("/institutions/", {"category": "planet"}).status_code == 400
    assert client.get("/institutions/", {"export": "pdf"}).status_code == 400
    assert client.get("/institutions/", {"state": "IN-XX", "export": "csv"}).status_code == 400
    assert client.get("/api/institutions/", {"role": "astrology"}).status_code == 400
