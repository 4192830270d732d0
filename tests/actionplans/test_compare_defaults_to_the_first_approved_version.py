from decimal import Decimal

import pytest

from clusterdev.actionplans import services
from tests.actionplans.helpers import add_activity, approved_plan, web
from tests.conftest import api_as

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_versions(ta, initiative_a):
    approved_plan(initiative_a, ta, "A1", "A2", "A3")  # v1, first approved
    approved_plan(initiative_a, ta, "A9")  # v2 = copy of v1 + A9, approved
    current = services.new_version(initiative_a)  # v3 draft, copy of v2
    services.delete_activity(current.activities.get(code="A2"))
    a1 = current.activities.get(code="A1")
    services.save_activity(
        current, a1, {"budget_inr": Decimal(150000), "share_private": Decimal(50),
                      "share_institution": Decimal(20), "responsible": "SPV"},
    )  # fmt: skip
    add_activity(current, "A10", budget_inr=Decimal(5000))
    return current


def test_api_compares_the_current_version_with_the_first_approved(cda_a, three_versions):
    body = api_as(cda_a).get(f"/api/action-plans/plans/{three_versions.pk}/compare/").json()
    assert (body["version_a"], body["version_b"]) == (1, 3)
    assert sorted(r["code"] for r in body["added"]) == ["A10", "A9"]
    assert [r["code"] for r in body["removed"]] == ["A2"]
    changed = {r["code"]: {c["field"] for c in r["changes"]} for r in body["changed"]}
    assert changed == {"A1": {"budget_inr", "share_private", "share_institution", "responsible"}}
    assert body["unchanged"] == 1
    assert Decimal(body["total_change_inr"]) == Decimal(50000 + 100000 + 5000 - 100000)


def test_any_two_versions_can_be_compared(cda_a, three_versions):
    body = api_as(cda_a).get(f"/api/action-plans/plans/{three_versions.pk}/compare/?with=2").json()
    assert body["version_a"] == 2 and [r["code"] for r in body["added"]] == ["A10"]
    missing = api_as(cda_a).get(f"/api/action-plans/plans/{three_versions.pk}/compare/?with=9")
    assert missing.status_code == 404


def test_compare_page(cda_a, cda_b, initiative_a, three_versions):
    page = web(cda_a).get(f"/action-plans/initiatives/{initiative_a.pk}/compare/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Version 1 against version 3" in text and "first approved" in text
    assert "A10" in text and "A2" in text and "+55,000" in text
    other = web(cda_a).get(f"/action-plans/initiatives/{initiative_a.pk}/compare/?a=2&b=3")
    assert "Version 2 against version 3" in other.content.decode()
    assert (
        web(cda_b).get(f"/action-plans/initiatives/{initiative_a.pk}/compare/").status_code == 404
    )
