"""A plan downloads as CSV, XLSX and PDF with its figures."""

import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from tests.planning.factories import make_scenario

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:  # type: ignore[no-untyped-def]
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_seed_downloads_as_csv_with_years_totals_and_hr(client: Client) -> None:
    response = client.get("/planning/export/csv/")
    text = _body(response).decode("utf-8-sig")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert "2006,1000,1000,200" in text and "2010,1000,5000,1000" in text
    assert "3000,2000,0,5000" in text
    assert "Total,,107300" in text


def test_the_current_inputs_download_as_xlsx(client: Client) -> None:
    response = client.get("/planning/export/xlsx/", {"clusters_per_year_max": "500"})
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    book = load_workbook(io.BytesIO(_body(response)))
    years = list(book["Years"].iter_rows(values_only=True))
    assert years[1][:4] == (2006, 500, 500, 100)
    assert list(book["Totals"].iter_rows(values_only=True))[1][3] == 5000
    assert "Human resources" in book.sheetnames and "Inputs" in book.sheetnames


def test_a_saved_scenario_downloads_as_pdf(client: Client, cda_a) -> None:  # type: ignore[no-untyped-def]
    saved = make_scenario(cda_a, "Half speed")
    response = client.get(f"/planning/s/{saved.slug}/export/pdf/")
    body = _body(response)
    assert response["Content-Type"] == "application/pdf"
    assert body.startswith(b"%PDF")
    total = f"{saved.result().hr_projection.totals.required:,}".encode()
    assert b"Half speed" in body and b"(500) Tj" in body and total in body
    assert b"Human resources" in body


def test_the_seed_downloads_as_pdf_and_xlsx_by_its_slug(client: Client) -> None:
    pdf = client.get("/planning/s/seed/export/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    assert b"107,300" in pdf.content and b"12,972" in pdf.content
    assert client.get("/planning/s/seed/export/xlsx/").status_code == 200


def test_bad_inputs_or_formats_do_not_download(client: Client) -> None:
    assert client.get("/planning/export/csv/", {"duration_years": "0"}).status_code == 400
    assert client.get("/planning/export/doc/").status_code == 404
