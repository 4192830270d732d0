"""Reading typed fields out of input mappings while collecting every error.

:class:`FieldReader` is used by ``Scenario.from_mapping`` and
``GrantRequest.from_mapping``: each read either returns a value or records a
:class:`~clusterdev.planning.model.errors.FieldError` (with the allowed range
in its message) and returns a fallback, so that one pass reports all bad
fields at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

from .amounts import parse_decimal, parse_fraction, parse_int
from .errors import FieldError

__all__ = ["FieldReader", "number_range_text", "whole_range_text"]

T = TypeVar("T")


def _grouped(value: int | Decimal) -> str:
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,f}"


def whole_range_text(minimum: int | None, maximum: int | None) -> str:
    """Describe an allowed range of whole numbers.

    Examples
    --------
    >>> whole_range_text(1, 50)
    'a whole number from 1 to 50'
    >>> whole_range_text(0, None)
    'a whole number ≥ 0'
    """
    if minimum is not None and maximum is not None:
        return f"a whole number from {_grouped(minimum)} to {_grouped(maximum)}"
    if minimum is not None:
        return f"a whole number ≥ {_grouped(minimum)}"
    if maximum is not None:
        return f"a whole number ≤ {_grouped(maximum)}"
    return "a whole number"


def number_range_text(
    minimum: Decimal | None, maximum: Decimal | None, *, exclusive_minimum: bool = False
) -> str:
    """Describe an allowed range of numbers.

    Examples
    --------
    >>> number_range_text(Decimal(0), None, exclusive_minimum=True)
    'a number > 0'
    >>> number_range_text(Decimal(0), Decimal(1))
    'a number from 0 to 1'
    """
    low_sign = ">" if exclusive_minimum else "≥"
    if minimum is not None and maximum is not None and not exclusive_minimum:
        return f"a number from {_grouped(minimum)} to {_grouped(maximum)}"
    if minimum is not None and maximum is not None:
        return f"a number {low_sign} {_grouped(minimum)} and ≤ {_grouped(maximum)}"
    if minimum is not None:
        return f"a number {low_sign} {_grouped(minimum)}"
    if maximum is not None:
        return f"a number ≤ {_grouped(maximum)}"
    return "a number"


class FieldReader:
    """Read fields of one mapping, recording a field error for each bad one.

    Parameters
    ----------
    mapping : Mapping
        The input (parsed JSON, form data, TOML).
    prefix : str
        Prepended to field names in errors, e.g. ``"hr.cda."``.
    errors : list of FieldError, optional
        Shared list to append to; a new one is made if omitted.

    Examples
    --------
    >>> reader = FieldReader({"duration_years": 0, "first_year": "2006"})
    >>> reader.integer("duration_years", default=5, minimum=1, maximum=50)
    5
    >>> reader.integer("first_year", default=2006, minimum=1900, maximum=2200)
    2006
    >>> [e.to_dict() for e in reader.errors]
    [{'field': 'duration_years', 'message': 'must be a whole number from 1 to 50; got 0'}]
    """

    def __init__(
        self,
        mapping: Mapping[str, object],
        prefix: str = "",
        errors: list[FieldError] | None = None,
    ) -> None:
        self.mapping = mapping
        self.prefix = prefix
        self.errors: list[FieldError] = [] if errors is None else errors

    def name(self, key: str) -> str:
        """Return the full field name for ``key``."""
        return f"{self.prefix}{key}"

    def error(self, key: str, message: str) -> None:
        """Record an error for ``key``."""
        self.errors.append(FieldError(self.name(key), message))

    def given(self, key: str) -> bool:
        """Tell whether ``key`` is present with a value other than ``None`` or ``""``."""
        value = self.mapping.get(key)
        return value is not None and value != ""

    def check_keys(self, allowed: Iterable[str]) -> None:
        """Record an error for each key of the mapping not in ``allowed``."""
        allowed_set = list(allowed)
        for key in self.mapping:
            if key not in allowed_set:
                self.error(
                    str(key), "is not a known field; allowed: " + ", ".join(sorted(allowed_set))
                )

    def _read(self, key: str, parse: Callable[[object], T], describe: str) -> T | None:
        try:
            return parse(self.mapping[key])
        except (ValueError, TypeError, ArithmeticError):
            self.error(key, f"must be {describe}; got {self.mapping[key]!r}")
            return None

    def optional_integer(
        self, key: str, *, minimum: int | None = None, maximum: int | None = None
    ) -> int | None:
        """Read a whole number in ``[minimum, maximum]``; ``None`` if absent or bad."""
        if not self.given(key):
            return None
        describe = whole_range_text(minimum, maximum)
        value = self._read(key, parse_int, describe)
        if value is None:
            return None
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            self.error(key, f"must be {describe}; got {value}")
            return None
        return value

    def integer(
        self, key: str, *, default: int, minimum: int | None = None, maximum: int | None = None
    ) -> int:
        """Read a whole number, falling back to ``default`` if absent or bad."""
        value = self.optional_integer(key, minimum=minimum, maximum=maximum)
        return default if value is None else value

    def optional_decimal(
        self,
        key: str,
        *,
        minimum: Decimal | None = None,
        maximum: Decimal | None = None,
        exclusive_minimum: bool = False,
    ) -> Decimal | None:
        """Read an exact number in the given range; ``None`` if absent or bad."""
        if not self.given(key):
            return None
        describe = number_range_text(minimum, maximum, exclusive_minimum=exclusive_minimum)
        value = self._read(key, parse_decimal, describe)
        if value is None:
            return None
        too_low = minimum is not None and (
            value <= minimum if exclusive_minimum else value < minimum
        )
        if too_low or (maximum is not None and value > maximum):
            self.error(key, f"must be {describe}; got {value}")
            return None
        return value

    def decimal(
        self,
        key: str,
        *,
        default: Decimal,
        minimum: Decimal | None = None,
        maximum: Decimal | None = None,
        exclusive_minimum: bool = False,
    ) -> Decimal:
        """Read an exact number, falling back to ``default`` if absent or bad."""
        value = self.optional_decimal(
            key, minimum=minimum, maximum=maximum, exclusive_minimum=exclusive_minimum
        )
        return default if value is None else value

    def fraction(self, key: str, value: object) -> Fraction | None:
        """Parse ``value`` (found under ``key``) as an exact share, or record an error."""
        try:
            return parse_fraction(value)
        except (ValueError, TypeError, ArithmeticError):
            self.error(key, f"must be a number from 0 to 1 or a fraction like 1/3; got {value!r}")
            return None

    def choice(self, key: str, *, default: str, allowed: Sequence[str]) -> str:
        """Read one of ``allowed`` (case-insensitive), falling back to ``default``."""
        if not self.given(key):
            return default
        raw = self.mapping[key]
        text = str(raw).strip().lower() if isinstance(raw, str) else None
        if text is None or text not in allowed:
            self.error(key, f"must be one of {', '.join(allowed)}; got {raw!r}")
            return default
        return text

    def text(self, key: str, *, default: str, max_length: int = 200) -> str:
        """Read a short text, falling back to ``default``."""
        if not self.given(key):
            return default
        raw = self.mapping[key]
        if not isinstance(raw, str) or len(raw) > max_length:
            self.error(key, f"must be a text of at most {max_length} characters")
            return default
        return raw.strip()

    def sub_mapping(self, key: str) -> Mapping[str, object] | None:
        """Return the nested mapping under ``key``, or record an error."""
        if not self.given(key):
            return None
        raw = self.mapping[key]
        if not isinstance(raw, Mapping):
            self.error(key, "must be an object (a mapping of names to values)")
            return None
        return raw

    def sequence(self, key: str) -> Sequence[object] | None:
        """Return the list under ``key``, or record an error."""
        if not self.given(key):
            return None
        raw = self.mapping[key]
        if isinstance(raw, str | bytes) or not isinstance(raw, Sequence):
            self.error(key, "must be a list")
            return None
        return raw
