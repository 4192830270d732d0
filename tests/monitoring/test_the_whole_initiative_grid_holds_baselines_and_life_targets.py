"""The "whole" grid enters baselines and life targets (no period), by disaggregation too;
without htmx a save redirects to the M&E page."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clusterdev.monitoring.models import Value
from tests.monitoring.helpers import periods, plan

pytestmark = pytest.mark.django_db


def test_baselines_by_size_and_a_life_target(client, staff, initiative_a, initiative_b):
    plan(initiative_a)
    client.force_login(staff)
    url = f"/monitoring/initiatives/{initiative_a.pk}/grid/whole/"
    page = client.get(url).content.decode()
    assert 'name="v-turnover-baseline--micro-"' in page
    assert 'name="v-turnover-life_target-----"' not in page  # three blanks: total
    assert 'name="v-turnover-life_target---"' in page
    response = client.post(
        url,
        {
            "v-turnover-baseline---": "1,000",
            "v-turnover-baseline--micro-": "400",
            "v-turnover-life_target---": "1500",
        },
    )
    assert response.status_code == 302
    found = {
        (v.kind, v.size, v.period_id): v.value
        for v in Value.objects.filter(initiative=initiative_a)
    }
    assert found == {
        ("baseline", "", None): Decimal(1000),
        ("baseline", "micro", None): Decimal(400),
        ("life_target", "", None): Decimal(1500),
    }
    other = periods(initiative_b, 1)[0]
    assert (
        client.get(f"/monitoring/initiatives/{initiative_a.pk}/grid/{other.pk}/").status_code == 404
    )
