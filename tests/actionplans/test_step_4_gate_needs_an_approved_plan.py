import pytest

from clusterdev.actionplans import services
from clusterdev.actionplans.gate import gate_problem
from tests.actionplans.helpers import add_activity, approved_plan

pytestmark = pytest.mark.django_db


def test_leaving_step_4_needs_an_approved_version(ta, initiative_a):
    initiative_a.step = 4
    assert "approved action plan" in gate_problem(initiative_a)
    plan = services.new_version(initiative_a)
    add_activity(plan, "A1")
    services.submit(plan)
    assert gate_problem(initiative_a) is not None  # submitted is not approved
    services.review(plan, ta, "approved")
    assert gate_problem(initiative_a) is None


def test_a_superseded_approval_still_counts(ta, initiative_a):
    approved_plan(initiative_a, ta, "A1")
    services.new_version(initiative_a)  # a new draft does not undo the approval
    initiative_a.step = 4
    assert gate_problem(initiative_a) is None


def test_other_steps_add_no_condition(initiative_a):
    for step in (1, 2, 3, 5, 6):
        initiative_a.step = step
        assert gate_problem(initiative_a) is None
