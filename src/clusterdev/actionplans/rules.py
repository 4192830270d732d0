"""Pure rules of action plans: no Django import, so they are easy to test and reason about."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

HUNDRED = Decimal(100)
SHARE_NAMES = {
    "share_private": "private",
    "share_institution": "institution",
    "share_scheme": "scheme",
    "share_state": "state",
}
TARGETS_FILE = Path(__file__).with_name("data") / "private_share_targets.csv"


def _fmt(value: Decimal) -> str:
    """A percentage without trailing zeros: 60, 12.5."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def shares_error(shares: Mapping[str, Decimal | int | None]) -> str | None:
    """Why the four funding shares (percent) are unusable, or None when they add up to 100.

    >>> shares_error({"share_private": 60, "share_institution": 20, "share_scheme": 20,
    ...               "share_state": 0}) is None
    True
    >>> print(shares_error({"share_private": 70, "share_institution": 40}))
    The funding shares add up to 110 %, over 100 % (private 70, institution 40, scheme 0, \
state 0); they must add up to exactly 100 %.
    """
    values = {name: Decimal(str(shares.get(name) or 0)) for name in SHARE_NAMES}
    for name, value in values.items():
        if value < 0 or value > HUNDRED:
            return f"The {SHARE_NAMES[name]} share must be between 0 and 100 %."
    total = sum(values.values(), Decimal(0))
    if total == HUNDRED:
        return None
    parts = ", ".join(f"{SHARE_NAMES[n]} {_fmt(v)}" for n, v in values.items())
    side = "over" if total > HUNDRED else "under"
    return (
        f"The funding shares add up to {_fmt(total)} %, {side} 100 % ({parts}); "
        "they must add up to exactly 100 %."
    )


def weighted_private_share(rows: Iterable[tuple[Decimal, Decimal]]) -> Decimal | None:
    """The plan's private share: activities' private shares weighted by their budgets.

    ``rows`` are (budget, private share in percent). None when the plan has no budget.

    >>> weighted_private_share([(Decimal(300), Decimal(60)), (Decimal(100), Decimal(20))])
    Decimal('50.0')
    >>> weighted_private_share([]) is None
    True
    """
    total = Decimal(0)
    private = Decimal(0)
    for budget, share in rows:
        total += budget
        private += budget * share
    if not total:
        return None
    return (private / total).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class Target:
    family: str
    low: Decimal | None
    high: Decimal | None
    source: str

    @property
    def label(self) -> str:
        if self.low is None or self.high is None:
            return "no target"
        return f"{_fmt(self.low)}–{_fmt(self.high)} %"


@lru_cache(maxsize=1)
def targets() -> dict[str, Target]:
    """The private share targets by typology family, read from the data file."""
    with TARGETS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    result = {}
    for row in rows:
        low = Decimal(row["min_percent"]) if row["min_percent"] else None
        high = Decimal(row["max_percent"]) if row["max_percent"] else None
        result[row["family"]] = Target(row["family"], low, high, row["source"])
    return result


def position(share: Decimal | None, target: Target | None) -> str | None:
    """Where a plan's private share stands against its target: below, within, above.

    >>> t = Target("industrial", Decimal(50), Decimal(60), "")
    >>> [position(Decimal(v), t) for v in (40, 50, 60, 61)]
    ['below', 'within', 'within', 'above']
    >>> position(None, t) is None
    True
    """
    if share is None or target is None or target.low is None or target.high is None:
        return None
    if share < target.low:
        return "below"
    if share > target.high:
        return "above"
    return "within"


@dataclass(frozen=True)
class Change:
    field: str
    before: object
    after: object


@dataclass(frozen=True)
class Comparison:
    added: list[dict]
    removed: list[dict]
    changed: list[tuple[dict, dict, list[Change]]]
    unchanged: int
    total_before: Decimal
    total_after: Decimal

    @property
    def total_change(self) -> Decimal:
        return self.total_after - self.total_before


def compare(before: Sequence[dict], after: Sequence[dict], fields: Sequence[str]) -> Comparison:
    """Activities of two versions matched by their stable ``code``.

    >>> a = [{"code": "A1", "budget_inr": Decimal(10)}, {"code": "A2", "budget_inr": Decimal(5)}]
    >>> b = [{"code": "A1", "budget_inr": Decimal(12)}, {"code": "A3", "budget_inr": Decimal(1)}]
    >>> c = compare(a, b, ["budget_inr"])
    >>> [r["code"] for r in c.added], [r["code"] for r in c.removed], c.total_change
    (['A3'], ['A2'], Decimal('-2'))
    >>> c.changed[0][2][0].field
    'budget_inr'
    """
    old = {row["code"]: row for row in before}
    new = {row["code"]: row for row in after}
    changed = []
    unchanged = 0
    for code, row in new.items():
        if code not in old:
            continue
        diffs = [Change(f, old[code].get(f), row.get(f)) for f in fields]
        diffs = [d for d in diffs if d.before != d.after]
        if diffs:
            changed.append((old[code], row, diffs))
        else:
            unchanged += 1
    return Comparison(
        added=[row for code, row in new.items() if code not in old],
        removed=[row for code, row in old.items() if code not in new],
        changed=changed,
        unchanged=unchanged,
        total_before=sum((r.get("budget_inr") or Decimal(0) for r in before), Decimal(0)),
        total_after=sum((r.get("budget_inr") or Decimal(0) for r in after), Decimal(0)),
    )


def next_code(codes: Iterable[str]) -> str:
    """The next free activity code A1, A2, … after the highest one in use.

    >>> next_code(["A1", "A7", "X"])
    'A8'
    >>> next_code([])
    'A1'
    """
    numbers = [int(c[1:]) for c in codes if c[:1] == "A" and c[1:].isdigit()]
    return f"A{max(numbers, default=0) + 1}"


def spending(budget: Decimal, spent: Decimal | None) -> dict:
    """Spent against budget for one activity (or a total): share used and overspend.

    >>> spending(Decimal(100), Decimal(120))["overspent"]
    True
    >>> spending(Decimal(0), None)["percent"] is None
    True
    """
    spent = spent or Decimal(0)
    percent = (spent * HUNDRED / budget).quantize(Decimal("0.1")) if budget else None
    return {
        "budget": budget,
        "spent": spent,
        "percent": percent,
        "overspent": spent > budget,
        "over_by": spent - budget if spent > budget else Decimal(0),
    }
