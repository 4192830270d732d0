"""An initiative cannot be completed without an approved period and a sustainability check."""

from __future__ import annotations

import pytest

from clusterdev.monitoring import services
from clusterdev.monitoring.gate import completion_problem
from clusterdev.monitoring.models import SustainabilityCheck
from tests.monitoring.helpers import periods

pytestmark = pytest.mark.django_db


def test_each_missing_record_is_named(initiative_a, ta):
    problem = completion_problem(initiative_a)
    assert "approved monitoring period" in problem and "sustainability check" in problem
    period = periods(initiative_a, 1)[0]
    services.approve(period, ta)
    problem = completion_problem(initiative_a)
    assert "sustainability check" in problem and "period" not in problem
    SustainabilityCheck.objects.create(
        initiative=initiative_a, date="2025-03-31", can_identify="yes", can_carry_out="yes",
        institutions_linked=12,
    )  # fmt: skip
    assert completion_problem(initiative_a) is None
    services.unlock(period, ta, "correction")
    assert "approved monitoring period" in completion_problem(initiative_a)
