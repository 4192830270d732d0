"""The actions on an initiative, each in one transaction: nothing half-saved."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from clusterdev.initiatives import checks, choices
from clusterdev.initiatives.models import Initiative, StepRecord, StepReview


class GateRefused(Exception):
    def __init__(self, refusal: dict) -> None:
        super().__init__(refusal["detail"])
        self.refusal = refusal


class Conflict(Exception):
    """The state of the initiative or of the record forbids the action (the API answers 409)."""


def step_not_reached(initiative: Initiative, step: int) -> str | None:
    """Why the record of ``step`` may not be written or reviewed yet, or None if it may."""
    if step > initiative.step:
        return _(
            "The initiative is in step %(current)s; the record of step %(step)s can be written "
            "and reviewed once the initiative reaches that step."
        ) % {"current": initiative.step, "step": step}
    return None


def check_step_reached(initiative: Initiative, step: int) -> None:
    problem = step_not_reached(initiative, step)
    if problem:
        raise Conflict(problem)


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


def save_record(
    initiative: Initiative, step: int, summary: str, sections: dict, submit: bool
) -> StepRecord:
    """Write the record of a step the initiative has reached, as a draft or submitted."""
    with transaction.atomic():
        current = Initiative.objects.select_for_update().get(pk=initiative.pk)
        check_step_reached(current, step)
        record = StepRecord.objects.filter(initiative=current, step=step).first()
        record = record or StepRecord(initiative=current, step=step)
        record.summary = summary
        record.sections = sections
        record.status = choices.RecordStatus.SUBMITTED if submit else choices.RecordStatus.DRAFT
        record.save()
    return record


def submit(record: StepRecord) -> StepRecord:
    """Submit a record for review (only for a step the initiative has reached)."""
    with transaction.atomic():
        current = Initiative.objects.select_for_update().get(pk=record.initiative_id)
        check_step_reached(current, record.step)
        record.status = choices.RecordStatus.SUBMITTED
        record.save(update_fields=["status", "last_updated"])
    return record


def review(record: StepRecord, reviewer, decision: str, reason: str = "") -> StepReview:
    """Approve or return a submitted record of a step the initiative has reached, logging
    who, when and why; anything else is a Conflict and nothing is saved."""
    with transaction.atomic():
        initiative = Initiative.objects.select_for_update().get(pk=record.initiative_id)
        current = StepRecord.objects.select_for_update().get(pk=record.pk)
        check_step_reached(initiative, current.step)
        if current.status != choices.RecordStatus.SUBMITTED:
            raise Conflict(
                _(
                    "Only a submitted record can be approved or returned; the record of step "
                    "%(step)s is %(status)s."
                )
                % {"step": current.step, "status": str(current.get_status_display()).lower()}
            )
        row = StepReview.objects.create(
            record=current, reviewer=reviewer, decision=decision, reason=reason
        )
        current.status = decision
        current.save(update_fields=["status", "last_updated"])
    record.status = current.status
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
