"""The status table's download has the page's rows with their counts as written ("8?"), the
uncertain flag as a column of its own, and the stated and computed totals as lines."""

import pytest
from django.test import Client

from tests.institutions.downloads import csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db


def test_the_file_has_the_rows_of_the_page_as_written(client: Client) -> None:
    page = client.get("/institutions/status/")
    assert b"?export=csv" in page.content and b"?export=xlsx" in page.content
    shown = [
        (table.key, r.name_as_written, r.counts_as_written)
        for table, _totals in page.context["tables"]
        for r in table.rows.all()
    ]
    lines = csv_rows(client, "/institutions/status/")
    rows = [line for line in lines if line["line"] == "row"]
    assert [(r["table"], r["name_as_written"], r["counts_as_written"]) for r in rows] == shown
    ruda = next(r for r in rows if r["institution"] == "ruda")
    assert (ruda["counts_as_written"], ruda["uncertain"]) == ("8? + (5)", "true")
    assert (ruda["completed"], ruda["in_progress"]) == ("8", "5")
    nabard = next(r for r in rows if r["institution"] == "nabard")
    assert (nabard["in_progress"], nabard["uncertain"]) == ("", "false")


def test_the_stated_and_computed_totals_are_lines_of_their_own(client: Client) -> None:
    lines = {line["line"]: line for line in csv_rows(client, "/institutions/status/")}
    stated, computed = lines["stated_total"], lines["sum_of_rows"]
    assert stated["counts_as_written"] == "Total: 1037 [314 + (721)]"
    assert (stated["completed"], stated["in_progress"], stated["total"]) == ("314", "721", "1037")
    assert (computed["completed"], computed["in_progress"], computed["total"]) == (
        "334",
        "718",
        "1052",
    )
    assert lines["stated_minus_sum"]["total"] == "-15"


def test_the_xlsx_has_the_same_lines(client: Client) -> None:
    sheet = xlsx_rows(client, "/institutions/status/")
    assert sheet[0][:3] == ("table", "as_of", "line")
    assert len(sheet) == 1 + 34 + 3
    assert client.get("/institutions/status/", {"export": "pdf"}).status_code == 400
