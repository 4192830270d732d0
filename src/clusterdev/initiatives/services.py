"""The actions on an initiative, each in one transaction: nothing half-saved."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from clusterdev.initiatives import checks, choices
from clusterdev.initiatives.models import Initiative, StepRecord, StepReview


class GateRefused(Exception):
    def __init__(self, refusal: dict) -> None:
        super().__init__(refusal["detail"])
        self.refusal = refusal


def advance(initiative: Initiative) -> Initiative:
    """Move to the next step, or raise GateRefused with the reason and what is missing."""
    with transaction.atomic():
        locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
        refusal = locked.advance_refusal() or checks.step_exit_refusal(locked)
        if refusal:
            raise GateRefused(refusal)
        locked.step += 1
        if locked.status == choices.Status.PROPOSED:
            locked.status = choices.Status.ACTIVE
        locked.save(update_fields=["step", "status", "last_updated"])
    return locked


def review(record: StepRecord, reviewer, decision: str, reason: str = "") -> StepReview:
    """Approve or return a step record, logging who, when and why."""
    with transaction.atomic():
        row = StepReview.objects.create(
            record=record, reviewer=reviewer, decision=decision, reason=reason
        )
        record.status = decision
        record.save(update_fields=["status", "last_updated"])
    return row


CHECKED_FIELDS = (
    "status",
    "step",
    "start_date",
    "planned_end_date",
    "actual_end_date",
    "objectives",
)


def validate_initiative(instance: Initiative | None, changes: dict) -> None:
    """Raise ValidationError (by field) if the initiative with ``changes`` applied is inconsistent.

    Shared by the API and the page forms: dates in order, known objectives, status that fits
    the step, and completion only when monitoring says the initiative is ready.
    """
    values = {f: getattr(instance, f) for f in CHECKED_FIELDS} if instance else {}
    values.update({k: v for k, v in changes.items() if k in CHECKED_FIELDS})
    candidate = Initiative(**values)
    candidate.clean()
    becomes_complete = values.get("status") == choices.Status.COMPLETED and (
        instance is None or instance.status != choices.Status.COMPLETED
    )
    if becomes_complete and instance is not None:
        problem = checks.completion_problem(instance)
        if problem:
            raise ValidationError({"status": problem})
