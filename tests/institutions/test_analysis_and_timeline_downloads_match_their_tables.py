"""The section 2.4 analysis and the 1989–2005 timeline download the rows their tables show."""

import pytest
from django.test import Client

from tests.institutions.downloads import csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db


def test_the_analysis_file_has_the_tables_rows_and_ticks(client: Client) -> None:
    page = client.get("/institutions/analysis/")
    assert b"?export=csv" in page.content
    rows = csv_rows(client, "/institutions/analysis/")
    assert [r["institution"] for r in rows] == [
        i.analysis_label for i in page.context["institutions"]
    ]
    unido = next(r for r in rows if r["slug"] == "unido-cdp")
    assert unido["own_employees"] == "yes" and unido["external_institutions"] == ""
    assert (unido["private_leverage_over_20"], unido["public_leverage_over_20"]) == ("YES", "YES")
    assert unido["social_capital_thrust"] == "yes"
    sidbi = next(r for r in rows if r["slug"] == "sidbi")
    assert (sidbi["credit"], sidbi["technology"], sidbi["employment"]) == ("yes", "yes", "")
    assert sidbi["social_capital_thrust"] == ""  # not stated: an empty cell, as on the page
    assert len(xlsx_rows(client, "/institutions/analysis/")) == 1 + 12


def test_the_timeline_file_has_one_line_per_year_of_the_table(client: Client) -> None:
    page = client.get("/institutions/timeline/")
    assert b"?export=csv" in page.content
    rows = csv_rows(client, "/institutions/timeline/")
    assert [int(r["year"]) for r in rows] == [y["year"] for y in page.context["years"]]
    years = {int(r["year"]): r for r in rows}
    assert years[1989]["new_that_year"] == "sbi"
    assert years[2003]["cumulative_clusters"] == "619"
    assert years[2003]["institutions_with_figures"] == "15"
    assert years[1998]["cumulative_clusters"] == ""
    assert (years[2005]["institutions_named"], years[2005]["stated_in_text"]) == ("21", "20")
    assert years[2005]["stated_differs"] == "true"
    assert len(xlsx_rows(client, "/institutions/timeline/")) == 1 + len(rows)
