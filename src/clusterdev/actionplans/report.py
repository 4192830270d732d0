"""The action plan's lines for the one-page PDF report of an initiative."""

from __future__ import annotations

from decimal import Decimal

from clusterdev.actionplans import services


def rupees(value: Decimal | None) -> str:
    return "-" if value is None else f"Rs {value:,.0f}"


def report_lines(initiative) -> list[tuple[str, str]]:
    """Label/value lines (private content; the caller checks permission)."""
    plan = services.current(initiative)
    if plan is None:
        return []
    summary = services.summarise(initiative, plan)
    approval = plan.approval()
    state = plan.get_status_display()
    if approval:
        state += f" by {approval.reviewer} on {approval.created:%Y-%m-%d}"
    lines = [
        ("Action plan", f"version {plan.version}, {state}"),
        ("Activities", f"{len(summary.activities)}, budget {rupees(summary.total)}"),
    ]
    if summary.private_share is not None:
        share = f"{summary.private_share} %"
        if summary.position:
            share += f" ({summary.position} the {summary.family} target {summary.target.label})"
        lines.append(("Private share", share))
    approved, rows, total = services.spending(initiative)
    if approved is not None and rows:
        spent = f"{rupees(total['spent'])} of {rupees(total['budget'])}"
        if total["percent"] is not None:
            spent += f" ({total['percent']} %)"
        over = [r.activity.code for r in rows if r.spending["overspent"]]
        if over:
            spent += f"; overspent: {', '.join(over)}"
        lines.append((f"Spent (approved v{approved.version})", spent))
    lines.append(
        (
            "SPVs / networks / CFCs",
            f"{initiative.spvs.count()} / {initiative.enterprise_networks.count()} / "
            f"{initiative.common_facilities.count()}",
        )
    )
    return lines
