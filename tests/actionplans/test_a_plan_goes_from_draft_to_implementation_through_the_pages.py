import pytest

from clusterdev.actionplans.models import ActionPlan, Activity, ActivityProgress
from clusterdev.diagnostics.models import Constraint
from tests.actionplans.helpers import activity_data, web

pytestmark = pytest.mark.django_db


def test_end_to_end(cda_a, ta, initiative_a):
    constraint = Constraint.objects.create(initiative=initiative_a, area="technology",
                                           title="Old furnaces")  # fmt: skip
    cda, mentor = web(cda_a), web(ta)
    base = f"/action-plans/initiatives/{initiative_a.pk}/"
    assert "Start the action plan" in cda.get(base).content.decode()
    cda.post(f"{base}new-version/", {"note": "First plan"})
    plan = ActionPlan.objects.get()
    assert (plan.version, plan.note) == (1, "First plan")
    saved = cda.post(
        f"/action-plans/plans/{plan.pk}/activities/new/",
        activity_data(constraints=[constraint.pk]),
    )
    assert saved.status_code == 302
    activity = Activity.objects.get()
    assert activity.code == "A1" and list(activity.constraints.all()) == [constraint]
    page = cda.get(base).content.decode()
    assert "Old furnaces" in page and "100,000" in page and "60,000" in page  # private amount
    edit = cda.post(
        f"/action-plans/activities/{activity.pk}/edit/",
        activity_data(code="A1", title="Furnace upgrade", budget_inr="200000"),
    )
    assert edit.status_code == 302
    cda.post(f"/action-plans/plans/{plan.pk}/submit/")
    assert "Review this version" in mentor.get(base).content.decode()
    mentor.post(f"/action-plans/plans/{plan.pk}/review/", {"decision": "approved"})
    plan.refresh_from_db()
    assert plan.status == "approved"
    page = cda.get(base).content.decode()
    assert "read-only" in page and "Add an activity" not in page
    assert "Approved by ta-mentor" in page
    cda.post(f"{base}progress/new/", {"activity": activity.pk, "date": "2026-03-01",
                                      "percent_complete": 30, "spent_inr": "50000"})  # fmt: skip
    assert ActivityProgress.objects.count() == 1
    implementation = cda.get(f"{base}implementation/").content.decode()
    assert "Furnace upgrade" in implementation and "25.0" in implementation  # 50k of 200k
    cda.post(f"{base}new-version/", {"note": "Revise"})
    assert ActionPlan.objects.filter(status="draft").get().version == 2
    removed = cda.post(
        f"/action-plans/activities/{ActionPlan.objects.get(version=2).activities.get().pk}/delete/"
    )
    assert removed.status_code == 302
    assert ActionPlan.objects.get(version=2).activities.count() == 0
    assert ActionPlan.objects.get(version=1).activities.count() == 1
    old = cda.get(f"{base}?version=1").content.decode()
    assert "Furnace upgrade" in old
    assert cda.get(f"{base}?version=7").status_code == 404


def test_every_change_is_recorded_with_the_initiative(cda_a, initiative_a):
    from auditlog.models import LogEntry

    web(cda_a).post(f"/action-plans/initiatives/{initiative_a.pk}/new-version/")
    plan = ActionPlan.objects.get()
    web(cda_a).post(f"/action-plans/plans/{plan.pk}/activities/new/", activity_data())
    entries = LogEntry.objects.filter(additional_data__initiative_id=initiative_a.pk)
    models = {e.content_type.model for e in entries}
    assert {"actionplan", "activity"} <= models
