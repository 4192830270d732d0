"""The action plan's section on the initiative page (wired by the initiatives app)."""

from __future__ import annotations

from clusterdev.actionplans import services
from clusterdev.initiatives import permissions as rules


def initiative_panel(request, initiative, *, private: bool) -> dict | None:
    """Context for ``actionplans/_initiative_panel.html``; None for viewers without access."""
    if not private:
        return None
    plan = services.current(initiative)
    summary = services.summarise(initiative, plan)
    _approved, rows, total = services.spending(initiative)
    return {
        "initiative": initiative,
        "summary": summary,
        "first_approved": services.first_approved(initiative),
        "spend_total": total if rows else None,
        "overspent": [r.activity.code for r in rows if r.spending["overspent"]],
        "counts": {
            "spvs": initiative.spvs.count(),
            "networks": initiative.enterprise_networks.count(),
            "facilities": initiative.common_facilities.count(),
        },
        "can_edit": rules.editable(request.user).filter(pk=initiative.pk).exists(),
    }
