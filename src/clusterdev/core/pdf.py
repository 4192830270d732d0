"""Small helpers for the PDF reports (fpdf2's core fonts, which hold Latin-1 only)."""

from __future__ import annotations

from typing import Any

_REPLACEMENTS = {
    "≥": ">=",
    "≤": "<=",
    "×": "x",
    "–": "-",
    "—": "-",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "…": "...",
    "₹": "Rs ",
    "→": "->",
    "✓": "v",
}


def latin1(text: Any) -> str:
    """The text with typographic signs spelled out and anything else outside Latin-1 as '?'."""
    value = "" if text is None else str(text)
    for old, new in _REPLACEMENTS.items():
        value = value.replace(old, new)
    return value.encode("latin-1", "replace").decode("latin-1")


def text(value: Any) -> str:
    """A cell: '-' for nothing, whole numbers with thousands separators."""
    if value is None or value == "":
        return "-"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return latin1(value)
