"""Small SVG charts for the planner, drawn on the server from computed coordinates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

PALETTE = ("#0b5d5b", "#c2410c", "#4f46e5", "#a16207", "#be185d", "#15803d")
WIDTH, HEIGHT = 640.0, 220.0
LEFT, RIGHT, TOP, BOTTOM = 52.0, 8.0, 10.0, 28.0


@dataclass(frozen=True)
class Column:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class XLabel:
    x: float
    label: str


@dataclass(frozen=True)
class ColumnChart:
    width: float
    height: float
    columns: tuple[Column, ...]
    ticks: tuple[Tick, ...]
    labels: tuple[XLabel, ...]
    legend: tuple[tuple[str, str], ...]
    baseline: float
    left: float
    right: float
    description: str


def _nice_top(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        top = step * magnitude
        if top >= value:
            return float(top)
    return float(10 * magnitude)


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:,.2f}"


def column_chart(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[Decimal | int | float]]],
    unit: str = "Rs crore",
) -> ColumnChart:
    """Grouped columns: one group per category (year), one column per series (scenario)."""
    values = [float(v) for _name, points in series for v in points]
    top = _nice_top(max(values, default=0.0))
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    groups = max(len(categories), 1)
    group_w = plot_w / groups
    inner = group_w * 0.8
    column_w = inner / max(len(series), 1)
    columns = []
    for s_index, (name, points) in enumerate(series):
        colour = PALETTE[s_index % len(PALETTE)]
        for c_index, value in enumerate(points):
            height = plot_h * float(value) / top
            x = LEFT + c_index * group_w + (group_w - inner) / 2 + s_index * column_w
            label = categories[c_index] if c_index < len(categories) else ""
            columns.append(
                Column(
                    round(x, 1),
                    round(TOP + plot_h - height, 1),
                    round(max(column_w - 1, 1), 1),
                    round(height, 1),
                    colour,
                    f"{name}, {label}: {_number(float(value))} {unit}",
                )
            )
    ticks = tuple(
        Tick(round(TOP + plot_h - plot_h * i / 4, 1), _number(top * i / 4)) for i in range(5)
    )
    every = max(1, round(groups / 12))
    labels = tuple(
        XLabel(round(LEFT + i * group_w + group_w / 2, 1), label)
        for i, label in enumerate(categories)
        if i % every == 0
    )
    legend = tuple((name, PALETTE[i % len(PALETTE)]) for i, (name, _p) in enumerate(series))
    description = "; ".join(
        f"{name}: "
        + ", ".join(f"{c} {_number(float(v))}" for c, v in zip(categories, points, strict=False))
        for name, points in series
    )
    return ColumnChart(
        WIDTH,
        HEIGHT,
        tuple(columns),
        ticks,
        labels,
        legend,
        TOP + plot_h,
        LEFT,
        WIDTH - RIGHT,
        f"Spending per year ({unit}). {description}",
    )
