"""Monitoring's lines for the PDF reports (private content): the one-page report of an
initiative and the portfolio report. Totals come with their disaggregation (women/men,
enterprise size, social category) wherever disaggregated actuals were entered, one compact
line per indicator or data element."""

from __future__ import annotations

from decimal import Decimal

from clusterdev.monitoring import choices, compute, dashboard, panel
from clusterdev.monitoring.models import Period, SustainabilityCheck

MAX_PARTS = 8  # disaggregated values shown per line; the rest are counted, so a page stays one


def _number(value) -> str:
    if value is None:
        return "-"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _parts(pairs: list[tuple[str, Decimal | None]], unit: str = "") -> str:
    """ "Women 40; Men 60" from (label, value) pairs, values missing left out, kept short."""
    shown = [f"{label} {_number(value)}{f' {unit}' if unit else ''}" for label, value in pairs]
    text = "; ".join(shown[:MAX_PARTS])
    if len(shown) > MAX_PARTS:
        text += f"; +{len(shown) - MAX_PARTS} more"
    return text


def _label_order(label: str) -> tuple:
    """Sex, then size, then social category, each in its vocabulary's order; combinations
    ("Women, Micro") after single dimensions."""
    places = {
        str(item.label): (dimension, position)
        for dimension, vocabulary in enumerate(choices.DIMENSIONS.values())
        for position, item in enumerate(vocabulary)
    }
    parts = [places.get(part, (9, 0)) for part in label.split(", ")]
    return (len(parts), parts)


def _key_order(key: tuple[str, str, str]) -> tuple:
    return _label_order(compute.disaggregation_label(key))


def _split(row: dashboard.Row, periods: list[Period]) -> tuple[int, str] | None:
    """(period index, "Women 3; Men 5") for the latest period with disaggregated actuals."""
    ordered = sorted(row.disaggregated, key=lambda d: _label_order(d["label"]))
    for index in range(len(periods) - 1, -1, -1):
        pairs = [
            (d["label"], d["periods"][index][1])
            for d in ordered
            if d["periods"][index][1] is not None
        ]
        if pairs:
            return index, _parts(pairs)
    return None


def report_lines(initiative) -> list[tuple[str, str]]:
    """Periods and approvals, each indicator's latest actual against target and life target
    (with its disaggregation), elements with disaggregated actuals, and the latest
    sustainability check."""
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
        split = _split(row, built["periods"])
        if not row.is_indicator:
            if split:  # elements appear only for their disaggregation
                index, text = split
                total = row.actuals[index]
                lines.append(
                    (
                        row.name[:40],
                        f"{built['periods'][index].label}: {_number(total)} {row.unit}"
                        f" in all ({text})",
                    )
                )
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
        if split:
            lines.append(("  by group", f"{built['periods'][split[0]].label}: {split[1]}"))
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


def portfolio_lines(initiatives_qs) -> list[tuple[str, str]]:
    """Per initiative and indicator: the latest approved period's actual against its target,
    followed by the actual's disaggregation when one was entered. The caller passes only
    initiatives the viewer may read privately. A fixed number of queries."""
    initiatives, latest, plans, values = panel.latest_approved(initiatives_qs)
    lines: list[tuple[str, str]] = []
    for initiative in sorted(initiatives.values(), key=lambda i: (i.title, i.pk)):
        period = latest.get(initiative.pk)
        indicators = plans.get(initiative.pk) or []
        if period is None or not indicators:
            continue
        computed = compute.indicator_values(indicators, values.get(initiative.pk, []), [period])
        by_key: dict[tuple[str, str], dict[tuple[str, str, str], Decimal | None]] = {}
        for item in computed:
            by_key.setdefault((item.indicator.code, item.kind), {})[item.disaggregation] = (
                item.value
            )
        for indicator in sorted(indicators, key=lambda i: i.code):
            actuals = by_key.get((indicator.code, choices.Kind.ACTUAL), {})
            target = by_key.get((indicator.code, choices.Kind.TARGET), {}).get(compute.TOTAL)
            text = (
                f"{indicator.name}: {_number(compute.tidy(actuals.get(compute.TOTAL), 2))}"
                f" {indicator.unit} in {period.label} (target {_number(compute.tidy(target, 2))})"
            )
            pairs = [
                (compute.disaggregation_label(key), compute.tidy(value, 2))
                for key, value in sorted(actuals.items(), key=lambda kv: _key_order(kv[0]))
                if key != compute.TOTAL and value is not None
            ]
            if pairs:
                text += f"; by group: {_parts(pairs)}"
            lines.append((initiative.title[:40], text))
    return lines
