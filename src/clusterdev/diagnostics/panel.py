"""The diagnostic study's section on the initiative page (wired by the initiatives app)."""

from __future__ import annotations

from clusterdev.diagnostics import network
from clusterdev.diagnostics.models import Actor, DiagnosticStudy, Tie


def _measures(initiative) -> network.Measures:
    actors = list(Actor.objects.filter(initiative=initiative).values_list("pk", "kind"))
    ties = Tie.objects.filter(initiative=initiative).values_list("source_id", "target_id")
    return network.measures(actors, list(ties))


def initiative_panel(request, initiative, *, private: bool) -> dict | None:
    """Context for ``diagnostics/_initiative_panel.html``; None for viewers without access."""
    if not private:
        return None
    return {
        "initiative": initiative,
        "study": DiagnosticStudy.objects.filter(initiative=initiative).first(),
        "constraints": initiative.constraints.count(),
        "documents": initiative.diagnostic_documents.count(),
        "measures": _measures(initiative),
    }
