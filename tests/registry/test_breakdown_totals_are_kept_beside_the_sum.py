"""A stated total is kept beside the sum of its parts, and a difference is flagged."""

from decimal import Decimal

import pytest
from django.test import Client

from clusterdev.registry.models import Breakdown

pytestmark = pytest.mark.django_db


def test_handicraft_groups_fall_short_of_the_stated_2960() -> None:
    breakdown = Breakdown.objects.get(key="handicraft-clusters-by-product-group")
    assert breakdown.stated_total == Decimal(2960)
    assert breakdown.computed_total == Decimal(2615)
    assert breakdown.difference == Decimal(345)


def test_hr_table_parts_add_up_to_its_stated_total() -> None:
    assert Breakdown.objects.get(key="hr-required-by-2010").difference == 0


def test_figures_page_flags_the_difference(client: Client) -> None:
    response = client.get("/figures/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-testid="total-differs"' in body
    assert "345" in body
    assert "2,042" in body or "2042" in body
