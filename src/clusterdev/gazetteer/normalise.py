"""The one normalisation rule every place-name comparison goes through.

Two spellings are "the same" when they normalise to the same key. The rule is
deliberately simple so that a SQL engine can reproduce it exactly and join on
it (the mapping engine does this in DuckDB):

1. fold Unicode to ASCII (NFKD decomposition, then drop what is not ASCII:
   ``"Bihār"`` becomes ``"Bihar"``);
2. lower-case;
3. replace ``&`` with ``and``;
4. drop every character that is not ``a``-``z`` or ``0``-``9``.

:data:`NORMALISE_SQL` is the same rule as a DuckDB expression. The two agree on
Latin-script text with diacritics; for exotic compatibility characters (ligatures,
superscript digits) Python's NFKD folding and DuckDB's ``strip_accents`` may
differ, which does not matter for Indian place names.
"""

import re
import unicodedata

__all__ = ["NORMALISE_SQL", "display_name", "normalise", "normalise_sql"]

_NOT_KEY_CHARS = re.compile("[^a-z0-9]")

NORMALISE_SQL = (
    "regexp_replace(lower(replace(strip_accents({col}), '&', 'and')), '[^a-z0-9]', '', 'g')"
)
"""DuckDB expression equal to :func:`normalise`; format it with ``col=<column expression>``."""


def normalise(text: str) -> str:
    """Reduce a place name to its comparison key.

    Parameters
    ----------
    text : str
        Any spelling of a state, district or other place name.

    Returns
    -------
    str
        Lower-case ASCII letters and digits only; ``&`` counts as ``and``.

    Examples
    --------
    >>> normalise("  Jammu & Kashmir ")
    'jammuandkashmir'
    >>> normalise("Y.S.R. Kadapa")
    'ysrkadapa'
    >>> normalise("Bihār")
    'bihar'
    """
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_KEY_CHARS.sub("", folded.lower().replace("&", "and"))


def normalise_sql(column: str) -> str:
    """Return the DuckDB expression that normalises ``column`` like :func:`normalise`.

    Parameters
    ----------
    column : str
        A SQL column reference or expression, inserted verbatim (quote it yourself
        if it needs quoting).

    Returns
    -------
    str
        A DuckDB SQL expression.

    Examples
    --------
    >>> print(normalise_sql("d.name"))
    regexp_replace(lower(replace(strip_accents(d.name), '&', 'and')), '[^a-z0-9]', '', 'g')
    """
    return NORMALISE_SQL.format(col=column)


_SMALL_WORDS = frozenset({"and", "of", "the"})
_WORD = re.compile("[A-Za-z]+")


def display_name(label: str) -> str:
    """Turn an upper-case India Post label into a name fit for people.

    Words are capitalised; ``and``/``of``/``the`` stay lower-case except at the
    start; vowel-less words of two or more letters are taken as acronyms and
    stay upper-case (``NTR``, ``SPSR``); runs of spaces collapse to one.

    Parameters
    ----------
    label : str
        A label such as ``"LAHUL AND SPITI"``.

    Returns
    -------
    str
        The display name.

    Examples
    --------
    >>> display_name("LAHUL AND SPITI")
    'Lahul and Spiti'
    >>> display_name("SPSR NELLORE")
    'SPSR Nellore'
    >>> display_name("KAIMUR (BHABUA)")
    'Kaimur (Bhabua)'
    >>> display_name("THE NILGIRIS")
    'The Nilgiris'
    """
    text = " ".join(label.split())
    first = True

    def fix(match: re.Match[str]) -> str:
        nonlocal first
        word = match.group(0)
        lower = word.lower()
        at_start = first
        first = False
        if lower in _SMALL_WORDS and not at_start:
            return lower
        if len(word) > 1 and not any(ch in "aeiou" for ch in lower):
            return word.upper()
        return word.capitalize()

    return _WORD.sub(fix, text)
