"""CSV and XLSX downloads of activities, progress, SPVs, networks and facilities.

Rows come from the same permission querysets as the pages (initiatives the viewer may read
privately), so a viewer downloads exactly what she may see.
"""

from __future__ import annotations

from clusterdev.actionplans.models import (
    SPV,
    Activity,
    ActivityProgress,
    CommonFacility,
    EnterpriseNetwork,
)
from clusterdev.core.exports import Column

ACTIVITY_COLUMNS = [
    Column("initiative_id", lambda a: a.plan.initiative_id),
    Column("initiative", lambda a: a.plan.initiative.title),
    Column("plan_version", lambda a: a.plan.version),
    Column("plan_status", lambda a: a.plan.status),
    Column("code", lambda a: a.code),
    Column("title", lambda a: a.title),
    Column("constraints", lambda a: [c.title for c in a.constraints.all()]),
    Column("budget_inr", lambda a: a.budget_inr),
    Column("start_date", lambda a: a.start_date),
    Column("end_date", lambda a: a.end_date),
    Column("responsible", lambda a: a.responsible),
    Column("share_private_pct", lambda a: a.share_private),
    Column("share_institution_pct", lambda a: a.share_institution),
    Column("share_scheme_pct", lambda a: a.share_scheme),
    Column("share_state_pct", lambda a: a.share_state),
    Column("private_inr", lambda a: a.amount("share_private")),
    Column("institution_inr", lambda a: a.amount("share_institution")),
    Column("scheme_inr", lambda a: a.amount("share_scheme")),
    Column("state_inr", lambda a: a.amount("share_state")),
    Column("scheme_name", lambda a: a.scheme_name),
]

PROGRESS_COLUMNS = [
    Column("initiative_id", lambda p: p.activity.plan.initiative_id),
    Column("initiative", lambda p: p.activity.plan.initiative.title),
    Column("plan_version", lambda p: p.activity.plan.version),
    Column("activity_code", lambda p: p.activity.code),
    Column("activity", lambda p: p.activity.title),
    Column("date", lambda p: p.date),
    Column("percent_complete", lambda p: p.percent_complete),
    Column("spent_inr_cumulative", lambda p: p.spent_inr),
    Column("activity_budget_inr", lambda p: p.activity.budget_inr),
    Column("note", lambda p: p.note),
]

SPV_COLUMNS = [
    Column("initiative_id", lambda s: s.initiative_id),
    Column("initiative", lambda s: s.initiative.title),
    Column("name", lambda s: s.name),
    Column("legal_form", lambda s: s.get_legal_form_display()),
    Column("registered_on", lambda s: s.registered_on),
    Column("members", lambda s: s.members),
    Column("facility", lambda s: s.facility.name if s.facility else ""),
    Column("equity_notes", lambda s: s.equity_notes),
]

NETWORK_COLUMNS = [
    Column("initiative_id", lambda n: n.initiative_id),
    Column("initiative", lambda n: n.initiative.title),
    Column("name", lambda n: n.name),
    Column("purpose", lambda n: n.get_purpose_display()),
    Column("members", lambda n: n.members),
    Column("formed_on", lambda n: n.formed_on),
]

FACILITY_COLUMNS = [
    Column("initiative_id", lambda f: f.initiative_id),
    Column("initiative", lambda f: f.initiative.title),
    Column("name", lambda f: f.name),
    Column("services", lambda f: f.services),
    Column("cost_inr", lambda f: f.cost_inr),
    Column("grant_inr", lambda f: f.grant_inr),
    Column("status", lambda f: f.get_status_display()),
    Column("opened_on", lambda f: f.opened_on),
    Column("users_per_month", lambda f: f.users_per_month),
]


def rows_for(what: str, initiatives):
    """(columns, rows) of one download over the given initiatives, or None if unknown."""
    if what == "activities":
        rows = (
            Activity.objects.filter(plan__initiative__in=initiatives)
            .select_related("plan__initiative")
            .prefetch_related("constraints")
            .order_by("plan__initiative__title", "plan__initiative_id", "plan__version", "code")
        )
        return ACTIVITY_COLUMNS, rows
    if what == "progress":
        rows = (
            ActivityProgress.objects.filter(activity__plan__initiative__in=initiatives)
            .select_related("activity__plan__initiative")
            .order_by("activity__plan__initiative_id", "activity__code", "date", "pk")
        )
        return PROGRESS_COLUMNS, rows
    simple = {
        "spvs": (SPV, SPV_COLUMNS, ("initiative", "facility")),
        "networks": (EnterpriseNetwork, NETWORK_COLUMNS, ("initiative",)),
        "facilities": (CommonFacility, FACILITY_COLUMNS, ("initiative",)),
    }
    if what in simple:
        model, columns, related = simple[what]
        return columns, model.objects.filter(initiative__in=initiatives).select_related(*related)
    return None


KINDS = ("activities", "progress", "spvs", "networks", "facilities")


def compare_table(a, b, before: list[dict], after: list[dict], fields) -> tuple:
    """(columns, rows) of the compare page: one row per activity code, the two versions'
    values side by side (``<field>_v<a>``, ``<field>_v<b>``) and what changed.

    Rows follow version b's order, then the activities only version a has."""
    old = {row["code"]: row for row in before}
    new = {row["code"]: row for row in after}
    codes = [*new, *(code for code in old if code not in new)]
    rows = []
    for code in codes:
        left, right = old.get(code), new.get(code)
        if left is None:
            change = "added"
        elif right is None:
            change = "removed"
        else:
            differing = [f for f in fields if left.get(f) != right.get(f)]
            change = "changed: " + ", ".join(differing) if differing else "unchanged"
        rows.append({"code": code, "change": change, "a": left or {}, "b": right or {}})
    columns = [Column("code", lambda r: r["code"]), Column("change", lambda r: r["change"])]
    for field in fields:
        columns.append(Column(f"{field}_v{a.version}", lambda r, f=field: r["a"].get(f)))
        columns.append(Column(f"{field}_v{b.version}", lambda r, f=field: r["b"].get(f)))
    return columns, rows
