"""The planning scenario: every input of a finance and HR projection.

A :class:`Scenario` is a frozen value.  Build it from user input with
:meth:`Scenario.from_mapping` (which reports *all* bad fields at once through
:class:`~clusterdev.planning.model.errors.PlanningInputError`), or take the
seed's defaults with :func:`seed_scenario`.  Direct construction does not
validate; :meth:`Scenario.validate` (called by ``compute``) does.

Input mapping (JSON-friendly; every key optional, missing keys take the
seed's finance inputs and the default HR roles without overrides)::

    {
      "name": "my-plan",
      "clusters": 5000,                      # or "groups" below
      "cost_per_cluster_crore": 1,
      "groups": [{"typology": "industrial", "clusters": 1000,
                  "cost_per_cluster_crore": 2}, ...],
      "clusters_per_year_max": 1000,
      "duration_years": 5,
      "spending_profile": "even",            # or [0.1, 0.2, 0.3, 0.2, 0.2]
      "first_year": 2006,
      "horizon_years": 10,
      "inflation_rate": 0, "discount_rate": 0,
      "hr_base_year": 2005, "hr_target_year": 2010,
      "ratio_point": "high",                 # low | mid | high
      "hr": {"cda": {"required": 10000, "available": 350,
                     "training_capacity_per_year": 35, "override_note": "..."}}
    }
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .amounts import fraction_text, json_number
from .errors import FieldError, PlanningInputError
from .parsing import FieldReader, number_range_text, whole_range_text
from .roles import RATIO_POINTS, TYPOLOGIES, Role
from .rules import default_roles, seed_mapping

__all__ = [
    "LIMITS",
    "ClusterGroup",
    "Scenario",
    "seed_scenario",
]


@dataclass(frozen=True)
class _Limits:
    """Allowed ranges of the scenario's inputs (shown in error messages)."""

    max_clusters: int = 1_000_000
    max_duration_years: int = 50
    max_programme_years: int = 500
    min_year: int = 1900
    max_year: int = 2200
    max_horizon_years: int = 500
    max_cost_per_cluster_crore: Decimal = Decimal(100_000)
    max_rate: Decimal = Decimal(1)
    max_people: int = 100_000_000


LIMITS = _Limits()
"""The allowed ranges used by validation."""

_TOP_KEYS = (
    "name",
    "clusters",
    "cost_per_cluster_crore",
    "groups",
    "clusters_per_year_max",
    "duration_years",
    "spending_profile",
    "first_year",
    "horizon_years",
    "inflation_rate",
    "discount_rate",
    "hr_base_year",
    "hr_target_year",
    "ratio_point",
    "hr",
)
_GROUP_KEYS = ("typology", "clusters", "cost_per_cluster_crore")
_ROLE_KEYS = ("required", "available", "training_capacity_per_year", "override_note")


@dataclass(frozen=True)
class ClusterGroup:
    """Clusters of one typology to cover, with their cost over an initiative's life.

    Parameters
    ----------
    typology : str
        One of :data:`~clusterdev.planning.model.roles.TYPOLOGIES`
        (``"mixed"`` when the clusters are not broken down).
    clusters : int
        Number of clusters to take up.
    cost_per_cluster_crore : Decimal
        Cost of one cluster's initiative over its whole life, Rs crore.
    """

    typology: str
    clusters: int
    cost_per_cluster_crore: Decimal


def _int_ok(value: object, minimum: int, maximum: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and minimum <= value <= maximum


def _decimal_ok(
    value: object, minimum: Decimal, maximum: Decimal, *, exclusive_minimum: bool = False
) -> bool:
    if not isinstance(value, Decimal) or not value.is_finite():
        return False
    above = value > minimum if exclusive_minimum else value >= minimum
    return above and value <= maximum


@dataclass(frozen=True)
class Scenario:
    """All inputs of a resource plan (finance and human resources).

    Parameters
    ----------
    groups : tuple of ClusterGroup
        Clusters to cover, by typology, each with its cost per cluster.
    clusters_per_year_max : int
        Most clusters taken up in one year (the seed's "ceiling").
    duration_years : int
        Life of one cluster initiative, in years.
    first_year : int
        Calendar year of the programme's first year.
    spending_profile : tuple of Fraction
        Share of a cluster's cost spent in each year of its initiative;
        empty means even (``1 / duration_years`` a year).  Shares are exact
        and must add up to exactly 1.
    horizon_years : int
        Years shown at least (default 10); extended automatically when the
        programme lasts longer.
    inflation_rate : Decimal
        Yearly rise in prices (0.05 for 5 %); costs are at first-year prices.
    discount_rate : Decimal
        Yearly rate discounting nominal spending back to the first year.
    roles : tuple of Role
        HR roles (default: ``data/hr_roles.toml``, no overrides).
    hr_base_year : int or None
        Year of the availability figures; default ``first_year - 1``.
    hr_target_year : int or None
        Year by which HR gaps should close; default the year the last
        cluster is taken up.
    ratio_point : str
        ``"low"``, ``"mid"`` or ``"high"``: point of a need range used when a
        role has no override.
    name : str
        Short name of the scenario.

    Examples
    --------
    >>> s = Scenario((ClusterGroup("mixed", 5000, Decimal(1)),), 1000, 5, 2006)
    >>> s.clusters, s.take_up_years, s.programme_years, s.years_shown
    (5000, 5, 9, 10)
    >>> s.profile
    (Fraction(1, 5), Fraction(1, 5), Fraction(1, 5), Fraction(1, 5), Fraction(1, 5))
    >>> s.base_year, s.target_year
    (2005, 2010)
    """

    groups: tuple[ClusterGroup, ...]
    clusters_per_year_max: int
    duration_years: int
    first_year: int
    spending_profile: tuple[Fraction, ...] = ()
    horizon_years: int = 10
    inflation_rate: Decimal = Decimal(0)
    discount_rate: Decimal = Decimal(0)
    roles: tuple[Role, ...] = field(default_factory=default_roles)
    hr_base_year: int | None = None
    hr_target_year: int | None = None
    ratio_point: str = "high"
    name: str = "custom"

    # -- derived values ---------------------------------------------------

    @property
    def clusters(self) -> int:
        """Total clusters to cover."""
        return sum(group.clusters for group in self.groups)

    @property
    def profile(self) -> tuple[Fraction, ...]:
        """The spending profile in use (the even one if none was given)."""
        if self.spending_profile:
            return self.spending_profile
        return (Fraction(1, self.duration_years),) * self.duration_years

    @property
    def take_up_years(self) -> int:
        """Years needed to take up every cluster at the yearly ceiling."""
        return math.ceil(self.clusters / self.clusters_per_year_max)

    @property
    def programme_years(self) -> int:
        """Years from the first take-up to the end of the last initiative."""
        return self.take_up_years + self.duration_years - 1

    @property
    def years_shown(self) -> int:
        """Years in the projection: the horizon, extended to the programme's length."""
        return max(self.horizon_years, self.programme_years)

    @property
    def base_year(self) -> int:
        """Year of the HR availability figures."""
        return self.first_year - 1 if self.hr_base_year is None else self.hr_base_year

    @property
    def target_year(self) -> int:
        """Year by which HR gaps should close."""
        if self.hr_target_year is not None:
            return self.hr_target_year
        return self.first_year + self.take_up_years - 1

    def clusters_by_typology(self) -> dict[str, int]:
        """Clusters to cover, summed by typology."""
        counts: dict[str, int] = {}
        for group in self.groups:
            counts[group.typology] = counts.get(group.typology, 0) + group.clusters
        return counts

    def role(self, key: str) -> Role:
        """Return the role ``key``.

        Raises
        ------
        KeyError
            If the scenario has no such role.
        """
        for role in self.roles:
            if role.key == key:
                return role
        raise KeyError(key)

    # -- validation -------------------------------------------------------

    def errors(self) -> tuple[FieldError, ...]:
        """Return every field error of this scenario (empty if valid).

        Examples
        --------
        >>> bad = Scenario((ClusterGroup("mixed", 0, Decimal(1)),), 1000, 0, 2006)
        >>> [e.field for e in bad.errors()]
        ['groups[0].clusters', 'duration_years']
        """
        found: list[FieldError] = []

        def add(name: str, message: str) -> None:
            found.append(FieldError(name, message))

        whole = whole_range_text
        if not self.groups:
            add("groups", "must hold at least one group of clusters")
        seen: set[str] = set()
        for index, group in enumerate(self.groups):
            prefix = f"groups[{index}]."
            if group.typology not in TYPOLOGIES:
                add(prefix + "typology", f"must be one of {', '.join(TYPOLOGIES)}")
            elif group.typology in seen:
                add(prefix + "typology", f"repeats {group.typology!r}; give each typology once")
            seen.add(group.typology)
            if not _int_ok(group.clusters, 1, LIMITS.max_clusters):
                add(prefix + "clusters", f"must be {whole(1, LIMITS.max_clusters)}")
            if not _decimal_ok(
                group.cost_per_cluster_crore,
                Decimal(0),
                LIMITS.max_cost_per_cluster_crore,
                exclusive_minimum=True,
            ):
                add(
                    prefix + "cost_per_cluster_crore",
                    "must be "
                    + number_range_text(
                        Decimal(0), LIMITS.max_cost_per_cluster_crore, exclusive_minimum=True
                    ),
                )
        groups_ok = all(_int_ok(g.clusters, 1, LIMITS.max_clusters) for g in self.groups)
        if groups_ok and self.groups and self.clusters > LIMITS.max_clusters:
            add("clusters", f"total must be {whole(1, LIMITS.max_clusters)}")
        ceiling_ok = _int_ok(self.clusters_per_year_max, 1, LIMITS.max_clusters)
        if not ceiling_ok:
            add("clusters_per_year_max", f"must be {whole(1, LIMITS.max_clusters)}")
        duration_ok = _int_ok(self.duration_years, 1, LIMITS.max_duration_years)
        if not duration_ok:
            add("duration_years", f"must be {whole(1, LIMITS.max_duration_years)}")
        if groups_ok and self.groups and ceiling_ok and duration_ok:
            longest = LIMITS.max_programme_years
            if self.programme_years > longest:
                least = math.ceil(self.clusters / (longest - self.duration_years + 1))
                add(
                    "clusters_per_year_max",
                    f"too low: the programme would last {self.programme_years} years "
                    f"(at most {longest}); must be {whole(least, LIMITS.max_clusters)}",
                )
        if not _int_ok(self.first_year, LIMITS.min_year, LIMITS.max_year):
            add("first_year", f"must be {whole(LIMITS.min_year, LIMITS.max_year)}")
        if not _int_ok(self.horizon_years, 1, LIMITS.max_horizon_years):
            add("horizon_years", f"must be {whole(1, LIMITS.max_horizon_years)}")
        found.extend(self._profile_errors(duration_ok))
        for key in ("inflation_rate", "discount_rate"):
            if not _decimal_ok(getattr(self, key), Decimal(0), LIMITS.max_rate):
                add(
                    key,
                    f"must be {number_range_text(Decimal(0), LIMITS.max_rate)} "
                    "(a yearly rate, 0.05 for 5 %)",
                )
        if self.ratio_point not in RATIO_POINTS:
            add("ratio_point", f"must be one of {', '.join(RATIO_POINTS)}")
        found.extend(self._hr_errors(groups_ok and bool(self.groups) and ceiling_ok))
        return tuple(found)

    def _profile_errors(self, duration_ok: bool) -> list[FieldError]:
        found: list[FieldError] = []
        if not self.spending_profile:
            return found
        shares = self.spending_profile
        for index, share in enumerate(shares):
            if not isinstance(share, Fraction) or not 0 <= share <= 1:
                found.append(
                    FieldError(f"spending_profile[{index}]", "must be a share from 0 to 1")
                )
        if duration_ok and len(shares) != self.duration_years:
            found.append(
                FieldError(
                    "spending_profile",
                    f"must list one share per year of an initiative: {self.duration_years} "
                    f"shares (duration_years), got {len(shares)}",
                )
            )
        if all(isinstance(s, Fraction) for s in shares):
            total = sum(shares, Fraction(0))
            if total != 1:
                found.append(
                    FieldError(
                        "spending_profile",
                        f"shares must add up to exactly 1; they add up to {fraction_text(total)}",
                    )
                )
        return found

    def _hr_errors(self, can_derive_target: bool) -> list[FieldError]:
        found: list[FieldError] = []
        years = whole_range_text(LIMITS.min_year, LIMITS.max_year)
        for key in ("hr_base_year", "hr_target_year"):
            value = getattr(self, key)
            if value is not None and not _int_ok(value, LIMITS.min_year, LIMITS.max_year):
                found.append(FieldError(key, f"must be {years} or left out"))
        first_year_ok = _int_ok(self.first_year, LIMITS.min_year, LIMITS.max_year)
        if not found and first_year_ok and (self.hr_target_year is not None or can_derive_target):
            base, target = self.base_year, self.target_year
            if target <= base:
                found.append(
                    FieldError(
                        "hr_target_year",
                        f"must be after the base year {base}; got {target}",
                    )
                )
        people = whole_range_text(0, LIMITS.max_people)
        keys = [role.key for role in self.roles]
        for role in self.roles:
            prefix = f"hr.{role.key}."
            if keys.count(role.key) > 1:
                found.append(FieldError(f"hr.{role.key}", "role repeated; give each role once"))
            if not _int_ok(role.available, 0, LIMITS.max_people):
                found.append(FieldError(prefix + "available", f"must be {people}"))
            if not _int_ok(role.training_capacity_per_year, 0, LIMITS.max_people):
                found.append(FieldError(prefix + "training_capacity_per_year", f"must be {people}"))
            if role.required_override is not None and not _int_ok(
                role.required_override, 0, LIMITS.max_people
            ):
                found.append(FieldError(prefix + "required", f"must be {people} or left out"))
        return found

    def validate(self) -> Scenario:
        """Raise :class:`PlanningInputError` with every field error, or return ``self``.

        Examples
        --------
        >>> Scenario((ClusterGroup("mixed", 10, Decimal(1)),), 0, 5, 2006).validate()
        Traceback (most recent call last):
        ...
        clusterdev.planning.model.errors.PlanningInputError: clusters_per_year_max: must be \
a whole number from 1 to 1,000,000
        """
        found = self.errors()
        if found:
            raise PlanningInputError(found)
        return self

    # -- mappings ---------------------------------------------------------

    @classmethod
    def from_mapping(cls, mapping: Mapping[str, Any]) -> Scenario:
        """Build a scenario from JSON-like input, reporting every bad field at once.

        Missing keys take the seed's finance inputs (5,000 clusters, 1,000 a
        year, 5 years, Rs 1 crore, first year 2006) and the default HR roles
        *without* the seed's overrides; to get the seed's HR table use
        :func:`seed_scenario`.  See the module docstring for the keys.

        Raises
        ------
        PlanningInputError
            With one field error per bad field (unknown keys included).

        Examples
        --------
        >>> s = Scenario.from_mapping({"clusters": 2000, "clusters_per_year_max": 500,
        ...                            "spending_profile": ["0.1", "0.2", "0.3", "0.2", "0.2"]})
        >>> s.clusters, s.take_up_years, s.profile[2]
        (2000, 4, Fraction(3, 10))
        >>> Scenario.from_mapping({"duration_years": -1, "clusters_per_year_max": "x",
        ...                        "colour": "red"})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        clusterdev.planning.model.errors.PlanningInputError: colour: is not a known field...
        >>> try:
        ...     Scenario.from_mapping({"duration_years": -1, "clusters_per_year_max": "x"})
        ... except PlanningInputError as exc:
        ...     print(sorted(exc.fields))
        ['clusters_per_year_max', 'duration_years']
        """
        if not isinstance(mapping, Mapping):
            raise PlanningInputError.single("scenario", "must be an object (a mapping)")
        seed = seed_mapping()
        reader = FieldReader(mapping)
        reader.check_keys(_TOP_KEYS)
        seed_cost = Decimal(seed["cost_per_cluster_crore"])
        max_cost = LIMITS.max_cost_per_cluster_crore
        cost = reader.decimal(
            "cost_per_cluster_crore",
            default=seed_cost,
            minimum=Decimal(0),
            maximum=max_cost,
            exclusive_minimum=True,
        )
        clusters = reader.optional_integer("clusters", minimum=1, maximum=LIMITS.max_clusters)
        groups = _read_groups(reader, cost)
        if groups is None:
            total = int(seed["clusters"]) if clusters is None else clusters
            groups = (ClusterGroup("mixed", total, cost),)
        elif clusters is not None and clusters != sum(g.clusters for g in groups):
            reader.error(
                "clusters",
                f"must equal the groups' total ({sum(g.clusters for g in groups):,}) "
                "or be left out",
            )
        duration = reader.integer(
            "duration_years",
            default=int(seed["duration_years"]),
            minimum=1,
            maximum=LIMITS.max_duration_years,
        )
        scenario = cls(
            groups=groups,
            clusters_per_year_max=reader.integer(
                "clusters_per_year_max",
                default=int(seed["clusters_per_year_max"]),
                minimum=1,
                maximum=LIMITS.max_clusters,
            ),
            duration_years=duration,
            first_year=reader.integer(
                "first_year",
                default=int(seed["first_year"]),
                minimum=LIMITS.min_year,
                maximum=LIMITS.max_year,
            ),
            spending_profile=_read_profile(reader),
            horizon_years=reader.integer(
                "horizon_years",
                default=int(seed["horizon_years"]),
                minimum=1,
                maximum=LIMITS.max_horizon_years,
            ),
            inflation_rate=reader.decimal(
                "inflation_rate", default=Decimal(0), minimum=Decimal(0), maximum=LIMITS.max_rate
            ),
            discount_rate=reader.decimal(
                "discount_rate", default=Decimal(0), minimum=Decimal(0), maximum=LIMITS.max_rate
            ),
            roles=_read_roles(reader),
            hr_base_year=reader.optional_integer(
                "hr_base_year", minimum=LIMITS.min_year, maximum=LIMITS.max_year
            ),
            hr_target_year=reader.optional_integer(
                "hr_target_year", minimum=LIMITS.min_year, maximum=LIMITS.max_year
            ),
            ratio_point=reader.choice(
                "ratio_point", default=str(seed["ratio_point"]), allowed=RATIO_POINTS
            ),
            name=reader.text("name", default="custom", max_length=100),
        )
        found = list(reader.errors)
        reported = {error.field for error in found}
        found.extend(e for e in scenario.errors() if e.field not in reported)
        if found:
            raise PlanningInputError(found)
        return scenario

    def to_mapping(self) -> dict[str, Any]:
        """Return the inputs as a JSON-safe mapping that :meth:`from_mapping` reads back.

        Numbers follow the package's JSON convention (``int`` if whole, else
        exact text).  Role need rules are not included: a scenario read back
        gets the default rules with its own numbers and overrides.

        Examples
        --------
        >>> m = seed_scenario().to_mapping()
        >>> m["groups"], m["spending_profile"], m["hr"]["cda"]["required"]
        ([{'typology': 'mixed', 'clusters': 5000, 'cost_per_cluster_crore': 1}], 'even', 10000)
        >>> Scenario.from_mapping(m) == seed_scenario()
        True
        """
        profile: str | list[str] = (
            [fraction_text(share) for share in self.spending_profile]
            if self.spending_profile
            else "even"
        )
        return {
            "name": self.name,
            "clusters": self.clusters,
            "groups": [
                {
                    "typology": group.typology,
                    "clusters": group.clusters,
                    "cost_per_cluster_crore": json_number(group.cost_per_cluster_crore),
                }
                for group in self.groups
            ],
            "clusters_per_year_max": self.clusters_per_year_max,
            "duration_years": self.duration_years,
            "spending_profile": profile,
            "first_year": self.first_year,
            "horizon_years": self.horizon_years,
            "inflation_rate": json_number(self.inflation_rate),
            "discount_rate": json_number(self.discount_rate),
            "hr_base_year": self.hr_base_year,
            "hr_target_year": self.hr_target_year,
            "ratio_point": self.ratio_point,
            "hr": {
                role.key: {
                    "required": role.required_override,
                    "available": role.available,
                    "training_capacity_per_year": role.training_capacity_per_year,
                    "override_note": role.override_note,
                }
                for role in self.roles
            },
        }


def _read_groups(reader: FieldReader, default_cost: Decimal) -> tuple[ClusterGroup, ...] | None:
    entries = reader.sequence("groups")
    if entries is None:
        return None
    if not entries:
        reader.error("groups", "must hold at least one group of clusters")
        return None
    groups: list[ClusterGroup] = []
    for index, entry in enumerate(entries):
        if not isinstance(entry, Mapping):
            reader.error(f"groups[{index}]", "must be an object with typology and clusters")
            groups.append(ClusterGroup(f"invalid-{index}", 1, default_cost))
            continue
        sub = FieldReader(entry, f"groups[{index}].", reader.errors)
        sub.check_keys(_GROUP_KEYS)
        typology = sub.choice("typology", default="mixed", allowed=TYPOLOGIES)
        if not sub.given("clusters"):
            sub.error("clusters", f"is required: {whole_range_text(1, LIMITS.max_clusters)}")
        clusters = sub.integer("clusters", default=1, minimum=1, maximum=LIMITS.max_clusters)
        cost = sub.decimal(
            "cost_per_cluster_crore",
            default=default_cost,
            minimum=Decimal(0),
            maximum=LIMITS.max_cost_per_cluster_crore,
            exclusive_minimum=True,
        )
        groups.append(ClusterGroup(typology, clusters, cost))
    return tuple(groups)


def _read_profile(reader: FieldReader) -> tuple[Fraction, ...]:
    if not reader.given("spending_profile"):
        return ()
    raw = reader.mapping["spending_profile"]
    if isinstance(raw, str) and raw.strip().lower() == "even":
        return ()
    entries = reader.sequence("spending_profile")
    if entries is None:
        return ()
    shares: list[Fraction] = []
    failed = False
    for index, entry in enumerate(entries):
        share = reader.fraction(f"spending_profile[{index}]", entry)
        if share is None:
            failed = True
        else:
            shares.append(share)
    return () if failed else tuple(shares)


def _read_roles(reader: FieldReader) -> tuple[Role, ...]:
    roles = list(default_roles())
    patches = reader.sub_mapping("hr")
    if patches is None:
        return tuple(roles)
    known = [role.key for role in roles]
    for key, patch in patches.items():
        if key not in known:
            reader.error(f"hr.{key}", f"unknown role; allowed: {', '.join(known)}")
            continue
        if not isinstance(patch, Mapping):
            reader.error(f"hr.{key}", "must be an object (required, available, ...)")
            continue
        sub = FieldReader(patch, f"hr.{key}.", reader.errors)
        sub.check_keys(_ROLE_KEYS)
        index = known.index(key)
        role = roles[index]
        capacity = sub.integer(
            "training_capacity_per_year",
            default=role.training_capacity_per_year,
            minimum=0,
            maximum=LIMITS.max_people,
        )
        roles[index] = replace(
            role,
            required_override=sub.optional_integer(
                "required", minimum=0, maximum=LIMITS.max_people
            ),
            available=sub.integer(
                "available", default=role.available, minimum=0, maximum=LIMITS.max_people
            ),
            training_capacity_per_year=capacity,
            # Still the documented assumption unless the caller gave another figure.
            capacity_is_assumption=(
                role.capacity_is_assumption and capacity == role.training_capacity_per_year
            ),
            override_note=sub.text("override_note", default="", max_length=1000),
        )
    return tuple(roles)


def seed_scenario() -> Scenario:
    """Return the seed's scenario (``data/seed_scenario.toml``).

    5,000 clusters, at most 1,000 taken up a year, five-year initiatives at
    Rs 1 crore each spent evenly, first year 2006 (our reading of the seed),
    a ten-year horizon, HR base year 2005 and target year 2010, with the
    seed's HR figures held as overrides where its ratios do not give them.

    Examples
    --------
    >>> s = seed_scenario()
    >>> s.clusters, s.clusters_per_year_max, s.duration_years, s.first_year
    (5000, 1000, 5, 2006)
    >>> s.role("cda").required_override, s.role("social_service_provider").required_override
    (10000, None)
    """
    return Scenario.from_mapping(seed_mapping())
