"""Values, periods, decisions and checks are change-logged with the initiative's id, so the
initiative's history lists them (deleted ones too)."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry

from clusterdev.monitoring import services
from clusterdev.monitoring.models import PeriodDecision, Value
from tests.monitoring.helpers import periods, plan, value

pytestmark = pytest.mark.django_db


def test_history_carries_the_initiative(initiative_a, ta):
    plan(initiative_a)
    period = periods(initiative_a, 1)[0]
    row = value(initiative_a, "turnover", "actual", 100, period)
    row_pk = row.pk
    services.delete_value(row)
    services.approve(period, ta)
    entries = LogEntry.objects.filter(additional_data__initiative_id=initiative_a.pk)
    models = {e.content_type.model for e in entries}
    assert {"value", "period", "perioddecision", "monitoringplan"} <= models
    deleted = entries.get(content_type__model="value", action=LogEntry.Action.DELETE)
    assert deleted.object_pk == str(row_pk)
    assert not Value.objects.exists() and PeriodDecision.objects.count() == 1
