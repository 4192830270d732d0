"""The list, the portfolio and their downloads show each viewer exactly her rows; private
columns (CDAs, TA) are filled only for initiatives she may read in full."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

pytestmark = pytest.mark.django_db


def _as(user=None) -> Client:
    client = Client()
    if user:
        client.force_login(user)
    return client


def _csv(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def test_the_public_downloads_published_initiatives_without_people(initiative_a, initiative_b):
    rows = _csv(_as().get("/initiatives/?export=csv"))
    assert [r["title"] for r in rows] == ["Initiative A"]
    assert rows[0]["cdas"] == "" and rows[0]["ta"] == ""


def test_a_cda_downloads_her_initiative_in_full_and_others_in_summary(
    cda_a, cda_b, initiative_a, initiative_b
):
    rows = {r["title"]: r for r in _csv(_as(cda_b).get("/initiatives/?export=csv"))}
    assert set(rows) == {"Initiative A", "Initiative B"}
    assert rows["Initiative B"]["cdas"] == "cda-cluster-b"
    assert rows["Initiative A"]["cdas"] == ""  # published summary only


def test_xlsx_and_filters_agree_with_the_page(staff, initiative_a, initiative_b):
    initiative_b.step = 2
    initiative_b.status = "active"
    initiative_b.save()
    response = _as(staff).get("/initiatives/?step=2&export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["Initiative B"]
    assert _as(staff).get("/initiatives/?export=json").status_code == 400


def test_portfolio_counts_only_what_the_viewer_may_see(national_admin, initiative_a, initiative_b):
    public = _as().get("/initiatives/portfolio/").content.decode()
    admin = _as(national_admin).get("/initiatives/portfolio/").content.decode()
    assert '<span class="value">1</span><span class="label">initiatives' in public
    assert '<span class="value">2</span><span class="label">initiatives' in admin
    rows = _csv(_as().get("/initiatives/portfolio/?export=csv"))
    assert [r["title"] for r in rows] == ["Initiative A"]


def test_portfolio_report_is_a_pdf_listing_visible_initiatives(initiative_a, initiative_b):
    response = _as().get("/initiatives/portfolio/report.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_initiative_report_is_for_its_private_readers_only(cda_a, cda_b, initiative_a):
    response = _as(cda_a).get(f"/initiatives/{initiative_a.pk}/report.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert _as(cda_b).get(f"/initiatives/{initiative_a.pk}/report.pdf").status_code == 404
    assert _as().get(f"/initiatives/{initiative_a.pk}/report.pdf").status_code == 302
