"""Dates of an initiative's records: in order, and inside the initiative's own dates.

One helper for every record that carries dates (action plan activities, trust-building
events, monitoring periods, progress reports), so that the pages and the API refuse the same
dates with the same words. The initiative ends on its actual end date when it has one, else
on its planned end date; a bound the initiative does not have is not checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.utils.translation import gettext as _


def initiative_bounds(initiative) -> tuple[date | None, date | None]:
    """The first and last day of the initiative (None where it has no such date)."""
    if initiative is None:
        return None, None
    return initiative.start_date, initiative.actual_end_date or initiative.planned_end_date


def date_problems(
    initiative,
    dates: Mapping[str, tuple[str, date | None]],
    order: tuple[str, str] | None = None,
) -> dict[str, str]:
    """Field errors for ``dates`` ({field: (label, value)}) of a record of ``initiative``.

    ``order`` names a (start, end) pair of fields: the end may not come before the start.
    Each date must then lie inside the initiative's dates. Empty dates are not checked.

    >>> from types import SimpleNamespace as Row
    >>> i = Row(start_date=date(2024, 4, 1), planned_end_date=None, actual_end_date=None)
    >>> date_problems(i, {"date": ("Date", date(2020, 1, 1))})["date"]
    'Date (2020-01-01) is before the initiative starts (2024-04-01).'
    >>> date_problems(i, {"date": ("Date", date(2025, 1, 1))})
    {}
    >>> span = {"start": ("Start", date(2024, 6, 1)), "end": ("End", date(2024, 5, 1))}
    >>> date_problems(i, span, order=("start", "end"))["end"]
    'End (2024-05-01) cannot be before the start (2024-06-01).'
    """
    errors: dict[str, str] = {}
    if order is not None:
        start_field, end_field = order
        (_label, start), (end_label, end) = dates[start_field], dates[end_field]
        if start and end and end < start:
            errors[end_field] = _(
                "%(label)s (%(date)s) cannot be before the start (%(start)s)."
            ) % {"label": end_label, "date": end, "start": start}
    first, last = initiative_bounds(initiative)
    for name, (label, value) in dates.items():
        if value is None or name in errors:
            continue
        if first and value < first:
            errors[name] = _(
                "%(label)s (%(date)s) is before the initiative starts (%(start)s)."
            ) % {
                "label": label,
                "date": value,
                "start": first,
            }
        elif last and value > last:
            errors[name] = _("%(label)s (%(date)s) is after the initiative ends (%(end)s).") % {
                "label": label,
                "date": value,
                "end": last,
            }
    return errors
