"""The table's stated total is shown beside the computed one; a difference is flagged."""

import pytest
from django.test import Client

from clusterdev.institutions.models import StatusTable

pytestmark = pytest.mark.django_db


def test_totals_are_computed_and_the_source_is_not_corrected() -> None:
    totals = StatusTable.objects.get(key="status-2005").totals()
    assert totals["computed"] == {"completed": 334, "in_progress": 718, "total": 1052}
    assert totals["stated"] == {"completed": 314, "in_progress": 721, "total": 1037}
    assert totals["difference"] == {"completed": -20, "in_progress": 3, "total": -15}
    assert totals["differs"] is True
    assert totals["uncertain_rows"] == 1


def test_the_page_shows_both_totals_and_flags_the_difference(client: Client) -> None:
    body = client.get("/institutions/status/").content.decode()
    assert "1,052" in body and "1,037" in body
    assert "Total: 1037 [314 + (721)]" in body
    assert 'data-testid="totals-differ"' in body
    assert "8? + (5)" in body and 'data-testid="uncertain"' in body


def test_a_table_whose_total_matches_shows_no_flag(client: Client) -> None:
    table = StatusTable.objects.get(key="status-2005")
    table.stated_total, table.stated_completed, table.stated_in_progress = 1052, 334, 718
    table.save()
    body = client.get("/institutions/status/").content.decode()
    assert 'data-testid="totals-differ"' not in body
    assert "equal the sum of the rows" in body


def test_the_api_gives_the_same_totals(api) -> None:  # type: ignore[no-untyped-def]
    data = api.get("/api/institution-status-tables/status-2005/").json()
    assert data["totals"]["computed"]["total"] == 1052
    assert data["stated_total"] == 1037
    assert data["totals"]["differs"] is True
