"""Duplicated enterprise ids are found exactly, however they are searched for.

On DuckDB the ids are first narrowed down by a 64-bit hash (decision 0115): ids that
only share a hash must not be taken for duplicates, and spellings that differ only in
surrounding spaces are the same id.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from clusterdev.engine import map_register, validation

from .conftest import write_register

ROW = "{id},Gujarat,Ahmedabad,380001,14301,5,100000,23.02,72.57,,,"


def _parquet(folder: Path, ids: pa.Array) -> Path:
    """A Parquet register of good rows with these ids."""
    n = len(ids)
    place = {"state": ["Gujarat"] * n, "district": ["Ahmedabad"] * n}
    table = pa.table(
        {"enterprise_id": ids, **place, "nic_code": ["14301"] * n, "employment": [3] * n}
    )
    path = folder / "register.parquet"
    pq.write_table(table, path)
    return path


def _reasons(path: Path, engine: str = "duckdb") -> dict[str, int]:
    result = map_register(path, "msme-di-small", engine=engine, methods=["administrative"])
    return result.summary["rows"]["quarantined_by_reason"]


def test_ids_differing_only_in_surrounding_spaces_are_duplicates(
    tmp_path: Path, engine: str
) -> None:
    rows = [ROW.format(id="A1"), ROW.format(id=" A1 "), ROW.format(id="B1")]
    assert _reasons(write_register(tmp_path, rows), engine) == {"duplicate_enterprise_id": 2}


def test_a_single_blank_id_is_a_missing_field_and_two_are_too(tmp_path: Path, engine: str) -> None:
    one = write_register(tmp_path, [ROW.format(id="A1"), ROW.format(id="  ")], "one.csv")
    two = write_register(tmp_path, [ROW.format(id=""), ROW.format(id=" ")], "two.csv")
    assert _reasons(one, engine) == {"missing_field": 1}
    assert _reasons(two, engine) == {"missing_field": 2}


def test_ids_whose_hashes_collide_are_not_taken_for_duplicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [ROW.format(id=f"E{i}") for i in range(50)] + [ROW.format(id="E7")]
    path = write_register(tmp_path, rows)

    def every_hash(con: Any, table: Any) -> pa.Table:  # as if every hash repeated
        hashes = con.to_pyarrow(table.select(_h=validation._id_hash(table)))
        return pa.table({"_h": hashes.column("_h").unique()})

    monkeypatch.setattr(validation, "_repeated_hashes", every_hash)
    assert _reasons(path) == {"duplicate_enterprise_id": 2}


def test_a_register_without_duplicates_skips_the_id_join(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    real = validation._flagged_ids
    monkeypatch.setattr(validation, "_flagged_ids", lambda *a: calls.append(real(*a)) or calls[-1])
    path = write_register(tmp_path, [ROW.format(id=f"E{i}") for i in range(20)])
    assert _reasons(path) == {}
    assert calls == [None]


@pytest.mark.parametrize("space", [" ", "\t", "\n", "\r", "\x0b", "\x0c"], ids=repr)
def test_an_id_with_any_stripped_character_before_or_after_is_the_same_id(
    tmp_path: Path, space: str
) -> None:
    # Written as Parquet: a CSV reader would drop some of these characters itself.
    ids = ["A1", f"{space}A1", "B1", f"B1{space}", "Ü9", "Ü9 ", "C1ä", "C1é"]
    path = _parquet(tmp_path, pa.array(ids))
    assert _reasons(path) == {"duplicate_enterprise_id": 6}


def test_numeric_ids_repeated_in_a_parquet_register_are_duplicates(
    tmp_path: Path, engine: str
) -> None:
    path = _parquet(tmp_path, pa.array([101, 102, 102, 103, 104, 104, 104], type=pa.int64()))
    assert _reasons(path, engine) == {"duplicate_enterprise_id": 5}


@pytest.mark.parametrize("numpy_sorts", [True, False], ids=["numpy sorts", "duckdb sorts"])
def test_duplicates_are_the_same_whichever_engine_sorts_the_hashes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, numpy_sorts: bool
) -> None:
    # Decision 0128: NumPy sorts where it has AVX-512, DuckDB elsewhere.
    monkeypatch.setattr(validation, "_numpy_sorts_fast", lambda: numpy_sorts)
    ids = [f"U{i}" for i in range(3000)] + ["U17", " U17", "U2999 ", "", "  "]
    path = _parquet(tmp_path, pa.array(ids))
    assert _reasons(path) == {"duplicate_enterprise_id": 5, "missing_field": 2}
