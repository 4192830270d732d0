"""Every row is accepted or quarantined with a reason; unreadable files fail at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterdev.engine import REASONS, RegisterError, map_register

from .conftest import HEADER, write_register

GOOD = "G1,Gujarat,Ahmedabad,380001,14301,5,100000,23.02,72.57,,,ok"

CASES = {
    "missing_field": "X1,Gujarat,Ahmedabad,,14301,,,,,,,no employment",
    "duplicate_enterprise_id": "D1,Gujarat,Ahmedabad,,14301,2,,,,,,first",
    "unknown_state": "X3,Atlantis,Ahmedabad,,14301,2,,,,,,",
    "unknown_district": "X4,Gujarat,Tuticorin,,14301,2,,,,,,",
    "bad_nic_code": "X5,Gujarat,Ahmedabad,,99999,2,,,,,,",
    "bad_number": "X6,Gujarat,Ahmedabad,,14301,2,lots,,,,,",
    "negative_number": "X7,Gujarat,Ahmedabad,,14301,-2,,,,,,",
    "bad_pincode": "X8,Gujarat,Ahmedabad,12AB,14301,2,,,,,,",
    "incomplete_coordinates": "X9,Gujarat,Ahmedabad,,14301,2,,23.0,,,,",
    "coordinates_outside_india": "X10,Gujarat,Ahmedabad,,14301,2,,51.5,-0.12,,,london",
}


def _rows() -> list[str]:
    rows = [GOOD, *CASES.values(), "D1,GJ,Surat,,14301,3,,,,,,second"]
    return rows


def test_every_quarantine_reason_is_detected_and_nothing_is_lost(
    tmp_path: Path, engine: str
) -> None:
    path = write_register(tmp_path, _rows())
    result = map_register(path, "msme-di-small", engine=engine)
    rows = result.summary["rows"]
    assert rows["read"] == len(_rows())
    assert rows["read"] == rows["accepted"] + rows["quarantined"]
    assert rows["accepted"] == 1
    expected = {reason: 1 for reason in CASES}
    expected["duplicate_enterprise_id"] = 2
    assert rows["quarantined_by_reason"] == expected
    reasons = dict(
        zip(result.quarantine["enterprise_id"], result.quarantine["reason"], strict=False)
    )
    for reason, line in CASES.items():
        assert reasons[line.split(",")[0]] == reason
    assert set(result.quarantine.columns) == {*HEADER.split(","), "reason"}
    assert set(result.quarantine["reason"]) <= set(REASONS)


def test_every_row_of_a_duplicated_id_is_quarantined(tmp_path: Path) -> None:
    path = write_register(
        tmp_path, [GOOD, GOOD.replace(",ok", ",again"), GOOD.replace(",ok", ",thrice")]
    )
    result = map_register(path, "msme-di-small")
    assert result.summary["rows"]["accepted"] == 0
    assert list(result.quarantine["reason"]) == ["duplicate_enterprise_id"] * 3


def test_quarantined_rows_keep_their_columns_as_read(tmp_path: Path) -> None:
    path = write_register(tmp_path, [CASES["coordinates_outside_india"]])
    row = map_register(path, "msme-di-small").quarantine.iloc[0]
    assert row["notes"] == "london" and row["latitude"] == "51.5" and row["state"] == "Gujarat"


def test_districts_resolve_from_any_spelling_or_lgd_code_and_states_from_codes(
    tmp_path: Path,
) -> None:
    rows = [
        "A1,GJ,AHMADABAD,,14301,1,,,,,,",
        "A2,IN-GJ,Ahmedabad,,14301,1,,,,,,",
        "A3,gujarat,438,,14301,1,,,,,,",
        "A4,Tamil Nadu,Thoothukudi,,14301,1,,,,,,",
        "A5,TN,TUTICORIN,,14301,1,,,,,,",
        "A6,Jammu & Kashmir,Srinagar,,14301,1,,,,,,",
    ]
    result = map_register(write_register(tmp_path, rows), "msme-di-small")
    assert result.summary["rows"]["accepted"] == 6


def test_location_basis_records_coordinates_pin_or_district(tmp_path: Path) -> None:
    from clusterdev.engine.backends import connect
    from clusterdev.engine.register import open_register, product_table
    from clusterdev.engine.validation import validate

    rows = [
        "B1,Gujarat,Ahmedabad,380001,14301,1,,23.05,72.6,,,",
        "B2,Gujarat,Ahmedabad,380001,14301,1,,,,,,",
        "B3,Gujarat,Ahmedabad,,14301,1,,,,,,",
    ]
    con = connect()
    checked = validate(con, open_register(con, write_register(tmp_path, rows)), product_table())
    got = con.to_pandas(checked.accepted)
    # The validated table keeps no ids (decision 0110): rows differ by their coordinates.
    assert sorted(got["location_basis"]) == ["coordinates", "district", "pin"]
    assert list(got.loc[got["latitude"] == 23.05, "location_basis"]) == ["coordinates"]


def test_a_file_missing_a_required_column_fails_naming_the_column(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("enterprise_id,state,district,employment\nA,GJ,Surat,3\n")
    with pytest.raises(RegisterError, match="missing required column 'nic_code'"):
        map_register(path, "msme-di-small")


def test_column_names_match_whatever_their_case(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("ENTERPRISE_ID,State,District,NIC_Code,Employment,Extra\nA,GJ,Surat,1430,3,x\n")
    assert map_register(path, "msme-di-small").summary["rows"]["accepted"] == 1


def test_a_binary_file_fails_as_not_csv(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"PK\x03\x04\x00\x00\xff\xfe" * 20)
    with pytest.raises(RegisterError, match="line 1"):
        map_register(path, "msme-di-small")


def test_a_corrupt_parquet_file_fails_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "r.parquet"
    path.write_bytes(b"not parquet at all")
    with pytest.raises(RegisterError, match="not a readable Parquet file"):
        map_register(path, "msme-di-small")


def test_a_line_with_too_many_fields_fails_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(
        "enterprise_id,state,district,nic_code,employment\nA,GJ,Surat,1430,3\nB,GJ,Surat,1430,3,9,9\n"
    )
    with pytest.raises(RegisterError, match=r"(?i)line"):
        map_register(path, "msme-di-small")


def test_a_missing_file_fails_naming_it(tmp_path: Path) -> None:
    with pytest.raises(RegisterError, match="no such file"):
        map_register(tmp_path / "absent.csv", "msme-di-small")


def test_an_empty_file_fails_for_want_of_a_header(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("")
    with pytest.raises(RegisterError, match="header"):
        map_register(path, "msme-di-small")


@pytest.mark.parametrize("column", ["employment", "looms"])
def test_a_whole_number_too_large_to_count_exactly_is_a_bad_number(
    tmp_path: Path, column: str
) -> None:
    huge = "1" + "0" * 30  # digits only, so it looks like a whole number
    fields = dict(zip(HEADER.split(","), GOOD.split(","), strict=True))
    fields[column] = huge
    row = ",".join(fields[c] for c in HEADER.split(","))
    result = map_register(write_register(tmp_path, [row]), "msme-di-small")
    assert result.summary["rows"]["quarantined_by_reason"] == {"bad_number": 1}
