"""The compare page downloads every activity of both versions side by side: the page's added,
removed and changed rows (and the unchanged ones), for the versions it compares."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from clusterdev.actionplans import services
from tests.actionplans.helpers import add_activity, approved_plan, web

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_versions(ta, initiative_a):
    """v1 approved (A1-A3), v2 approved (+A9), v3 draft (A2 removed, A1 changed, +A10)."""
    approved_plan(initiative_a, ta, "A1", "A2", "A3")
    approved_plan(initiative_a, ta, "A9")
    current = services.new_version(initiative_a)
    services.delete_activity(current.activities.get(code="A2"))
    a1 = current.activities.get(code="A1")
    services.save_activity(
        current, a1, {"budget_inr": Decimal(150000), "share_private": Decimal(50),
                      "share_institution": Decimal(20), "responsible": "SPV"},
    )  # fmt: skip
    add_activity(current, "A10", budget_inr=Decimal(5000))
    return current


def _csv(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_file_has_the_pages_rows_side_by_side(cda_a, initiative_a, three_versions):
    path = f"/action-plans/initiatives/{initiative_a.pk}/compare/"
    page = web(cda_a).get(path)
    assert b"?a=1&amp;b=3&amp;export=csv" in page.content
    result = page.context["result"]
    rows = {r["code"]: r for r in _csv(web(cda_a).get(path, {"a": 1, "b": 3, "export": "csv"}))}
    by_change = {}
    for code, row in rows.items():
        by_change.setdefault(row["change"].split(":")[0], set()).add(code)
    assert by_change["added"] == {r["code"] for r in result.added} == {"A9", "A10"}
    assert by_change["removed"] == {r["code"] for r in result.removed} == {"A2"}
    assert by_change["changed"] == {after["code"] for _b, after, _c in result.changed}
    assert len(by_change["unchanged"]) == result.unchanged
    a1 = rows["A1"]
    assert (a1["budget_inr_v1"], a1["budget_inr_v3"]) == ("100000.00", "150000.00")
    assert (a1["responsible_v1"], a1["responsible_v3"]) == ("Association", "SPV")
    assert "budget_inr" in a1["change"] and "responsible" in a1["change"]
    assert rows["A2"]["title_v3"] == "" and rows["A10"]["title_v1"] == ""


def test_the_xlsx_follows_the_chosen_versions_and_readers(
    cda_a, cda_b, initiative_a, three_versions
):
    path = f"/action-plans/initiatives/{initiative_a.pk}/compare/"
    response = web(cda_a).get(path, {"a": 2, "b": 3, "export": "xlsx"})
    sheet = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert sheet[0][:4] == ("code", "change", "title_v2", "title_v3")
    assert len(sheet) == 1 + 5  # A1, A3, A9, A10 in v3, and A2 removed
    assert web(cda_a).get(path, {"export": "pdf"}).status_code == 400
    assert web(cda_b).get(path, {"export": "csv"}).status_code == 404
