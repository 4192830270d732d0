"""Loads the reference catalogue of data elements and indicators (``reference_data/``).

Same contract as ``clusterdev.registry.reference``: every row names its source; a bad row is
reported with file, row, column and reason and nothing is written; loading twice changes
nothing the second time. Elements and indicators added later (admin, API) are left alone.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from clusterdev.monitoring import choices, formula
from clusterdev.monitoring.models import CODE, DataElement, Indicator
from clusterdev.registry.reference import ReferenceDataError, RowError, _Row, _rows, _save

DEFAULT_DIR = Path(__file__).resolve().parent / "reference_data"
ELEMENT_COLUMNS = ["code", "name", "unit", "value_type", "disaggregations", "source"]
INDICATOR_COLUMNS = ["code", "name", "unit", "formula", "source"]


def load_catalogue(
    directory: Path = DEFAULT_DIR,
    errors: list[RowError] | None = None,
    counts: dict[str, int] | None = None,
) -> dict[str, int]:
    """Create or update the catalogue's elements and indicators, idempotently.

    Called by the registry loader inside its transaction (with its ``errors`` list); called
    alone, it opens its own transaction and raises ReferenceDataError on bad rows.
    """
    own = errors is None
    errors = [] if errors is None else errors
    counts = {} if counts is None else counts
    with transaction.atomic():
        codes = _load_elements(directory, errors, counts)
        _load_indicators(directory, errors, counts, codes)
        if own and errors:
            raise ReferenceDataError(errors)
    return counts


def _code(row: _Row) -> str:
    code = row.text("code", required=True, max_length=60)
    if code:
        try:
            CODE(code)
        except ValidationError as error:
            row.fail("code", " ".join(error.messages))
    return code


def _load_elements(directory: Path, errors: list[RowError], counts: dict[str, int]) -> set[str]:
    codes = set(DataElement.objects.values_list("code", flat=True))
    for row in _rows(directory, "data_elements.csv", ELEMENT_COLUMNS, errors):
        code = _code(row)
        value_type = row.choice("value_type", choices.ValueType)
        dims = [d.strip() for d in row.text("disaggregations").split(";") if d.strip()]
        bad = [d for d in dims if d not in choices.DIMENSIONS]
        if bad:
            row.fail("disaggregations", f"unknown dimension(s) {', '.join(bad)}")
        if code in formula.FUNCTIONS:
            row.fail("code", f"{code!r} is the name of a formula function")
        values = {
            "name": row.text("name", required=True, max_length=200),
            "unit": row.text("unit", max_length=60),
            "value_type": value_type,
            "disaggregations": dims,
            "description": row.text("description"),
            "source": row.text("source", required=True, max_length=300),
        }
        if row.ok:
            _save(DataElement, {"code": code}, values, counts)
            codes.add(code)
    return codes


def _load_indicators(
    directory: Path, errors: list[RowError], counts: dict[str, int], codes: set[str]
) -> None:
    for row in _rows(directory, "indicators.csv", INDICATOR_COLUMNS, errors):
        code = _code(row)
        text = row.text("formula", required=True, max_length=formula.MAX_LENGTH)
        if text:
            try:
                formula.check(formula.parse(text), codes)
            except formula.FormulaError as error:
                row.fail("formula", str(error))
        values = {
            "name": row.text("name", required=True, max_length=200),
            "unit": row.text("unit", max_length=60),
            "formula": text,
            "description": row.text("description"),
            "source": row.text("source", required=True, max_length=300),
        }
        if row.ok:
            _save(Indicator, {"code": code}, values, counts)
