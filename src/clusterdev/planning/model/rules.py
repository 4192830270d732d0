"""Loading the model's TOML data: scheme rules, HR roles and the seed scenario.

Scheme rules are dated, versioned data: one file per scheme version,
``data/scheme-<scheme>-<version>.toml``.  A file holds ``scheme``,
``version``, ``title``, ``kind`` (``grant`` or ``revenue_split``),
``grantor``, ``valid_from``, ``valid_to`` (omitted while open-ended or
unknown), ``date_precision`` (``day``, ``month`` or ``year``: how far the
dates are known), ``notes``, a ``[source]`` table (``document``, ``section``,
``summary``) and one ``[components.<key>]`` table per component with
``label``, ``rule_text``, ``notes`` and, for grants:

- ``min_project_cost`` and ``max_project_cost`` (Rs crore; a project above
  the maximum is accepted and its grant is worked out on the maximum;
  ``max_project_cost`` is omitted where the scheme caps the grant instead);
- ``grant_share_general`` and ``grant_share_special`` (fractions of cost), or
  ``[[bands]]`` with ``from_cost``, ``to_cost`` and the two shares;
- optionally ``max_grant`` (an absolute cap on the grant),
  ``[[size_classes]]`` (``key``, ``min_units``, ``max_units``,
  ``max_project_cost`` / ``max_grant``; with ``units_halved_in_special``),
  and conditions: ``min_industry_share``, ``spv_min_share``,
  ``spv_min_members_general``, ``spv_min_members_special``,
  ``spv_max_member_equity_share``, ``max_land_share``.

Revenue-split components have ``[[split]]`` entries (``party``, ``label``,
``share``) whose shares add up to 1.  Numbers are read exactly
(``tomllib`` with ``parse_float=Decimal``).
"""

from __future__ import annotations

import copy
import itertools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from importlib import resources
from typing import Any

from .amounts import fraction_text, round_fraction, tidy
from .errors import PlanningInputError, RulesDataError
from .roles import NEED_BASES, TYPOLOGIES, NeedRule, Role, TypologyRatio

__all__ = [
    "Band",
    "ComponentRule",
    "SchemeRules",
    "SeedReference",
    "SizeClass",
    "Source",
    "SplitShare",
    "available_schemes",
    "default_roles",
    "find_scheme",
    "load_schemes",
    "parse_scheme_rules",
    "seed_mapping",
    "seed_reference",
    "share_text",
]

SCHEME_KINDS = ("grant", "revenue_split")
DATE_PRECISIONS = ("day", "month", "year")
_DATA_PACKAGE = "clusterdev.planning.model"


def _data_text(name: str) -> bytes:
    return (resources.files(_DATA_PACKAGE) / "data" / name).read_bytes()


def _load_data_toml(name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(_data_text(name).decode("utf-8"), parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise RulesDataError(f"{name}: not valid TOML: {exc}") from exc


class _Table:
    """Typed access to one TOML table, raising RulesDataError with its path."""

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        self.data = data
        self.where = where

    def fail(self, key: str, message: str) -> RulesDataError:
        return RulesDataError(f"{self.where}.{key}: {message}")

    def has(self, key: str) -> bool:
        return key in self.data

    def text(self, key: str, default: str | None = None) -> str:
        if key not in self.data:
            if default is None:
                raise self.fail(key, "is missing")
            return default
        value = self.data[key]
        if not isinstance(value, str):
            raise self.fail(key, "must be a string")
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def integer(self, key: str, default: int | None = None, minimum: int = 0) -> int:
        if key not in self.data:
            if default is None:
                raise self.fail(key, "is missing")
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            raise self.fail(key, f"must be a whole number ≥ {minimum}")
        return value

    def optional_integer(self, key: str, minimum: int = 0) -> int | None:
        return self.integer(key, minimum=minimum) if key in self.data else None

    def decimal(self, key: str, default: Decimal | None = None) -> Decimal:
        if key not in self.data:
            if default is None:
                raise self.fail(key, "is missing")
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            raise self.fail(key, "must be a number")
        result = Decimal(value)
        if not result.is_finite() or result < 0:
            raise self.fail(key, "must be a finite number ≥ 0")
        return result

    def optional_decimal(self, key: str) -> Decimal | None:
        return self.decimal(key) if key in self.data else None

    def share(self, key: str) -> Decimal:
        value = self.decimal(key)
        if value > 1:
            raise self.fail(key, "must be a share from 0 to 1")
        return value

    def optional_share(self, key: str) -> Decimal | None:
        return self.share(key) if key in self.data else None

    def day(self, key: str) -> date | None:
        if key not in self.data:
            return None
        value = self.data[key]
        if not isinstance(value, date):
            raise self.fail(key, "must be a TOML date (YYYY-MM-DD)")
        return value

    def table(self, key: str) -> _Table:
        value = self.data.get(key)
        if not isinstance(value, Mapping):
            raise self.fail(key, "must be a table")
        return _Table(value, f"{self.where}.{key}")

    def tables(self, key: str) -> list[_Table]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
            raise self.fail(key, "must be an array of tables")
        return [_Table(v, f"{self.where}.{key}[{i}]") for i, v in enumerate(value)]


@dataclass(frozen=True)
class Source:
    """Where a rule comes from: the document, its section, and our summary of it."""

    document: str
    section: str
    summary: str = ""

    def citation(self) -> str:
        """Return a one-line citation.

        Examples
        --------
        >>> Source("MSE-CDP guidelines 2019", "CFC funding").citation()
        'MSE-CDP guidelines 2019, CFC funding'
        """
        return f"{self.document}, {self.section}" if self.section else self.document


@dataclass(frozen=True)
class Band:
    """A cost band with its grant shares (first band closed, later bands open below)."""

    from_cost: Decimal
    to_cost: Decimal
    grant_share_general: Decimal
    grant_share_special: Decimal

    def share(self, category: str) -> Decimal:
        """Grant share for ``category`` (``general`` or ``special``)."""
        return self.grant_share_special if category == "special" else self.grant_share_general

    def label(self) -> str:
        """Describe the band, e.g. ``'Rs 10-30 crore'``."""
        return f"Rs {self.from_cost}-{self.to_cost} crore"


@dataclass(frozen=True)
class SizeClass:
    """A class of cluster by size (e.g. SFURTI heritage/major/mini) with its limits."""

    key: str
    min_units: int
    max_units: int
    max_project_cost: Decimal | None = None
    max_grant: Decimal | None = None


@dataclass(frozen=True)
class SplitShare:
    """One party's share in a revenue split."""

    party: str
    label: str
    share: Decimal


@dataclass(frozen=True)
class ComponentRule:
    """The rule for one component of a scheme version (see the module docstring)."""

    key: str
    label: str
    rule_text: str
    notes: str = ""
    min_project_cost: Decimal = Decimal(0)
    max_project_cost: Decimal | None = None
    max_grant: Decimal | None = None
    grant_share_general: Decimal | None = None
    grant_share_special: Decimal | None = None
    bands: tuple[Band, ...] = ()
    size_classes: tuple[SizeClass, ...] = ()
    units_halved_in_special: bool = False
    min_industry_share: Decimal | None = None
    spv_min_share: Decimal | None = None
    spv_min_members_general: int | None = None
    spv_min_members_special: int | None = None
    spv_max_member_equity_share: Decimal | None = None
    max_land_share: Decimal | None = None
    split: tuple[SplitShare, ...] = ()


@dataclass(frozen=True)
class SchemeRules:
    """One dated version of a scheme's rules, as read from its TOML file."""

    scheme: str
    version: str
    title: str
    kind: str
    grantor: str
    valid_from: date
    valid_to: date | None
    date_precision: str
    source: Source
    notes: str
    components: tuple[ComponentRule, ...]
    origin: str = ""

    def component(self, key: str, field: str = "component") -> ComponentRule:
        """Return the component ``key`` or raise a field error listing the known ones.

        Examples
        --------
        >>> find_scheme("mse-cdp", "2007").component("cfc").max_project_cost
        Decimal('15')
        >>> find_scheme("mse-cdp", "2007").component("xyz")
        Traceback (most recent call last):
        ...
        clusterdev.planning.model.errors.PlanningInputError: component: unknown component \
'xyz' of mse-cdp 2007; allowed: dsr, soft, cfc, id
        """
        for component in self.components:
            if component.key == key:
                return component
        allowed = ", ".join(c.key for c in self.components)
        raise PlanningInputError.single(
            field,
            f"unknown component {key!r} of {self.scheme} {self.version}; allowed: {allowed}",
        )

    def in_force_on(self, day: date) -> bool:
        """Tell whether this version was in force on ``day``."""
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def validity_text(self) -> str:
        """Describe the validity period, e.g. ``'2019-10-11 to 2022-05-26'``."""
        end = self.valid_to.isoformat() if self.valid_to else "open-ended"
        return f"{self.valid_from.isoformat()} to {end} (dates known to the {self.date_precision})"


def _component(table: _Table, key: str, kind: str) -> ComponentRule:
    label = table.text("label")
    rule_text = table.text("rule_text")
    notes = table.text("notes", "")
    if kind == "revenue_split":
        split = tuple(
            SplitShare(t.text("party"), t.text("label"), t.share("share"))
            for t in table.tables("split")
        )
        if not split or sum(s.share for s in split) != 1:
            raise table.fail("split", "must list parties whose shares add up to 1")
        return ComponentRule(key=key, label=label, rule_text=rule_text, notes=notes, split=split)
    bands = tuple(
        Band(
            t.decimal("from_cost"),
            t.decimal("to_cost"),
            t.share("grant_share_general"),
            t.share("grant_share_special"),
        )
        for t in table.tables("bands")
    )
    for previous, band in itertools.pairwise(bands):
        if band.from_cost != previous.to_cost:
            raise table.fail("bands", "must be contiguous and in increasing order")
    if any(b.from_cost >= b.to_cost for b in bands):
        raise table.fail("bands", "each band must have from_cost < to_cost")
    size_classes = tuple(
        SizeClass(
            t.text("key"),
            t.integer("min_units", minimum=1),
            t.integer("max_units", minimum=1),
            t.optional_decimal("max_project_cost"),
            t.optional_decimal("max_grant"),
        )
        for t in table.tables("size_classes")
    )
    general = table.optional_share("grant_share_general")
    special = table.optional_share("grant_share_special")
    if bands and (general is not None or special is not None):
        raise table.fail("bands", "give either bands or flat grant shares, not both")
    if not bands and (general is None or special is None):
        raise table.fail("grant_share_general", "flat grant shares (general and special) needed")
    rule = ComponentRule(
        key=key,
        label=label,
        rule_text=rule_text,
        notes=notes,
        min_project_cost=table.decimal("min_project_cost"),
        max_project_cost=table.optional_decimal("max_project_cost"),
        max_grant=table.optional_decimal("max_grant"),
        grant_share_general=general,
        grant_share_special=special,
        bands=bands,
        size_classes=size_classes,
        units_halved_in_special=table.boolean("units_halved_in_special", False),
        min_industry_share=table.optional_share("min_industry_share"),
        spv_min_share=table.optional_share("spv_min_share"),
        spv_min_members_general=table.optional_integer("spv_min_members_general", 1),
        spv_min_members_special=table.optional_integer("spv_min_members_special", 1),
        spv_max_member_equity_share=table.optional_share("spv_max_member_equity_share"),
        max_land_share=table.optional_share("max_land_share"),
    )
    if bands and rule.max_project_cost is not None and bands[-1].to_cost != rule.max_project_cost:
        raise table.fail("bands", "the last band must end at max_project_cost")
    return rule


def parse_scheme_rules(data: Mapping[str, Any], origin: str = "<mapping>") -> SchemeRules:
    """Build and check :class:`SchemeRules` from a parsed TOML mapping.

    Parameters
    ----------
    data : Mapping
        The TOML document (read with ``parse_float=Decimal``).
    origin : str
        Name of the file, for error messages.

    Raises
    ------
    RulesDataError
        If a key is missing or malformed.

    Examples
    --------
    >>> import tomllib
    >>> text = '''
    ... scheme = "demo"
    ... version = "1"
    ... title = "Demo"
    ... kind = "grant"
    ... grantor = "State"
    ... valid_from = 2024-04-01
    ... date_precision = "day"
    ... notes = ""
    ... [source]
    ... document = "Demo order"
    ... section = "para 3"
    ... [components.cfc]
    ... label = "CFC"
    ... rule_text = "Half of at most Rs 2 crore."
    ... min_project_cost = 0
    ... max_project_cost = 2
    ... grant_share_general = 0.5
    ... grant_share_special = 0.6
    ... '''
    >>> rules = parse_scheme_rules(tomllib.loads(text, parse_float=Decimal))
    >>> rules.component("cfc").grant_share_special
    Decimal('0.6')
    """
    top = _Table(data, origin)
    kind = top.text("kind")
    if kind not in SCHEME_KINDS:
        raise top.fail("kind", f"must be one of {', '.join(SCHEME_KINDS)}")
    precision = top.text("date_precision")
    if precision not in DATE_PRECISIONS:
        raise top.fail("date_precision", f"must be one of {', '.join(DATE_PRECISIONS)}")
    valid_from = top.day("valid_from")
    if valid_from is None:
        raise top.fail("valid_from", "is missing")
    valid_to = top.day("valid_to")
    if valid_to is not None and valid_to < valid_from:
        raise top.fail("valid_to", "must not be before valid_from")
    source_table = top.table("source")
    components_table = top.table("components")
    components = tuple(
        _component(components_table.table(key), key, kind) for key in components_table.data
    )
    if not components:
        raise top.fail("components", "must hold at least one component")
    return SchemeRules(
        scheme=top.text("scheme"),
        version=top.text("version"),
        title=top.text("title"),
        kind=kind,
        grantor=top.text("grantor"),
        valid_from=valid_from,
        valid_to=valid_to,
        date_precision=precision,
        source=Source(
            source_table.text("document"),
            source_table.text("section", ""),
            source_table.text("summary", ""),
        ),
        notes=top.text("notes", ""),
        components=components,
        origin=origin,
    )


@lru_cache(maxsize=1)
def load_schemes() -> tuple[SchemeRules, ...]:
    """Load every shipped scheme rule file, ordered by scheme and date.

    Examples
    --------
    >>> [f"{r.scheme} {r.version}" for r in load_schemes()][:3]
    ['iius 2003', 'iius 2009', 'mse-cdp 2007']
    """
    folder = resources.files(_DATA_PACKAGE) / "data"
    names = sorted(
        entry.name
        for entry in folder.iterdir()
        if entry.name.startswith("scheme-") and entry.name.endswith(".toml")
    )
    loaded = [parse_scheme_rules(_load_data_toml(name), name) for name in names]
    seen: set[tuple[str, str]] = set()
    for rules in loaded:
        key = (rules.scheme, rules.version)
        if key in seen:
            raise RulesDataError(f"{rules.origin}: duplicate scheme version {key}")
        seen.add(key)
    return tuple(sorted(loaded, key=lambda r: (r.scheme, r.valid_from, r.version)))


def available_schemes() -> dict[str, tuple[str, ...]]:
    """Map each scheme to its versions, oldest first.

    Examples
    --------
    >>> available_schemes()["mse-cdp"]
    ('2007', '2019', '2022')
    """
    schemes: dict[str, tuple[str, ...]] = {}
    for rules in load_schemes():
        schemes[rules.scheme] = (*schemes.get(rules.scheme, ()), rules.version)
    return schemes


def find_scheme(
    scheme: str,
    version: str | None = None,
    on: date | None = None,
    *,
    field_prefix: str = "",
) -> SchemeRules:
    """Return the rules of one scheme version.

    Parameters
    ----------
    scheme : str
        Scheme key, e.g. ``"mse-cdp"``.
    version : str, optional
        Version, e.g. ``"2019"``.  Takes precedence over ``on``.
    on : date, optional
        Pick the version in force on this date.
    field_prefix : str
        Prepended to field names in errors.

    Returns
    -------
    SchemeRules
        The version asked for; the latest one if neither ``version`` nor
        ``on`` is given.

    Raises
    ------
    PlanningInputError
        On an unknown scheme or version, or no version in force on ``on``.

    Examples
    --------
    >>> find_scheme("mse-cdp", on=date(2020, 1, 1)).version
    '2019'
    >>> find_scheme("mse-cdp").version
    '2022'
    >>> find_scheme("mse-cdp-2007").version
    '2007'
    >>> find_scheme("nope")
    Traceback (most recent call last):
    ...
    clusterdev.planning.model.errors.PlanningInputError: scheme: unknown scheme 'nope'; \
allowed: iius, mse-cdp, sfurti, vatva-ppp
    """
    schemes = available_schemes()
    name, _, suffix = scheme.rpartition("-")
    if scheme not in schemes and name in schemes and suffix in schemes[name]:
        # "mse-cdp-2007", as people write it: the scheme with its version joined on.
        if version is not None and version != suffix:
            raise PlanningInputError.single(
                f"{field_prefix}version",
                f"{scheme!r} names version {suffix}, but version {version!r} was also given",
            )
        scheme, version = name, suffix
    if scheme not in schemes:
        raise PlanningInputError.single(
            f"{field_prefix}scheme",
            f"unknown scheme {scheme!r}; allowed: {', '.join(sorted(schemes))}",
        )
    versions = [r for r in load_schemes() if r.scheme == scheme]
    if version is not None:
        for rules in versions:
            if rules.version == version:
                return rules
        raise PlanningInputError.single(
            f"{field_prefix}version",
            f"unknown version {version!r} of {scheme}; allowed: {', '.join(schemes[scheme])}",
        )
    if on is not None:
        in_force = [r for r in versions if r.in_force_on(on)]
        if not in_force:
            periods = "; ".join(f"{r.version}: {r.validity_text()}" for r in versions)
            raise PlanningInputError.single(
                f"{field_prefix}on",
                f"no version of {scheme} in force on {on.isoformat()}; versions: {periods}",
            )
        return in_force[-1]
    return versions[-1]


def _fraction(table: _Table, key: str) -> Fraction:
    return Fraction(table.decimal(key))


def _need_rule(table: _Table) -> NeedRule:
    basis = table.text("basis")
    if basis not in NEED_BASES:
        raise table.fail("basis", f"must be one of {', '.join(NEED_BASES)}")
    stated = table.boolean("stated", True)
    text = table.text("text")
    if basis == "per_cluster":
        low, high = _fraction(table, "low"), _fraction(table, "high")
        if low > high:
            raise table.fail("low", "must not exceed high")
        return NeedRule(basis, low, high, stated=stated, text=text)
    if basis == "per_n_clusters":
        raw = table.data.get("clusters_per_person")
        if (
            not isinstance(raw, list)
            or len(raw) != 2
            or not all(isinstance(n, int | Decimal) and not isinstance(n, bool) for n in raw)
            or not 0 < raw[0] <= raw[1]
        ):
            raise table.fail("clusters_per_person", "must be [fewest, most] clusters, both > 0")
        fewest, most = Fraction(Decimal(raw[0])), Fraction(Decimal(raw[1]))
        return NeedRule(basis, 1 / most, 1 / fewest, stated=stated, text=text)
    ratios = []
    for entry in table.tables("per_typology"):
        typology = entry.text("typology")
        if typology not in TYPOLOGIES:
            raise entry.fail("typology", f"must be one of {', '.join(TYPOLOGIES)}")
        low, high = _fraction(entry, "low"), _fraction(entry, "high")
        if low > high:
            raise entry.fail("low", "must not exceed high")
        ratios.append(TypologyRatio(typology, low, high))
    if not ratios:
        raise table.fail("per_typology", "must list at least one typology")
    return NeedRule(basis, per_typology=tuple(ratios), stated=stated, text=text)


@lru_cache(maxsize=1)
def default_roles() -> tuple[Role, ...]:
    """Load the default HR roles from ``data/hr_roles.toml`` (no overrides).

    Examples
    --------
    >>> [role.key for role in default_roles()]  # doctest: +NORMALIZE_WHITESPACE
    ['cda', 'ta', 'bds_provider', 'social_service_provider', 'network_broker',
     'bmo_executive', 'researcher']
    >>> default_roles()[1].need.low, default_roles()[1].need.high
    (Fraction(1, 4), Fraction(1, 3))
    """
    top = _Table(_load_data_toml("hr_roles.toml"), "hr_roles.toml")
    roles = []
    for table in top.tables("roles"):
        roles.append(
            Role(
                key=table.text("key"),
                label=table.text("label"),
                education=table.text("education"),
                need=_need_rule(table.table("need")),
                available=table.integer("available"),
                training_capacity_per_year=table.integer("training_capacity_per_year"),
                capacity_is_assumption=table.boolean("capacity_is_assumption", True),
            )
        )
    keys = [role.key for role in roles]
    if len(set(keys)) != len(keys) or not roles:
        raise RulesDataError("hr_roles.toml: role keys must be present and unique")
    return tuple(roles)


@lru_cache(maxsize=1)
def _seed_document() -> dict[str, Any]:
    return _load_data_toml("seed_scenario.toml")


def seed_mapping() -> dict[str, Any]:
    """Return the seed scenario's inputs as a fresh mapping for ``Scenario.from_mapping``.

    The mapping is a copy: callers may change it (e.g. the CLI applying its
    options) without affecting later calls.

    Examples
    --------
    >>> m = seed_mapping()
    >>> m["clusters"], m["clusters_per_year_max"], m["first_year"]
    (5000, 1000, 2006)
    >>> m["hr"]["cda"]["required"]
    10000
    """
    document = copy.deepcopy(_seed_document())
    document.pop("meta", None)
    document.pop("reference", None)
    return document


@dataclass(frozen=True)
class SeedReference:
    """The seed's own tables, as written, and notes on how the seed is read."""

    title: str
    source: str
    first_year_note: str
    cost_note: str
    budget_new_clusters: tuple[int, ...]
    budget_clusters_in_progress: tuple[int, ...]
    budget_spending_crore: tuple[int, ...]
    budget_total_first_5_years: int
    budget_total_next_5_years: int
    budget_gross_total: int
    hr_required: Mapping[str, int]
    hr_available: Mapping[str, int]
    hr_education: Mapping[str, str]
    hr_total_required: int
    hr_total_available: int


def _int_list(table: _Table, key: str) -> tuple[int, ...]:
    raw = table.data.get(key)
    if not isinstance(raw, list) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in raw
    ):
        raise table.fail(key, "must be a list of whole numbers")
    return tuple(raw)


@lru_cache(maxsize=1)
def seed_reference() -> SeedReference:
    """Return the seed's tables as written in ``data/seed_scenario.toml``.

    Examples
    --------
    >>> ref = seed_reference()
    >>> ref.budget_spending_crore
    (200, 400, 600, 800, 1000, 800, 600, 400, 200, 0)
    >>> ref.hr_total_required, ref.hr_total_available
    (107300, 12972)
    """
    top = _Table(_seed_document(), "seed_scenario.toml")
    meta = top.table("meta")
    ref = top.table("reference")
    hr = ref.table("hr")
    roles = {key: hr.table(key) for key in hr.data}
    return SeedReference(
        title=meta.text("title"),
        source=meta.text("source"),
        first_year_note=meta.text("first_year_note"),
        cost_note=meta.text("cost_note"),
        budget_new_clusters=_int_list(ref, "budget_new_clusters"),
        budget_clusters_in_progress=_int_list(ref, "budget_clusters_in_progress"),
        budget_spending_crore=_int_list(ref, "budget_spending_crore"),
        budget_total_first_5_years=ref.integer("budget_total_first_5_years"),
        budget_total_next_5_years=ref.integer("budget_total_next_5_years"),
        budget_gross_total=ref.integer("budget_gross_total"),
        hr_required={k: t.integer("required") for k, t in roles.items()},
        hr_available={k: t.integer("available") for k, t in roles.items()},
        hr_education={k: t.text("education") for k, t in roles.items()},
        hr_total_required=ref.integer("hr_total_required"),
        hr_total_available=ref.integer("hr_total_available"),
    )


def share_text(value: Decimal | Fraction) -> str:
    """Write a share as a percentage, e.g. ``'70 %'``.

    Examples
    --------
    >>> share_text(Decimal("0.70"))
    '70 %'
    >>> share_text(Fraction(1, 3))
    '33.33 %'
    """
    percent = Fraction(value) * 100
    text = fraction_text(percent)
    if "/" in text:
        text = format(tidy(round_fraction(percent, Decimal("0.01"))), "f")
    return f"{text} %"
