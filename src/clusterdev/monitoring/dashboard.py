"""The initiative dashboard: per indicator and data element, baseline, targets against actuals
over periods (chart and table), progress towards the life-of-initiative target, and the
disaggregated values."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from clusterdev.monitoring import charts, choices, compute, services
from clusterdev.monitoring.models import Period

TOTAL = compute.TOTAL


@dataclass
class Row:
    code: str
    name: str
    unit: str
    is_indicator: bool
    formula: str = ""
    baseline: Decimal | None = None
    life_target: Decimal | None = None
    targets: list[Decimal | None] = field(default_factory=list)
    actuals: list[Decimal | None] = field(default_factory=list)
    disaggregated: list[dict] = field(default_factory=list)
    chart: str = ""

    @property
    def latest_actual(self) -> Decimal | None:
        return next((v for v in reversed(self.actuals) if v is not None), None)

    @property
    def progress(self) -> Decimal | None:
        """Per cent of the way from the baseline (or zero) to the life target."""
        return progress(self.baseline, self.latest_actual, self.life_target)

    @property
    def periods(self) -> list[tuple[Decimal | None, Decimal | None]]:
        return list(zip(self.targets, self.actuals, strict=True))


def progress(
    baseline: Decimal | None, actual: Decimal | None, target: Decimal | None
) -> Decimal | None:
    """Share of the distance from baseline to target covered by the actual, in per cent.

    >>> progress(Decimal(100), Decimal(120), Decimal(150))
    Decimal('40.0')
    >>> progress(None, Decimal(30), Decimal(60))
    Decimal('50.0')
    >>> progress(Decimal(5), Decimal(7), Decimal(5)) is None
    True
    """
    if actual is None or target is None:
        return None
    start = baseline or Decimal(0)
    if target == start:
        return None
    return ((actual - start) / (target - start) * 100).quantize(Decimal("0.1"))


def build(initiative) -> dict:
    """The dashboard's rows (indicators first, then elements) and the periods they span."""
    elements, indicators = services.plan_for(initiative)
    periods = list(Period.objects.filter(initiative=initiative))
    values = services.values_of(initiative)
    grid = compute.cells(values)
    computed = compute.indicator_values(indicators, values, periods)
    ind_cells: dict[tuple, dict[tuple, dict[str, Decimal | None]]] = {}
    for item in computed:
        slot = (item.period.pk if item.period else None, item.kind)
        ind_cells.setdefault(slot, {}).setdefault(item.disaggregation, {})[item.indicator.code] = (
            item.value
        )
    rows: list[Row] = []
    for indicator in indicators:
        rows.append(
            _row(
                indicator.code,
                indicator.name,
                indicator.unit,
                True,
                ind_cells,
                periods,
                formula=indicator.formula,
            )
        )
    for element in elements:
        rows.append(_row(element.code, element.name, element.unit, False, grid, periods))
    return {"rows": rows, "periods": periods}


def _get(cells, period_id, kind, key, code):
    value = cells.get((period_id, kind), {}).get(key, {}).get(code)
    return compute.tidy(value, 2) if value is not None else None


def _row(code, name, unit, is_indicator, cells, periods, formula="") -> Row:
    row = Row(code=code, name=name, unit=unit, is_indicator=is_indicator, formula=formula)
    row.baseline = _get(cells, None, choices.Kind.BASELINE, TOTAL, code)
    row.life_target = _get(cells, None, choices.Kind.LIFE_TARGET, TOTAL, code)
    row.targets = [_get(cells, p.pk, choices.Kind.TARGET, TOTAL, code) for p in periods]
    row.actuals = [_get(cells, p.pk, choices.Kind.ACTUAL, TOTAL, code) for p in periods]
    keys = sorted(
        {
            key
            for (_period, _kind), by_key in cells.items()
            for key, per_code in by_key.items()
            if key != TOTAL and code in per_code
        }
    )
    for key in keys:
        row.disaggregated.append(
            {
                "label": compute.disaggregation_label(key),
                "baseline": _get(cells, None, choices.Kind.BASELINE, key, code),
                "life_target": _get(cells, None, choices.Kind.LIFE_TARGET, key, code),
                "periods": [
                    (
                        _get(cells, p.pk, choices.Kind.TARGET, key, code),
                        _get(cells, p.pk, choices.Kind.ACTUAL, key, code),
                    )
                    for p in periods
                ],
            }
        )
    row.chart = charts.target_actual_chart(
        f"{name}: targets and actuals",
        [p.label for p in periods],
        row.targets,
        row.actuals,
        row.baseline,
        row.life_target,
    )
    return row
