"""Exact amounts: parsing, rounding and JSON conversion.

Money is in Rs crore and held as :class:`decimal.Decimal`; shares and ratios
that may not terminate in decimal (a third, a fifth of a year...) are held as
:class:`fractions.Fraction`.  Arithmetic is exact; rounding happens once, at
the end, through :func:`apportion`, so that rounded figures always add up to
their rounded total.

JSON convention (used by every ``to_dict()`` in this package): a number that
is whole is written as a JSON integer; any other number is written as a
string holding its exact decimal text (``"333.33"``), never as a float, so no
precision is lost.  A share that has no finite decimal form is written as a
fraction string (``"1/3"``).  Readers must therefore accept ``int | str``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction

__all__ = [
    "JsonNumber",
    "apportion",
    "fraction_text",
    "json_number",
    "parse_decimal",
    "parse_fraction",
    "parse_int",
    "quantum_for",
    "round_fraction",
    "tidy",
]

JsonNumber = int | str
"""A number in this package's JSON output: ``int`` if whole, else exact text."""

CENT = Decimal("0.01")
_INT_TEXT = re.compile(r"^[+-]?\d+$")
_FRACTION_TEXT = re.compile(r"^\s*([+-]?\d+)\s*/\s*(\d+)\s*$")


def tidy(value: Decimal) -> Decimal:
    """Return ``value`` without trailing zeros and without exponent notation.

    Examples
    --------
    >>> tidy(Decimal("200.00"))
    Decimal('200')
    >>> tidy(Decimal("10.50"))
    Decimal('10.5')
    >>> tidy(Decimal("-0.0"))
    Decimal('0')
    """
    if value == value.to_integral_value():
        return value.quantize(Decimal(1)) + Decimal(0)
    return value.normalize()


def _terminating(value: Fraction) -> Decimal | None:
    """Return the exact decimal of ``value`` if it has one, else ``None``."""
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1:
        return None
    places = max(twos, fives)
    scaled = value * 10**places
    return Decimal(scaled.numerator).scaleb(-places)


def fraction_text(value: Fraction) -> str:
    """Write a fraction as exact decimal text, or as ``"a/b"`` if it does not terminate.

    Examples
    --------
    >>> fraction_text(Fraction(1, 5))
    '0.2'
    >>> fraction_text(Fraction(1, 3))
    '1/3'
    >>> fraction_text(Fraction(3))
    '3'
    """
    exact = _terminating(value)
    if exact is None:
        return f"{value.numerator}/{value.denominator}"
    return format(tidy(exact), "f")


def json_number(value: Decimal | Fraction | int) -> JsonNumber:
    """Convert a number to this package's JSON form: ``int`` if whole, else text.

    Examples
    --------
    >>> json_number(Decimal("200.00"))
    200
    >>> json_number(Decimal("333.33"))
    '333.33'
    >>> json_number(Fraction(1, 3))
    '1/3'
    >>> json_number(7)
    7
    """
    if isinstance(value, bool):
        raise TypeError("booleans are not numbers here")
    if isinstance(value, int):
        return value
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return value.numerator
        return fraction_text(value)
    if value == value.to_integral_value():
        return int(value)
    return format(tidy(value), "f")


def quantum_for(values: Iterable[Decimal], coarsest: Decimal = CENT) -> Decimal:
    """Return the rounding step for results computed from ``values``.

    It is ``coarsest`` (Rs 0.01 crore = Rs 1 lakh by default), or finer when an
    input is given more precisely, so that totals of exact inputs stay exact.

    Examples
    --------
    >>> quantum_for([Decimal("1"), Decimal("0.5")])
    Decimal('0.01')
    >>> quantum_for([Decimal("0.125")])
    Decimal('0.001')
    """
    exponent = _exponent(coarsest)
    for value in values:
        exponent = min(exponent, _exponent(tidy(value)))
    return Decimal(1).scaleb(exponent)


def _exponent(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):
        raise ValueError(f"not a finite number: {value}")
    return exponent


def round_fraction(value: Fraction, quantum: Decimal) -> Decimal:
    """Round an exact value to a multiple of ``quantum`` (half to even).

    Examples
    --------
    >>> round_fraction(Fraction(1000, 3), Decimal("0.01"))
    Decimal('333.33')
    >>> round_fraction(Fraction(5, 1000), Decimal("0.01"))
    Decimal('0.00')
    """
    units = value / Fraction(quantum)
    whole = math.floor(units)
    rest = units - whole
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and whole % 2 == 1):
        whole += 1
    return (Decimal(whole) * quantum).quantize(quantum)


def apportion(values: Sequence[Fraction], quantum: Decimal) -> tuple[Decimal, ...]:
    """Round non-negative exact values so that they add up to their rounded total.

    Each value is rounded down to a multiple of ``quantum``; the units still
    missing from the rounded total go, one each, to the values with the
    largest remainders (earlier values first on ties).  No value moves by a
    full ``quantum`` or more, and a value that is exactly representable is
    never changed unless another value's rounding needs it.

    Parameters
    ----------
    values : sequence of Fraction
        Exact, non-negative values.
    quantum : Decimal
        The rounding step, e.g. ``Decimal("0.01")``.

    Returns
    -------
    tuple of Decimal
        Rounded values, summing to the rounded sum of ``values``.

    Examples
    --------
    >>> apportion([Fraction(1, 3)] * 3, Decimal("0.01"))
    (Decimal('0.34'), Decimal('0.33'), Decimal('0.33'))
    >>> apportion([Fraction(200), Fraction(400)], Decimal("0.01"))
    (Decimal('200.00'), Decimal('400.00'))
    """
    step = Fraction(quantum)
    units = [value / step for value in values]
    if any(unit < 0 for unit in units):
        raise ValueError("apportion() takes non-negative values")
    floors = [math.floor(unit) for unit in units]
    total = sum(units, Fraction(0))
    target = math.floor(total)
    rest = total - target
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and target % 2 == 1):
        target += 1
    missing = target - sum(floors)
    order = sorted(range(len(units)), key=lambda i: (-(units[i] - floors[i]), i))
    for index in order[:missing]:
        floors[index] += 1
    return tuple((Decimal(unit) * quantum).quantize(quantum) for unit in floors)


def parse_int(value: object) -> int:
    """Read a whole number from JSON, a form or TOML.

    Accepts ``int``, an integral ``float``/``Decimal``, or text such as
    ``"5000"`` or ``"5,000"``.  Booleans are refused.

    Raises
    ------
    ValueError
        With a message suitable for a field error.

    Examples
    --------
    >>> parse_int("5,000")
    5000
    >>> parse_int(1000.0)
    1000
    >>> parse_int("2.5")
    Traceback (most recent call last):
    ...
    ValueError: must be a whole number
    """
    if isinstance(value, bool):
        raise ValueError("must be a whole number, not true/false")
    if isinstance(value, int):
        if abs(value) >= 10**MAX_DIGITS:
            raise ValueError(f"must have at most {MAX_DIGITS} digits")
        return value
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 10**MAX_DIGITS:
            return int(value)
        raise ValueError("must be a whole number")
    if isinstance(value, Decimal):
        if value.is_finite():
            _check_size(value)
            if value == value.to_integral_value():
                return int(value)
        raise ValueError("must be a whole number")
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("_", "")
        if _INT_TEXT.match(text):
            if len(text.lstrip("+-")) > MAX_DIGITS:
                raise ValueError(f"must have at most {MAX_DIGITS} digits")
            return int(text)
        raise ValueError("must be a whole number")
    raise ValueError("must be a whole number")


def parse_decimal(value: object) -> Decimal:
    """Read an exact decimal number (money, rates) from JSON, a form or TOML.

    Floats are read through their shortest text (``0.1`` gives exactly
    ``Decimal("0.1")``).  Infinities, NaN and booleans are refused.

    Examples
    --------
    >>> parse_decimal(0.1)
    Decimal('0.1')
    >>> parse_decimal("1,000.50")
    Decimal('1000.50')
    >>> parse_decimal("abc")
    Traceback (most recent call last):
    ...
    ValueError: must be a number
    """
    if isinstance(value, bool):
        raise ValueError("must be a number, not true/false")
    result: Decimal
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value)) if math.isfinite(value) else Decimal("NaN")
    elif isinstance(value, str):
        text = value.strip().replace(",", "").replace("_", "")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise ValueError("must be a number") from None
    else:
        raise ValueError("must be a number")
    if not result.is_finite():
        raise ValueError("must be a finite number")
    _check_size(result)
    return result


MAX_DIGITS = 24
"""Significant digits, and powers of ten either way, that a planning number may have.

Far beyond any real budget, and small enough that exact arithmetic stays instant: a number
like ``1e999999`` would otherwise become a million-digit integer inside the projection.
"""


def _check_size(value: Decimal) -> None:
    digits = value.as_tuple()
    exponent = int(digits.exponent)
    if len(digits.digits) > MAX_DIGITS or not -MAX_DIGITS <= exponent <= MAX_DIGITS:
        raise ValueError(f"must have at most {MAX_DIGITS} digits before and after the point")


def parse_fraction(value: object) -> Fraction:
    """Read an exact share: a decimal number or a fraction written ``"a/b"``.

    Examples
    --------
    >>> parse_fraction("1/3")
    Fraction(1, 3)
    >>> parse_fraction(0.25)
    Fraction(1, 4)
    """
    if isinstance(value, Fraction):
        return value
    if isinstance(value, str):
        match = _FRACTION_TEXT.match(value)
        if match:
            if max(len(match.group(1)), len(match.group(2))) > MAX_DIGITS:
                raise ValueError(f"must have at most {MAX_DIGITS} digits above and below the line")
            denominator = int(match.group(2))
            if denominator == 0:
                raise ValueError("must not divide by zero")
            return Fraction(int(match.group(1)), denominator)
    return Fraction(parse_decimal(value))
