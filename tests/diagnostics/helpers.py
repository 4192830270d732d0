"""Builders for diagnostic study rows in tests."""

from __future__ import annotations

from clusterdev.diagnostics.models import Actor, Constraint, DiagnosticStudy, Tie


def mapped(initiative, actors: int = 3) -> list[Actor]:
    """A study, one constraint and a small map: a BMO tied to the first enterprises."""
    DiagnosticStudy.objects.create(initiative=initiative, potential="Export demand")
    Constraint.objects.create(initiative=initiative, area="technology", title="Old furnaces")
    bmo = Actor.objects.create(initiative=initiative, name="Glass association", kind="bmo")
    firms = [
        Actor.objects.create(initiative=initiative, name=f"Unit {n}", kind="firm")
        for n in range(1, actors)
    ]
    for firm in firms:
        Tie.objects.create(initiative=initiative, source=firm, target=bmo, kind="membership")
    return [bmo, *firms]
