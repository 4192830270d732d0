"""What the other step apps require before an initiative leaves a step or is completed.

The approved step record is the gate every step shares (``gates.advance_refusal``); the apps
that hold a step's structured records add their own condition here, e.g. the diagnostic study
needs its actor map. Each entry names a function ``(initiative) -> str | None``: the reason to
refuse, or None.
"""

from __future__ import annotations

from django.utils.module_loading import import_string

STEP_EXIT = {
    2: "clusterdev.diagnostics.gate.gate_problem",
    4: "clusterdev.actionplans.gate.gate_problem",
}
COMPLETION = ("clusterdev.monitoring.gate.completion_problem",)
RECORD_NAMES = {2: "diagnostic study", 4: "approved action plan"}


def step_exit_refusal(initiative) -> dict | None:
    """The refusal (as the gate reports it) when the current step's own records fall short."""
    path = STEP_EXIT.get(initiative.step)
    if not path:
        return None
    problem = import_string(path)(initiative)
    if not problem:
        return None
    return {
        "detail": problem,
        "missing": {"step": initiative.step, "record": RECORD_NAMES[initiative.step]},
    }


def completion_problem(initiative) -> str | None:
    """Why the initiative may not be marked completed yet, or None."""
    for path in COMPLETION:
        problem = import_string(path)(initiative)
        if problem:
            return problem
    return None
