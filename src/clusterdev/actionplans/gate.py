"""What steps 4 and 5 require before an initiative leaves them (called by initiatives.checks)."""

from __future__ import annotations

from clusterdev.actionplans import choices


def gate_problem(initiative) -> str | None:
    """Why the initiative may not leave its current step yet, or None.

    Step 4 (action plan) needs an approved version of the action plan. Step 5 (implementation)
    adds nothing to the approved step record: the seed names no measurable condition for
    handing over to monitoring (see docs/decisions/0425).
    """
    if (
        initiative.step == 4
        and not initiative.action_plans.filter(status__in=choices.LOCKED).exists()
    ):
        return (
            "Step 4 needs an approved action plan: write a version with its activities, "
            "submit it and have the TA or institution staff approve it."
        )
    return None
