"""The actions on action plans, each in one transaction, and the checks pages and API share."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from clusterdev.actionplans import choices, rules
from clusterdev.actionplans.models import (
    ActionPlan,
    Activity,
    ActivityProgress,
    PlanReview,
)
from clusterdev.initiatives.dates import date_problems


class Conflict(Exception):
    """The plan's state forbids the action (the API answers 409)."""


class PlanLocked(Conflict):
    def __init__(self, plan: ActionPlan) -> None:
        super().__init__(
            f"Version {plan.version} of the action plan is {plan.get_status_display().lower()} "
            "and can no longer be changed; start a new version to change the plan."
        )


def current(initiative) -> ActionPlan | None:
    """The latest version of the initiative's plan."""
    return initiative.action_plans.order_by("-version").first()


def first_approved(initiative) -> ActionPlan | None:
    return initiative.action_plans.filter(status__in=choices.LOCKED).order_by("version").first()


def approved(initiative) -> ActionPlan | None:
    """The version being implemented: the approved one (at most one is not superseded)."""
    return initiative.action_plans.filter(status=choices.PlanStatus.APPROVED).first()


def check_editable(plan: ActionPlan) -> None:
    if plan.locked:
        raise PlanLocked(plan)


def _reopen(plan: ActionPlan) -> None:
    """Changing a submitted version sends it back to draft: reviewers see what they approve."""
    if plan.status == choices.PlanStatus.SUBMITTED:
        plan.status = choices.PlanStatus.DRAFT
        plan.save(update_fields=["status", "last_updated"])


def new_version(initiative, note: str = "") -> ActionPlan:
    """Start the next version as a copy of the latest (activities keep their codes)."""
    try:
        return _new_version(initiative, note)
    except IntegrityError:
        raise Conflict("Another version was started at the same time; reload the plan.") from None


def _new_version(initiative, note: str) -> ActionPlan:
    from clusterdev.initiatives.models import Initiative

    with transaction.atomic():
        Initiative.objects.select_for_update().get(pk=initiative.pk)
        latest = current(initiative)
        if latest is not None and latest.status in choices.OPEN:
            raise Conflict(
                f"Version {latest.version} is still {latest.get_status_display().lower()}; "
                "finish it (submit and get it reviewed) before starting another."
            )
        plan = ActionPlan.objects.create(
            initiative=initiative, version=(latest.version + 1) if latest else 1, note=note
        )
        if latest is not None:
            for old in latest.activities.prefetch_related("constraints"):
                linked = list(old.constraints.all())
                copy = Activity.objects.create(
                    plan=plan,
                    **{
                        f: getattr(old, f)
                        for f in (
                            "code",
                            "title",
                            "description",
                            "budget_inr",
                            "start_date",
                            "end_date",
                            "responsible",
                            *choices.SHARE_FIELDS,
                            "scheme_name",
                        )
                    },
                )
                copy.constraints.set(linked)
    return plan


def submit(plan: ActionPlan) -> ActionPlan:
    with transaction.atomic():
        plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
        if plan.status != choices.PlanStatus.DRAFT:
            raise Conflict(
                f"Only a draft can be submitted; version {plan.version} is "
                f"{plan.get_status_display().lower()}."
            )
        if not plan.activities.exists():
            raise Conflict("The plan has no activities yet; add at least one before submitting.")
        plan.status = choices.PlanStatus.SUBMITTED
        plan.save(update_fields=["status", "last_updated"])
    return plan


def review(plan: ActionPlan, reviewer, decision: str, reason: str = "") -> PlanReview:
    """Approve (earlier approved versions become superseded) or return (back to draft)."""
    with transaction.atomic():
        plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
        if plan.status != choices.PlanStatus.SUBMITTED:
            raise Conflict(
                f"Only a submitted version can be reviewed; version {plan.version} is "
                f"{plan.get_status_display().lower()}."
            )
        row = PlanReview.objects.create(
            plan=plan, reviewer=reviewer, decision=decision, reason=reason
        )
        if decision == choices.Decision.APPROVED:
            for older in ActionPlan.objects.filter(
                initiative_id=plan.initiative_id, status=choices.PlanStatus.APPROVED
            ):
                older.status = choices.PlanStatus.SUPERSEDED
                older.save(update_fields=["status", "last_updated"])
            plan.status = choices.PlanStatus.APPROVED
        else:
            plan.status = choices.PlanStatus.DRAFT
        plan.save(update_fields=["status", "last_updated"])
    return row


def update_note(plan: ActionPlan, note: str) -> ActionPlan:
    with transaction.atomic():
        check_editable(plan)
        plan.note = note
        plan.save(update_fields=["note", "last_updated"])
        _reopen(plan)
    return plan


# --- activities -------------------------------------------------------------------------------


def activity_problems(plan: ActionPlan, data: dict, instance: Activity | None = None) -> dict:
    """Field errors for an activity of ``plan`` with ``data`` (the values after the change).

    Shares must add up to exactly 100 %, the end may not come before the start, both must lie
    inside the initiative's dates where it has them, linked constraints must be the same
    initiative's, and a code is used once per version.
    """
    errors: dict[str, str] = {}
    message = rules.shares_error({f: data.get(f) for f in choices.SHARE_FIELDS})
    if message:
        errors["shares"] = message
    errors.update(
        date_problems(
            plan.initiative,
            {
                "start_date": (_("Start date"), data.get("start_date")),
                "end_date": (_("End date"), data.get("end_date")),
            },
            order=("start_date", "end_date"),
        )
    )
    foreign = [c for c in data.get("constraints") or [] if c.initiative_id != plan.initiative_id]
    if foreign:
        names = ", ".join(f"'{c.title}'" for c in foreign)
        errors["constraints"] = (
            f"Only constraints diagnosed for this initiative can be linked; not {names}."
        )
    code = data.get("code")
    if code:
        taken = Activity.objects.filter(plan=plan, code=code)
        if instance is not None and instance.pk:
            taken = taken.exclude(pk=instance.pk)
        if taken.exists():
            errors["code"] = f"Version {plan.version} already has an activity {code}."
    return errors


FIELDS = (
    "code", "title", "description", "budget_inr", "start_date", "end_date", "responsible",
    *choices.SHARE_FIELDS, "scheme_name",
)  # fmt: skip


def save_activity(plan: ActionPlan, instance: Activity | None, data: dict) -> Activity:
    """Create or update an activity; the caller has checked ``activity_problems``.

    A code taken meanwhile by a concurrent request is a Conflict, not a crash.
    """
    try:
        return _save_activity(plan, instance, data)
    except IntegrityError:
        raise Conflict(
            f"Another activity of this version already uses the code {data.get('code')!r}; "
            "reload the plan and choose another."
        ) from None


def _save_activity(plan: ActionPlan, instance: Activity | None, data: dict) -> Activity:
    with transaction.atomic():
        plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
        check_editable(plan)
        activity = instance or Activity(plan=plan)
        for name in FIELDS:
            if name in data:
                setattr(activity, name, data[name])
        if not activity.code:
            activity.code = rules.next_code(plan.activities.values_list("code", flat=True))
        activity.save()
        if "constraints" in data:
            activity.constraints.set(data["constraints"] or [])
        _reopen(plan)
    return activity


def delete_activity(activity: Activity) -> None:
    with transaction.atomic():
        plan = ActionPlan.objects.select_for_update().get(pk=activity.plan_id)
        check_editable(plan)
        activity.delete()
        _reopen(plan)


def progress_problem(activity: Activity) -> str | None:
    if activity.plan.status != choices.PlanStatus.APPROVED:
        return (
            "Progress is recorded against the activities of the approved plan version; "
            f"version {activity.plan.version} is {activity.plan.get_status_display().lower()}."
        )
    return None


def progress_problems(data: dict, instance: ActivityProgress | None = None) -> dict:
    """Field errors for a progress report with ``data`` (the values after the change).

    A new report (or one moved to another activity) is for an activity of the approved
    version; a report kept on its activity may be corrected after the plan is revised. Its
    date lies inside the initiative's dates (``initiatives.dates``).
    """
    errors: dict[str, str] = {}
    activity = data.get("activity")
    if activity is None:
        return errors
    kept = instance is not None and instance.pk and instance.activity_id == activity.pk
    problem = None if kept else progress_problem(activity)
    if problem:
        errors["activity"] = problem
    errors.update(date_problems(activity.plan.initiative, {"date": (_("Date"), data.get("date"))}))
    return errors


# --- summaries --------------------------------------------------------------------------------


@dataclass
class PlanSummary:
    plan: ActionPlan | None
    activities: list[Activity] = field(default_factory=list)
    total: Decimal = Decimal(0)
    totals_by_share: dict[str, Decimal] = field(default_factory=dict)
    private_share: Decimal | None = None
    family: str = ""
    target: rules.Target | None = None
    position: str | None = None


def family_of(initiative) -> str:
    from clusterdev.registry.choices import TYPOLOGY_FAMILY

    return TYPOLOGY_FAMILY.get(initiative.cluster.typology, "")


def summarise(initiative, plan: ActionPlan | None, activities=None) -> PlanSummary:
    """Totals, budget-weighted private share and where it stands against the target."""
    summary = PlanSummary(plan=plan)
    summary.family = family_of(initiative)
    summary.target = rules.targets().get(summary.family)
    if plan is None:
        return summary
    if activities is None:
        activities = list(plan.activities.all())
    summary.activities = activities
    summary.total = sum((a.budget_inr for a in activities), Decimal(0))
    summary.totals_by_share = {
        f: sum((a.amount(f) for a in activities), Decimal(0)) for f in choices.SHARE_FIELDS
    }
    summary.private_share = rules.weighted_private_share(
        (a.budget_inr, a.share_private) for a in activities
    )
    summary.position = rules.position(summary.private_share, summary.target)
    return summary


@dataclass
class SpendRow:
    activity: Activity
    percent_complete: int | None
    last_date: object
    spending: dict
    history: list[ActivityProgress]


def spending(initiative) -> tuple[ActionPlan | None, list[SpendRow], dict]:
    """Spent against budget per activity of the approved version, and in total.

    An activity's spending is the ``spent_inr`` of its latest progress report (reports are
    cumulative); reports are matched by activity code, so those made under an earlier approved
    version still count once the plan is revised.
    """
    plan = approved(initiative)
    if plan is None:
        return None, [], rules.spending(Decimal(0), Decimal(0))
    reports: dict[str, list[ActivityProgress]] = {}
    for report in (
        ActivityProgress.objects.filter(activity__plan__initiative=initiative)
        .select_related("activity")
        .order_by("date", "pk")
    ):
        reports.setdefault(report.activity.code, []).append(report)
    rows = []
    for activity in plan.activities.all():
        history = reports.get(activity.code, [])
        last = history[-1] if history else None
        rows.append(
            SpendRow(
                activity=activity,
                percent_complete=last.percent_complete if last else None,
                last_date=last.date if last else None,
                spending=rules.spending(activity.budget_inr, last.spent_inr if last else None),
                history=history,
            )
        )
    total = rules.spending(
        sum((r.activity.budget_inr for r in rows), Decimal(0)),
        sum((r.spending["spent"] for r in rows), Decimal(0)),
    )
    return plan, rows, total
