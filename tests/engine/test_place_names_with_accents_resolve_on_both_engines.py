"""Place names are normalised as the gazetteer does, accents folded, on DuckDB and Spark.

A register that writes ``Bihār`` or ``Gujarāt`` means Bihar and Gujarat; before, the
engine dropped the accented letter (Spark has no accent folding) and quarantined the
row as an unknown state.
"""

from __future__ import annotations

from pathlib import Path

from clusterdev.engine import map_register

from .conftest import write_register

ROWS = [
    "A1,Bihār,Patna,,14301,5,,,,,,accented state",
    "A2,Gujarāt,Ahmadābād,,14301,5,,,,,,accented state and district",
    "A3,  JAMMU & KASHMIR ,Srinagar,,14301,5,,,,,,ampersand and spaces",
    "A4,Gujarat,Ahmedabad,,14301,5,,,,,,plain",
    "A5,Bihār,Nowhere,,14301,5,,,,,,unknown district still quarantined",
]


def test_accented_spellings_resolve_and_unknown_places_are_still_quarantined(
    tmp_path: Path, engine: str
) -> None:
    result = map_register(write_register(tmp_path, ROWS), "msme-di-small", engine=engine)
    rows = result.summary["rows"]
    assert rows["read"] == 5
    assert rows["accepted"] == 4
    assert rows["quarantined_by_reason"] == {"unknown_district": 1}
    assert result.quarantine["enterprise_id"].tolist() == ["A5"]
