"""Human-resource roles and the rules that say how many people each needs.

A :class:`Role` holds one kind of cluster professional (CDA, TA, BDS
provider...) with its :class:`NeedRule`, its availability at the base year,
its education level and its training capacity.  Default roles come from
``data/hr_roles.toml``; a scenario may hold its own values, including an
explicit ``required_override`` where a source's figure cannot be derived from
its stated ratio (the projection then shows both).

Ratios are held as exact fractions of *persons per cluster*: "one TA per
3-4 clusters" is the range 1/4 to 1/3 person per cluster.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

__all__ = [
    "NEED_BASES",
    "RATIO_POINTS",
    "TYPOLOGIES",
    "NeedRule",
    "Role",
    "TypologyRatio",
    "point_of",
]

TYPOLOGIES: tuple[str, ...] = ("industrial", "artisan", "services", "mixed")
"""Cluster typologies (seed section 1.2); ``mixed`` means "not broken down"."""

RATIO_POINTS: tuple[str, ...] = ("low", "mid", "high")
"""Which point of a ratio range a projection uses when no override is given."""

NEED_BASES: tuple[str, ...] = ("per_cluster", "per_n_clusters", "per_typology")
"""How a need rule is stated: persons per cluster, one person per N clusters,
or persons per cluster depending on the cluster's typology."""


def point_of(low: Fraction, high: Fraction, point: str) -> Fraction:
    """Pick the ``low``, ``mid`` or ``high`` point of a range.

    Examples
    --------
    >>> point_of(Fraction(5), Fraction(6), "mid")
    Fraction(11, 2)
    """
    if point == "low":
        return low
    if point == "high":
        return high
    if point == "mid":
        return (low + high) / 2
    raise ValueError(f"unknown ratio point {point!r}; allowed: {', '.join(RATIO_POINTS)}")


@dataclass(frozen=True)
class TypologyRatio:
    """Persons needed per cluster of one typology (a range ``low``-``high``)."""

    typology: str
    low: Fraction
    high: Fraction


@dataclass(frozen=True)
class NeedRule:
    """How many people of a role a set of clusters needs.

    Parameters
    ----------
    basis : str
        One of :data:`NEED_BASES`; ``per_n_clusters`` is stored, like
        ``per_cluster``, as persons per cluster (``low``-``high``).
    low, high : Fraction
        Persons per cluster (``per_cluster``, ``per_n_clusters``).
    per_typology : tuple of TypologyRatio
        Persons per cluster by typology (``per_typology``).  A typology the
        rule does not name (including ``mixed``) gets the envelope of the
        named ones: the smallest low and the largest high.
    stated : bool
        ``True`` if the source states the ratio; ``False`` if the ratio is
        only implied (the source's total divided by its clusters).
    text : str
        The rule in words, with its source.

    Examples
    --------
    >>> rule = NeedRule("per_n_clusters", Fraction(1, 4), Fraction(1, 3))
    >>> rule.need_range({"mixed": 5000})
    (Fraction(1250, 1), Fraction(5000, 3))
    >>> bds = NeedRule("per_typology", per_typology=(
    ...     TypologyRatio("industrial", Fraction(5), Fraction(20)),
    ...     TypologyRatio("artisan", Fraction(2), Fraction(2))))
    >>> bds.need_range({"industrial": 100, "artisan": 1000})
    (Fraction(2500, 1), Fraction(4000, 1))
    """

    basis: str
    low: Fraction = Fraction(0)
    high: Fraction = Fraction(0)
    per_typology: tuple[TypologyRatio, ...] = ()
    stated: bool = True
    text: str = ""

    def ratio_for(self, typology: str) -> tuple[Fraction, Fraction, bool]:
        """Return ``(low, high, named)`` persons per cluster for a typology.

        ``named`` is ``False`` when a ``per_typology`` rule does not name the
        typology and the envelope of the named ones is used instead.
        """
        if self.basis != "per_typology":
            return self.low, self.high, True
        for ratio in self.per_typology:
            if ratio.typology == typology:
                return ratio.low, ratio.high, True
        if not self.per_typology:
            return Fraction(0), Fraction(0), False
        low = min(r.low for r in self.per_typology)
        high = max(r.high for r in self.per_typology)
        return low, high, False

    def need_range(self, clusters_by_typology: Mapping[str, int]) -> tuple[Fraction, Fraction]:
        """Exact range of persons needed for the given clusters (not rounded)."""
        low = high = Fraction(0)
        for typology, clusters in clusters_by_typology.items():
            per_low, per_high, _named = self.ratio_for(typology)
            low += per_low * clusters
            high += per_high * clusters
        return low, high

    def unnamed_typologies(self, clusters_by_typology: Mapping[str, int]) -> tuple[str, ...]:
        """Typologies with clusters for which the rule states no ratio of its own."""
        return tuple(
            typology
            for typology, clusters in clusters_by_typology.items()
            if clusters and not self.ratio_for(typology)[2]
        )


@dataclass(frozen=True)
class Role:
    """One kind of cluster professional, as a scenario plans for it.

    Parameters
    ----------
    key : str
        Stable identifier, e.g. ``"cda"``.
    label : str
        Name shown to people.
    education : str
        Likely education level required.
    need : NeedRule
        Rule giving the number required from the clusters covered.
    available : int
        Persons available at the base year.
    training_capacity_per_year : int
        Persons that can be trained a year at current capacity.
    capacity_is_assumption : bool
        ``True`` when the capacity is an assumption, not a sourced figure.
    required_override : int or None
        Number required held as an explicit input (e.g. the seed's figure
        where its ratio does not give it); ``None`` to use the ratio.
    override_note : str
        Why the override is there.
    """

    key: str
    label: str
    education: str
    need: NeedRule
    available: int
    training_capacity_per_year: int
    capacity_is_assumption: bool = True
    required_override: int | None = None
    override_note: str = ""

    def ratio_estimate(
        self, clusters_by_typology: Mapping[str, int], point: str
    ) -> tuple[int, int, int]:
        """Persons the ratio gives: ``(low, high, point)``, each rounded up.

        Examples
        --------
        >>> role = Role("ta", "TAs", "Graduates",
        ...             NeedRule("per_n_clusters", Fraction(1, 4), Fraction(1, 3)), 12, 1)
        >>> role.ratio_estimate({"mixed": 5000}, "high")
        (1250, 1667, 1667)
        """
        low, high = self.need.need_range(clusters_by_typology)
        return math.ceil(low), math.ceil(high), math.ceil(point_of(low, high, point))
