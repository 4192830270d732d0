"""A register with no bad row still gets a quarantine file: its header, no rows."""

from __future__ import annotations

from pathlib import Path

from clusterdev.engine import map_register

from .conftest import HEADER, write_register


def test_no_bad_row_gives_an_empty_quarantine_with_every_column(
    tmp_path: Path, engine: str
) -> None:
    rows = [f"E{i},Gujarat,Surat,,14301,3,,21.17,72.83,,,ok" for i in range(5)]
    result = map_register(
        write_register(tmp_path, rows), "msme-di-small", engine=engine, out=tmp_path / "out"
    )
    assert result.summary["rows"]["quarantined"] == 0
    assert result.quarantine.empty
    columns = list(result.quarantine.columns)
    assert set(columns) == {*HEADER.split(","), "reason"}
    assert columns[-1] == "reason"
    header = (tmp_path / "out" / "quarantine.csv").read_text(encoding="utf-8").splitlines()
    assert header == [",".join(columns)]
