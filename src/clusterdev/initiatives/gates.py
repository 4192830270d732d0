"""Pure step-gate logic: no Django import, so it is easy to test and reason about."""

from __future__ import annotations

from collections.abc import Mapping

LAST_STEP = 6


def advance_refusal(current_step: int, record_statuses: Mapping[int, str]) -> dict | None:
    """Why an initiative in ``current_step`` may not enter the next step, or None if it may.

    ``record_statuses`` maps a step number to the status of its record ("approved", ...).

    >>> advance_refusal(1, {1: "approved"}) is None
    True
    >>> advance_refusal(1, {})["missing"]
    {'step': 1, 'record': 'none'}
    """
    if current_step >= LAST_STEP:
        return {"detail": "The initiative is already in the last step.", "missing": None}
    status = record_statuses.get(current_step)
    if status is None:
        return {
            "detail": f"Step {current_step} has no record yet; write and get it approved first.",
            "missing": {"step": current_step, "record": "none"},
        }
    if status != "approved":
        return {
            "detail": f"Step {current_step}'s record is {status}, not approved by the TA "
            "or institution staff.",
            "missing": {"step": current_step, "record": status},
        }
    return None


def weights_error(weights: Mapping[str, float]) -> str | None:
    """A message if the selection weights are unusable: negative, or all zero.

    >>> weights_error({"a": 1, "b": 0}) is None
    True
    >>> weights_error({"a": 0, "b": 0})
    'At least one weight must be above zero.'
    """
    for name, value in weights.items():
        if value is None or value < 0:
            return f"The weight '{name}' must be zero or more."
    if not any(value > 0 for value in weights.values()):
        return "At least one weight must be above zero."
    return None


CRITERIA = ("socio_economic_importance", "promotability", "viability", "sustainability")


def rank(candidates: list[dict], weights: Mapping[str, float]) -> list[dict]:
    """Candidates (each with a score per criterion) ranked by weighted mean, best first.

    >>> rank([{"id": 1, "viability": 1}, {"id": 2, "viability": 5}], {"viability": 1})[0]["id"]
    2
    """
    total = sum(weights.values())
    scored = []
    for candidate in candidates:
        value = sum(float(candidate.get(c) or 0) * float(w) for c, w in weights.items()) / total
        scored.append({**candidate, "total": round(value, 3)})
    return sorted(scored, key=lambda c: -c["total"])
