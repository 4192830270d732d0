"""What step 2 requires before an initiative leaves it (called by initiatives.checks)."""

from __future__ import annotations

from clusterdev.diagnostics.models import Actor, DiagnosticStudy


def gate_problem(initiative) -> str | None:
    """Why the initiative may not leave the diagnostic study yet, or None.

    The study must be written, name at least one constraint (the action plan answers to
    them) and map at least two actors.
    """
    missing = []
    if not DiagnosticStudy.objects.filter(initiative=initiative).exists():
        missing.append("the diagnostic study")
    if not initiative.constraints.exists():
        missing.append("at least one diagnosed constraint")
    if Actor.objects.filter(initiative=initiative).count() < 2:
        missing.append("an actor map of at least two actors")
    if not missing:
        return None
    listed = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
    return f"Step 2 needs {listed} before the initiative moves on."
