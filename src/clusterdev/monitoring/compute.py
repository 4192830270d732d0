"""Indicator values computed from entered element values, per period, kind and disaggregation.

Totals are computed for every period and kind where an input has a value (and are "not
computable", None, when an input is missing or a division is by zero); a disaggregated value
(e.g. women, micro) is computed only where every input has a value for that disaggregation.
An element's total, when not entered, is the sum of its values split along one dimension
(numbers and counts only: percentages and yes/no answers do not add up).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from clusterdev.monitoring import choices, formula

TOTAL = ("", "", "")
QUANTUM = Decimal("0.0001")
ADDITIVE = {choices.ValueType.NUMBER, choices.ValueType.COUNT}


@dataclass(frozen=True)
class IndicatorValue:
    indicator: object  # an Indicator
    period: object | None  # a Period, or None for the whole initiative
    kind: str
    disaggregation: tuple[str, str, str]
    value: Decimal | None

    @property
    def sex(self) -> str:
        return self.disaggregation[0]

    @property
    def size(self) -> str:
        return self.disaggregation[1]

    @property
    def social_category(self) -> str:
        return self.disaggregation[2]

    @property
    def is_total(self) -> bool:
        return self.disaggregation == TOTAL

    def disaggregation_label(self) -> str:
        return disaggregation_label(self.disaggregation)


def tidy(value: Decimal | None, places: int | None = None) -> Decimal | None:
    """A value for display: rounded to ``places`` if given, without trailing zeros.

    >>> tidy(Decimal("1200.0000")), tidy(Decimal("33.3333"), 2), tidy(None)
    (Decimal('1200'), Decimal('33.33'), None)
    """
    if value is None:
        return None
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    normal = value.normalize()
    if normal == normal.to_integral_value():
        return normal.quantize(Decimal(1))
    return normal


def disaggregation_label(key: tuple[str, str, str]) -> str:
    parts = [
        str(vocabulary(value).label)
        for vocabulary, value in zip(choices.DIMENSIONS.values(), key, strict=True)
        if value
    ]
    return ", ".join(parts) or str(_("Total"))


Cells = dict[tuple[int | None, str], dict[tuple[str, str, str], dict[str, Decimal]]]


def cells(values: Iterable) -> Cells:
    """Entered values by (period id, kind) → disaggregation → element code, with derived totals."""
    grid: Cells = defaultdict(lambda: defaultdict(dict))
    types: dict[str, str] = {}
    for row in values:
        grid[(row.period_id, row.kind)][row.disaggregation()][row.element.code] = row.value
        types[row.element.code] = row.element.value_type
    for by_key in grid.values():
        codes = {code for per_code in by_key.values() for code in per_code}
        for code in codes:
            if code in by_key[TOTAL] or types.get(code) not in ADDITIVE:
                continue
            for index in range(3):
                parts = [
                    per_code[code]
                    for key, per_code in by_key.items()
                    if code in per_code
                    and key[index]
                    and all(not v for i, v in enumerate(key) if i != index)
                ]
                if parts:
                    by_key[TOTAL][code] = sum(parts, Decimal(0))
                    break
    return grid


def indicator_values(indicators: Iterable, values: Iterable, periods: Iterable) -> list:
    """Every computable indicator value of one initiative, in a stable order."""
    grid = cells(values)
    by_period = {p.pk: p for p in periods}
    rows: list[IndicatorValue] = []
    order = {kind: i for i, kind in enumerate(choices.Kind.values)}
    slots = sorted(
        grid,
        key=lambda s: (
            by_period[s[0]].start.isoformat() if s[0] in by_period else "",
            order.get(s[1], 9),
        ),
    )
    for indicator in indicators:
        try:
            parsed = formula.parse(indicator.formula)
        except formula.FormulaError:
            continue
        for slot in slots:
            by_key = grid[slot]
            if slot[0] is not None and slot[0] not in by_period:
                continue
            period = by_period.get(slot[0]) if slot[0] is not None else None
            present = {key for key, per_code in by_key.items() if parsed.codes & per_code.keys()}
            if not present and parsed.codes:
                continue
            for key in [TOTAL, *sorted(present - {TOTAL})]:
                inputs = by_key.get(key, {})
                if key != TOTAL and not parsed.codes <= inputs.keys():
                    continue
                result = formula.evaluate(parsed, inputs)
                if result is not None:
                    result = result.quantize(QUANTUM)
                rows.append(IndicatorValue(indicator, period, slot[1], key, result))
    return rows
