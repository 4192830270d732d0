"""Pure step-gate logic: no Django import, so it is easy to test and reason about."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

LAST_STEP = 6
ENDED = ("completed", "dropped")


def advance_refusal(current_step: int, record_statuses: Mapping[int, str]) -> dict[str, Any] | None:
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


def rank(candidates: list[dict[str, Any]], weights: Mapping[str, float]) -> list[dict[str, Any]]:
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


def status_problems(status: str, step: int, actual_end_date: date | None) -> dict[str, str]:
    """Field errors when status, step and end date contradict each other (empty if consistent).

    A proposed initiative is still choosing its cluster (step 1); a completed one has gone
    through all six steps; ended initiatives (completed, dropped) have an actual end date and
    running ones do not.

    >>> status_problems("completed", 4, date(2026, 1, 1))["status"]
    'An initiative can be completed only in step 6 (monitoring & evaluation); it is in step 4.'
    >>> status_problems("active", 2, None)
    {}
    """
    errors: dict[str, str] = {}
    if status == "proposed" and step > 1:
        errors["status"] = (
            f"A proposed initiative is in step 1; this one is in step {step}, so it is active, "
            "suspended, completed or dropped."
        )
    if status == "completed" and step < LAST_STEP:
        errors["status"] = (
            f"An initiative can be completed only in step {LAST_STEP} (monitoring & evaluation); "
            f"it is in step {step}."
        )
    if status in ENDED and actual_end_date is None:
        errors["actual_end_date"] = f"A {status} initiative needs its actual end date."
    if status not in ENDED and actual_end_date is not None:
        errors["actual_end_date"] = (
            "Only a completed or dropped initiative has an actual end date; clear it or change "
            "the status."
        )
    return errors
