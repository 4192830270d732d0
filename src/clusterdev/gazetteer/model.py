"""The gazetteer's records: frozen dataclasses, no behaviour beyond small conveniences."""

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "AliasKind",
    "CensusDistrict",
    "CensusMatch",
    "CensusMatchMethod",
    "CentroidBasis",
    "DataSource",
    "District",
    "DistrictAlias",
    "Pin",
    "State",
]

AliasKind = Literal["india_post", "census2011", "lgd", "curated"]
"""Where a district spelling comes from.

``india_post``
    The India Post label (the canonical district list).
``census2011``
    The Census 2011 spelling, from the indiaset crosswalk.
``lgd``
    The Local Government Directory (LGD) spelling, from the same crosswalk.
``curated``
    ClusterDev's own ``data/district_aliases.csv`` (renamings, common spellings).
"""

CentroidBasis = Literal["post_offices", "pin_centroids", "curated", "none"]
"""How a district centroid was computed.

``post_offices``
    Mean of the district's PIN centroids, each the mean of that PIN's post
    offices *in this district* whose coordinates are of good quality.
``pin_centroids``
    The district has no good-quality office coordinates; mean of the published
    centroids of the PINs it serves (which come from neighbouring offices).
``curated``
    Set by hand in ``data/district_centroids.csv`` because the snapshot's coordinates
    for the district are plainly wrong (each row says why, and cites its source).
``none``
    No coordinates at all.
"""

CensusMatchMethod = Literal["census_name", "lgd_name", "curated_alias"]
"""Which spelling linked a Census 2011 district to an India Post district."""


@dataclass(frozen=True, slots=True)
class DataSource:
    """One data source, with what the "About the data" page must say about it."""

    key: str
    """Short identifier, e.g. ``"india_post"``."""
    name: str
    """Human-readable name of the data set."""
    package: str
    """Distribution it is read from (``pip`` name), or ``"clusterdev"`` for our own files."""
    version: str
    """Installed version of ``package`` (from :mod:`importlib.metadata`)."""
    licence: str
    """Licence of the *data*."""
    licence_url: str
    """Where the licence text is published."""
    attribution: str
    """The attribution line to show wherever the data is shown."""
    data_version: str | None = None
    """Snapshot or edition of the data inside the package, when it says so."""


@dataclass(frozen=True, slots=True)
class State:
    """A state or union territory as India Post has it (36 in all)."""

    code: str
    """Stable ClusterDev code: the ISO 3166-2:IN code as first assigned, e.g. ``"IN-GJ"``."""
    name: str
    """Name for people, e.g. ``"Jammu and Kashmir"``."""
    iso_3166_2: str
    """Current ISO 3166-2:IN code (differs from :attr:`code` for four states since 2023)."""
    census2011_code: str | None
    """Two-digit Census 2011 state code; ``None`` for states formed after 2011."""
    lgd_code: str
    """Local Government Directory state code."""
    india_post_name: str
    """The state as spelled in the India Post data (upper case)."""
    aliases: tuple[str, ...]
    """Other spellings and former codes that resolve to this state."""


@dataclass(frozen=True, slots=True)
class DistrictAlias:
    """One known spelling of a district."""

    name: str
    """The spelling as its source writes it (whitespace tidied)."""
    normalised: str
    """``normalise(name)``: the key joins and look-ups use."""
    kind: AliasKind
    """Which source the spelling comes from."""
    note: str = ""
    """For curated aliases, the curated kind and source (e.g. ``"former_name: ..."``)."""


@dataclass(frozen=True, slots=True)
class District:
    """A district: one (state, label) pair of the India Post data."""

    code: str
    """Stable code: the LGD district code when known (``"438"``), else ``"IP-<st>-<LABEL>"``."""
    name: str
    """Title-cased India Post label, e.g. ``"Ahmadabad"``."""
    state_code: str
    """:attr:`State.code` of the state it belongs to today."""
    india_post_label: str
    """The label exactly as India Post spells it, e.g. ``"AHMADABAD"``."""
    lgd_code: str | None
    """LGD district code, when the Census 2011/LGD crosswalk matched."""
    lgd_name: str | None
    """LGD spelling from the crosswalk, when matched."""
    census2011_name: str | None
    """Census 2011 spelling, when matched."""
    census2011_state_code: str | None
    """State the district was in at the 2011 Census when that differs from today
    (Telangana's districts were in Andhra Pradesh, Ladakh's in Jammu and Kashmir)."""
    aliases: tuple[DistrictAlias, ...]
    """Every known spelling, the India Post label first."""
    latitude: float | None
    """Centroid latitude in degrees (see :attr:`centroid_basis`)."""
    longitude: float | None
    """Centroid longitude in degrees."""
    centroid_basis: CentroidBasis
    """How the centroid was computed."""
    pin_count: int
    """Number of distinct PIN codes with at least one post office in the district."""

    @property
    def centroid(self) -> tuple[float, float] | None:
        """``(latitude, longitude)``, or ``None`` when unknown."""
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)


@dataclass(frozen=True, slots=True)
class Pin:
    """A six-digit PIN code."""

    pin: str
    """The PIN as six digits, e.g. ``"110001"``."""
    latitude: float | None
    """Centroid latitude from the India Post snapshot, when it has one."""
    longitude: float | None
    """Centroid longitude."""
    district_code: str | None
    """District of most of its post offices (``None`` when none has a district)."""
    state_code: str | None
    """State of that district (or of most of its offices when no district is known)."""

    @property
    def centroid(self) -> tuple[float, float] | None:
        """``(latitude, longitude)``, or ``None`` when unknown."""
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)


@dataclass(frozen=True, slots=True)
class CensusDistrict:
    """One row of the indiaset Census 2011 → LGD crosswalk (whitespace tidied)."""

    census2011_name: str
    lgd_name: str
    lgd_code: str
    state_name: str
    """State as the crosswalk spells it (2011 boundaries)."""


@dataclass(frozen=True, slots=True)
class CensusMatch:
    """How one crosswalk row was linked to an India Post district, if at all."""

    census: CensusDistrict
    district_code: str | None
    """Code of the matched district, ``None`` when unmatched."""
    method: CensusMatchMethod | None
    """Which spelling matched, ``None`` when unmatched."""
