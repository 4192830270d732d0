"""The actions on an initiative, each in one transaction: nothing half-saved."""

from __future__ import annotations

from django.db import transaction

from clusterdev.initiatives import choices
from clusterdev.initiatives.models import Initiative, StepRecord, StepReview


class GateRefused(Exception):
    def __init__(self, refusal: dict) -> None:
        super().__init__(refusal["detail"])
        self.refusal = refusal


def advance(initiative: Initiative) -> Initiative:
    """Move to the next step, or raise GateRefused with the reason and what is missing."""
    with transaction.atomic():
        locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
        refusal = locked.advance_refusal()
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
