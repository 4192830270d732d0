"""Products: a NIC level or a grouping file."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterdev.engine import RegisterError, map_register

from .conftest import write_register


def _rows(n: int, nic: str, prefix: str) -> list[str]:
    return [f"{prefix}{i},Gujarat,Surat,395003,{nic},2,,21.17,72.83,,," for i in range(n)]


def test_the_product_level_cuts_nic_codes_to_that_many_digits(tmp_path: Path) -> None:
    path = write_register(tmp_path, _rows(25, "14301", "A") + _rows(25, "14109", "B"))
    level2 = map_register(path, "msme-di-small", product_level=2, methods=["administrative"])
    assert list(level2.clusters["product_code"]) == ["14"]
    assert int(level2.clusters["units"].iloc[0]) == 50
    level4 = map_register(path, "msme-di-small", product_level=4, methods=["administrative"])
    assert sorted(level4.clusters["product_code"]) == ["1410", "1430"]


def test_a_grouping_file_defines_products_by_the_longest_prefix(tmp_path: Path) -> None:
    path = write_register(tmp_path, _rows(25, "14301", "A") + _rows(25, "14109", "B"))
    groups = tmp_path / "groups.csv"
    groups.write_text("nic_prefix,group_code,group_name\n14,APP,Apparel\n1430,KNIT,Knitwear\n")
    found = map_register(path, "msme-di-small", product_grouping=groups, methods=["administrative"])
    assert dict(
        zip(found.clusters["product_code"], found.clusters["product_name"], strict=True)
    ) == {
        "APP": "Apparel",
        "KNIT": "Knitwear",
    }


def test_a_grouping_file_without_its_columns_is_refused(tmp_path: Path) -> None:
    path = write_register(tmp_path, _rows(1, "14301", "A"))
    groups = tmp_path / "groups.csv"
    groups.write_text("prefix,code\n14,APP\n")
    with pytest.raises(RegisterError, match="nic_prefix"):
        map_register(path, "msme-di-small", product_grouping=groups)


def test_an_unknown_product_level_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="product_level"):
        map_register(
            write_register(tmp_path, _rows(1, "14301", "A")), "msme-di-small", product_level=7
        )
