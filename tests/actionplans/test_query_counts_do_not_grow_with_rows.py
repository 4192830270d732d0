"""List pages and API lists run a fixed number of queries, whatever the number of rows.

Baselines are in tests/actionplans/query_counts.json; a change that adds a query must update
that file on purpose.
"""

import json
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from clusterdev.actionplans import services
from clusterdev.actionplans.models import SPV, ActivityProgress, CommonFacility, EnterpriseNetwork
from clusterdev.diagnostics.models import Constraint
from tests.actionplans.helpers import add_activity, approved_plan, web
from tests.conftest import api_as

pytestmark = pytest.mark.django_db
BASELINES = json.loads((Path(__file__).with_name("query_counts.json")).read_text())
PAGES = {
    "actionplans_index": "/action-plans/",
    "actionplans_plan": "/action-plans/initiatives/{pk}/",
    "actionplans_compare": "/action-plans/initiatives/{pk}/compare/",
    "actionplans_implementation": "/action-plans/initiatives/{pk}/implementation/",
    "api_actionplan_plans": "/api/action-plans/plans/",
    "api_actionplan_activities": "/api/action-plans/activities/",
    "api_actionplan_progress": "/api/action-plans/progress/",
    "api_actionplan_spvs": "/api/action-plans/spvs/",
}


def _grow(initiative, reviewer, start: int, count: int) -> None:
    """More activities (with constraints and progress), facilities, SPVs and networks."""
    constraint = Constraint.objects.create(initiative=initiative, area="skills", title="Skills")
    draft = services.current(initiative)
    if draft is None or draft.locked:
        draft = services.new_version(initiative)
    for index in range(start, start + count):
        activity = add_activity(draft, f"A{index}")
        activity.constraints.add(constraint)
        facility = CommonFacility.objects.create(
            initiative=initiative, name=f"F{index}", cost_inr=1
        )
        SPV.objects.create(initiative=initiative, name=f"S{index}", legal_form="company",
                           members=3, facility=facility)  # fmt: skip
        EnterpriseNetwork.objects.create(initiative=initiative, name=f"N{index}",
                                         purpose="other", members=5)  # fmt: skip
    services.submit(draft)
    services.review(draft, reviewer, "approved")
    for activity in draft.activities.all():
        ActivityProgress.objects.create(activity=activity, date="2026-02-01",
                                        percent_complete=10, spent_inr=1)  # fmt: skip


def _count(client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
        assert response.status_code == 200, path
    return len(queries)


@pytest.mark.parametrize("name", list(PAGES))
def test_counts_match_the_baseline(name, cda_a, ta, initiative_a):
    approved_plan(initiative_a, ta, "A1")
    _grow(initiative_a, ta, 2, 1)
    path = PAGES[name].format(pk=initiative_a.pk)
    client = api_as(cda_a) if name.startswith("api_") else web(cda_a)
    before = _count(client, path)
    _grow(initiative_a, ta, 10, 12)
    after = _count(client, path)
    assert after == before, f"{name}: {before} queries with few rows, {after} with more (N+1?)"
    assert after == BASELINES[name], (
        f"{name} runs {after} queries; the baseline is {BASELINES.get(name)}. If intended, "
        "update tests/actionplans/query_counts.json."
    )
