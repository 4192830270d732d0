"""Errors raised by the planning model.

Every problem with user input is reported through one exception type,
:class:`PlanningInputError`, which carries *all* the field errors found, not
just the first.  The CLI exits with status 2 on it, the API answers 400 with
:meth:`PlanningInputError.to_dict`, and forms show :meth:`PlanningInputError.by_field`
next to each field.

A malformed data file shipped with the package (or supplied by an operator) is
not user input: it raises :class:`RulesDataError` instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["FieldError", "PlanningInputError", "RulesDataError"]


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field.

    Parameters
    ----------
    field : str
        Dotted name of the field as the caller spelled it in the input
        mapping, e.g. ``"duration_years"``, ``"groups[1].clusters"`` or
        ``"hr.cda.available"``.
    message : str
        What is wrong, including the allowed range or values.

    Examples
    --------
    >>> FieldError("duration_years", "must be a whole number from 1 to 50").to_dict()
    {'field': 'duration_years', 'message': 'must be a whole number from 1 to 50'}
    """

    field: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """Return the error as a JSON-safe mapping with ``field`` and ``message``."""
        return {"field": self.field, "message": self.message}


class PlanningInputError(ValueError):
    """Bad input to the planning model, with every field error found.

    Parameters
    ----------
    errors : iterable of FieldError
        The field errors; at least one.

    Examples
    --------
    >>> err = PlanningInputError([FieldError("duration_years", "must be at least 1")])
    >>> str(err)
    'duration_years: must be at least 1'
    >>> err.to_dict()
    {'errors': [{'field': 'duration_years', 'message': 'must be at least 1'}]}
    >>> isinstance(err, ValueError)
    True
    """

    errors: tuple[FieldError, ...]

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors = tuple(errors)
        if not self.errors:
            raise ValueError("PlanningInputError needs at least one FieldError")
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in self.errors))

    @classmethod
    def single(cls, field: str, message: str) -> PlanningInputError:
        """Build the error for one field.

        Examples
        --------
        >>> PlanningInputError.single("scheme", "unknown").errors[0].field
        'scheme'
        """
        return cls([FieldError(field, message)])

    @property
    def fields(self) -> tuple[str, ...]:
        """Names of the fields in error, in the order found, without repeats."""
        return tuple(dict.fromkeys(e.field for e in self.errors))

    def by_field(self) -> dict[str, list[str]]:
        """Group the messages by field name (for forms).

        Examples
        --------
        >>> err = PlanningInputError([FieldError("a", "x"), FieldError("a", "y")])
        >>> err.by_field()
        {'a': ['x', 'y']}
        """
        grouped: dict[str, list[str]] = {}
        for error in self.errors:
            grouped.setdefault(error.field, []).append(error.message)
        return grouped

    def to_dict(self) -> dict[str, list[dict[str, str]]]:
        """Return ``{"errors": [{"field": ..., "message": ...}, ...]}`` for an API answer."""
        return {"errors": [e.to_dict() for e in self.errors]}


class RulesDataError(ValueError):
    """A data file (scheme rules, HR roles, seed scenario) is malformed.

    This is a defect in the data, not in a user's input, so it is kept apart
    from :class:`PlanningInputError`.
    """
