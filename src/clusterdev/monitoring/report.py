"""Monitoring's lines for the one-page PDF report of an initiative (private content)."""

from __future__ import annotations

from clusterdev.monitoring import dashboard
from clusterdev.monitoring.models import Period, SustainabilityCheck


def _number(value) -> str:
    if value is None:
        return "-"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def report_lines(initiative) -> list[tuple[str, str]]:
    """Periods and approvals, each indicator's latest actual against target and life target,
    and the latest sustainability check."""
    periods = list(Period.objects.filter(initiative=initiative))
    checks = list(SustainabilityCheck.objects.filter(initiative=initiative)[:1])
    if not periods and not checks:
        return []
    lines: list[tuple[str, str]] = []
    approved = [p for p in periods if p.locked]
    summary = f"{len(periods)} ({len(approved)} approved"
    if approved:
        summary += f"; latest approved {approved[-1].label}"
    lines.append(("Periods", summary + ")"))
    built = dashboard.build(initiative)
    for row in built["rows"]:
        if not row.is_indicator:
            continue
        index = max((i for i, v in enumerate(row.actuals) if v is not None), default=None)
        if index is None:
            text = "no actual yet"
        else:
            text = (
                f"{_number(row.actuals[index])} {row.unit} in {built['periods'][index].label}"
                f" (target {_number(row.targets[index])}; baseline {_number(row.baseline)};"
                f" life target {_number(row.life_target)})"
            )
            if row.progress is not None:
                text += f", {row.progress}% of the way"
        lines.append((row.name[:40], text))
    if checks:
        check = checks[0]
        lines.append(
            (
                "Sustainability",
                f"{check.date}: identify {check.get_can_identify_display().lower()}, "
                f"carry out {check.get_can_carry_out_display().lower()}, "
                f"{check.institutions_linked} institutions linked",
            )
        )
    return lines
