"""A state column left wholly blank, or written as numbers in Parquet, is read, not a crash.

Place spellings are normalised in Python and joined back (decision 0110); the lookup
must keep the column's type even when every value is missing.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from clusterdev.engine import map_register


def test_a_wholly_blank_state_column_quarantines_every_row_as_missing(
    tmp_path: Path, engine: str
) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "enterprise_id,state,district,nic_code,employment\nA,,Surat,1430,3\nB,,Mars,1430,2\n",
        encoding="utf-8",
    )
    rows = map_register(path, "msme-di-small", engine=engine).summary["rows"]
    assert rows["read"] == 2
    assert rows["quarantined_by_reason"] == {"missing_field": 2}


def test_census_state_codes_stored_as_numbers_resolve(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "r.parquet"
    pd.DataFrame(
        {
            "enterprise_id": ["A", "B"],
            "state": [24, 24],  # Gujarat's Census 2011 code, as a number
            "district": ["Surat", "Ahmedabad"],
            "nic_code": ["1430", "1430"],
            "employment": [3, 2],
        }
    ).to_parquet(path)
    rows = map_register(path, "msme-di-small", engine=engine).summary["rows"]
    assert rows["accepted"] == 2
