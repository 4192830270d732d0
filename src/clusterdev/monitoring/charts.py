"""Inline SVG charts of targets against actuals over periods (no JavaScript, no library).

Targets are drawn as bars, actuals as a line with points, the baseline as a dashed line and
the life-of-initiative target as a dotted line. Labels are escaped; the result is safe HTML.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 520, 200
LEFT, RIGHT, TOP, BOTTOM = 56, 12, 12, 34


def _number(value: Decimal | float) -> str:
    value = float(value)
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def target_actual_chart(
    title: str,
    labels: list[str],
    targets: list[Decimal | None],
    actuals: list[Decimal | None],
    baseline: Decimal | None = None,
    life_target: Decimal | None = None,
) -> SafeString:
    """One chart: bars for targets, a line for actuals, reference lines for the rest."""
    numbers = [float(v) for v in [*targets, *actuals, baseline, life_target] if v is not None]
    if not labels or not numbers:
        return mark_safe("")
    top = max(numbers) or 1.0
    top *= 1.1
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    step = plot_w / len(labels)

    def y(value: float) -> float:
        return TOP + plot_h - (max(value, 0.0) / top) * plot_h

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - RIGHT}" y2="{TOP + plot_h}" '
        'stroke="#888"/>',
    ]
    for fraction in (0.0, 0.5, 1.0):
        value = top / 1.1 * fraction
        parts.append(
            f'<text x="{LEFT - 4}" y="{y(value) + 4:.1f}" font-size="10" '
            f'text-anchor="end">{_number(value)}</text>'
        )
    for index, (label, target) in enumerate(zip(labels, targets, strict=True)):
        x = LEFT + index * step
        if target is not None:
            parts.append(
                f'<rect class="target" x="{x + step * 0.2:.1f}" y="{y(float(target)):.1f}" '
                f'width="{step * 0.6:.1f}" height="{TOP + plot_h - y(float(target)):.1f}" '
                f'fill="#c9dcef"><title>{escape(label)}: target {_number(target)}</title></rect>'
            )
        parts.append(
            f'<text x="{x + step / 2:.1f}" y="{HEIGHT - BOTTOM + 14}" font-size="10" '
            f'text-anchor="middle">{escape(label[:14])}</text>'
        )
    points = [
        (LEFT + index * step + step / 2, y(float(value)), value, labels[index])
        for index, value in enumerate(actuals)
        if value is not None
    ]
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{yy:.1f}" for x, yy, _v, _l in points)
        parts.append(
            f'<polyline class="actual" points="{path}" fill="none" stroke="#1f5f99" '
            'stroke-width="2"/>'
        )
    for x, yy, value, label in points:
        parts.append(
            f'<circle class="actual" cx="{x:.1f}" cy="{yy:.1f}" r="3.5" fill="#1f5f99">'
            f"<title>{escape(label)}: actual {_number(value)}</title></circle>"
        )
    for value, name, dash in ((baseline, "baseline", "6 4"), (life_target, "life target", "2 3")):
        if value is not None:
            parts.append(
                f'<line class="{name.replace(" ", "-")}" x1="{LEFT}" y1="{y(float(value)):.1f}" '
                f'x2="{WIDTH - RIGHT}" y2="{y(float(value)):.1f}" stroke="#b35900" '
                f'stroke-dasharray="{dash}"><title>{name}: {_number(value)}</title></line>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))
