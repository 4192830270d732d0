"""Cluster identification rule sets: named, versioned profiles stored as TOML files.

Each ``*.toml`` file in this directory is one rule set. Copy one, edit it, and pass
its path wherever a rule-set name is accepted. A rule set says which *tests* an
aggregate (a district × product, or a footprint) must pass to count as a cluster;
a cluster records every test it passed in ``rules_met``.

A test passes when all its conditions hold. A condition compares a figure
(``units``, ``employment``, ``turnover_inr``, ``looms``, ``location_quotient``,
``stars``, ``share``) with either a fixed ``value`` or the ``percentile`` (linear
interpolation, NumPy's default) of the same figure over the regions where the
product has employment > 0.

Examples
--------
>>> rules = load_rules("unido-1996")
>>> rules.name, [t.id for t in rules.tests]
('unido-1996', ['units-100', 'units-50-turnover-10cr'])
>>> sorted(list_rules())[:2]
['fmc-observatory', 'handloom-block']
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ..errors import RuleSetError

__all__ = [
    "FIGURES",
    "OPERATORS",
    "TYPOLOGIES",
    "Condition",
    "FootprintParameters",
    "RuleSet",
    "RuleTest",
    "list_rules",
    "load_rules",
    "rules_dir",
]

RULES_DIR = Path(__file__).resolve().parent
FIGURES = (
    "units",
    "employment",
    "turnover_inr",
    "looms",
    "location_quotient",
    "stars",
    "share",
)
OPERATORS = (">=", ">", "<=", "<", "==")
TYPOLOGIES = ("industrial", "handloom", "handicraft", "micro", "services")


@dataclass(frozen=True, slots=True)
class Condition:
    """One comparison: ``figure op value`` or ``figure op P<percentile>``."""

    figure: str
    op: str
    value: float | None = None
    percentile: float | None = None

    def describe(self) -> str:
        """Human-readable form, e.g. ``units >= 100`` or ``employment > P25``."""
        rhs = f"P{self.percentile:g}" if self.percentile is not None else f"{self.value:g}"
        return f"{self.figure} {self.op} {rhs}"


@dataclass(frozen=True, slots=True)
class RuleTest:
    """A named test: every condition must hold; limited to some typologies if given."""

    id: str
    description: str
    conditions: tuple[Condition, ...]
    typologies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FootprintParameters:
    """How the footprint method finds dense cells for this rule set."""

    cell_km: float = 2.0
    """Side of a grid cell in kilometres."""
    min_units: int = 20
    """A cell is dense when it and its eight neighbours hold at least this many units."""
    edge_cells: bool = True
    """A cell that is not dense but touches a dense cell joins that cell's footprint."""


@dataclass(frozen=True, slots=True)
class RuleSet:
    """A named, versioned cluster identification profile."""

    name: str
    version: str
    title: str
    source_document: str
    source_section: str
    source_url: str
    tests: tuple[RuleTest, ...]
    measure: str = "employment"
    """Figure the location quotient is computed on: ``employment`` or ``units``."""
    exclude_typologies: tuple[str, ...] = ()
    footprint: FootprintParameters = field(default_factory=FootprintParameters)
    path: str = ""
    notes: str = ""

    @property
    def label(self) -> str:
        """``name@version``, as written in outputs."""
        return f"{self.name}@{self.version}"


def rules_dir() -> Path:
    """Directory of the rule-set files shipped with ClusterDev.

    Examples
    --------
    >>> (rules_dir() / "strong.toml").is_file()
    True
    """
    return RULES_DIR


def list_rules() -> dict[str, Path]:
    """Shipped rule sets by name.

    Returns
    -------
    dict of str to Path

    Examples
    --------
    >>> "strong" in list_rules()
    True
    """
    return {path.stem: path for path in sorted(RULES_DIR.glob("*.toml"))}


def _condition(raw: Any, where: str) -> Condition:
    if not isinstance(raw, dict):
        raise RuleSetError(f"{where}: a condition must be a table")
    figure = raw.get("figure")
    op = raw.get("op", ">=")
    if figure not in FIGURES:
        raise RuleSetError(f"{where}: figure must be one of {', '.join(FIGURES)}, not {figure!r}")
    if op not in OPERATORS:
        raise RuleSetError(f"{where}: op must be one of {', '.join(OPERATORS)}, not {op!r}")
    value, percentile = raw.get("value"), raw.get("percentile")
    if (value is None) == (percentile is None):
        raise RuleSetError(f"{where}: give exactly one of value or percentile")
    if percentile is not None and not 0 <= float(percentile) <= 100:
        raise RuleSetError(f"{where}: percentile must be between 0 and 100")
    return Condition(
        figure=str(figure),
        op=str(op),
        value=None if value is None else float(value),
        percentile=None if percentile is None else float(percentile),
    )


def _typologies(raw: Any, where: str) -> tuple[str, ...]:
    values = tuple(str(v) for v in (raw or ()))
    unknown = [v for v in values if v not in TYPOLOGIES]
    if unknown:
        raise RuleSetError(f"{where}: unknown typology {unknown[0]!r}")
    return values


def parse_rules(data: dict[str, Any], path: str = "") -> RuleSet:
    """Build a :class:`RuleSet` from parsed TOML data.

    Parameters
    ----------
    data : dict
        The TOML document.
    path : str
        Where it came from, for messages.

    Returns
    -------
    RuleSet

    Examples
    --------
    >>> rs = parse_rules({"name": "x", "version": "1", "title": "X", "tests": [
    ...     {"id": "big", "conditions": [{"figure": "units", "op": ">=", "value": 5}]}]})
    >>> rs.tests[0].conditions[0].describe()
    'units >= 5'
    """
    where = path or "rule set"
    for key in ("name", "version", "title"):
        if not isinstance(data.get(key), str) or not data[key]:
            raise RuleSetError(f"{where}: missing {key!r}")
    source = data.get("source", {})
    tests = []
    for i, raw in enumerate(data.get("tests", [])):
        test_where = f"{where}: tests[{i}]"
        if "id" not in raw:
            raise RuleSetError(f"{test_where}: missing 'id'")
        conditions = tuple(_condition(c, test_where) for c in raw.get("conditions", []))
        if not conditions:
            raise RuleSetError(f"{test_where}: no conditions")
        tests.append(
            RuleTest(
                id=str(raw["id"]),
                description=str(raw.get("description", "")),
                conditions=conditions,
                typologies=_typologies(raw.get("typologies"), test_where),
            )
        )
    if not tests:
        raise RuleSetError(f"{where}: no tests")
    measure = str(data.get("measure", "employment"))
    if measure not in ("employment", "units"):
        raise RuleSetError(f"{where}: measure must be 'employment' or 'units'")
    footprint = _footprint(data.get("footprint", {}), where)
    return RuleSet(
        name=str(data["name"]),
        version=str(data["version"]),
        title=str(data["title"]),
        source_document=str(source.get("document", "")),
        source_section=str(source.get("section", "")),
        source_url=str(source.get("url", "")),
        tests=tuple(tests),
        measure=measure,
        exclude_typologies=_typologies(data.get("exclude_typologies"), where),
        footprint=footprint,
        path=path,
        notes=str(data.get("notes", "")),
    )


def _footprint(fp: dict[str, Any], where: object) -> FootprintParameters:
    """The ``[footprint]`` table, checked.

    Cells from 100 m to 100 km keep every grid row and column of India positive and
    inside the packed cell key (:mod:`clusterdev.engine.grid`).
    """
    known = [f.name for f in fields(FootprintParameters)]
    unknown = sorted(set(fp) - set(known))
    if unknown:
        raise RuleSetError(
            f"{where}: unknown footprint setting {', '.join(unknown)} (known: {', '.join(known)})"
        )
    cell_km, min_units = fp.get("cell_km", 2.0), fp.get("min_units", 20)
    edge_cells = fp.get("edge_cells", True)
    if isinstance(cell_km, bool) or not isinstance(cell_km, (int, float)):
        raise RuleSetError(f"{where}: footprint.cell_km must be a number, not {cell_km!r}")
    if not 0.1 <= cell_km <= 100:
        raise RuleSetError(f"{where}: footprint.cell_km must be between 0.1 and 100 (km)")
    if isinstance(min_units, bool) or not isinstance(min_units, int) or min_units < 1:
        raise RuleSetError(
            f"{where}: footprint.min_units must be a whole number of at least 1, not {min_units!r}"
        )
    if not isinstance(edge_cells, bool):
        raise RuleSetError(
            f"{where}: footprint.edge_cells must be true or false, not {edge_cells!r}"
        )
    return FootprintParameters(cell_km=float(cell_km), min_units=min_units, edge_cells=edge_cells)


def load_rules(name_or_path: str | Path | RuleSet) -> RuleSet:
    """Load a shipped rule set by name, or any rule-set file by path.

    Parameters
    ----------
    name_or_path : str, Path or RuleSet
        A shipped name (``"fmc-observatory"``) or the path of a TOML file.

    Returns
    -------
    RuleSet

    Raises
    ------
    RuleSetError
        When the name is unknown or the file is malformed.

    Examples
    --------
    >>> load_rules("strong").label
    'strong@2014'
    """
    if isinstance(name_or_path, RuleSet):
        return name_or_path
    shipped = list_rules()
    text = str(name_or_path)
    if text in shipped:
        path = shipped[text]
    else:
        path = Path(text)
        if not path.is_file():
            raise RuleSetError(
                f"unknown rule set {text!r}: give a file path or one of {', '.join(shipped)}"
            )
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise RuleSetError(f"{path}: not valid TOML: {error}") from None
    return parse_rules(data, str(path))
