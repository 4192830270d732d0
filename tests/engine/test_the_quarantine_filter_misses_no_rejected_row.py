"""The quarantine is read through a first filter on raw values (decision 0122): it must
keep every rejected row, however its values are spelled, and let the good rows go.

Each case runs with the filter's lists written into the query and, with the limit
set to nothing, with every list joined as a lookup table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from clusterdev.engine import map_register, validation

from .conftest import write_register

ROWS = {
    # id, state, district, pincode, nic, employment, turnover, lat, lon, segment, looms
    " S1,Gujarat,Ahmedabad,,14301,2,,,,,,space before": "duplicate_enterprise_id",
    "S1 ,Gujarat,Surat,,14301,2,,,,,,space after": "duplicate_enterprise_id",
    "   ,Gujarat,Ahmedabad,,14301,2,,,,,,blank id": "missing_field",
    "B2,Gujarat,Ahmedabad,,  ,2,,,,,,blank nic": "missing_field",
    "B3,,Ahmedabad,,14301,2,,,,,,no state": "missing_field",
    "B4,Gujarat,Tuticorin,,14301,2,,,,,,district of another state": "unknown_district",
    "B5,Gujarat,Ahmedabad,38 0001,14301,2,,,,,,PIN with a space": None,
    "B6,Gujarat,Ahmedabad,3800,14301,2,,,,,,short PIN": "bad_pincode",
    "B7,Gujarat,Ahmedabad,,1430,2,,,,,,NIC class only": None,
    "B8,Gujarat,Ahmedabad,,14301,2.5,,,,,,half a worker": "bad_number",
    "B9,Gujarat,Ahmedabad,,14301,2,-1,,,,,negative turnover": "negative_number",
    "B10,Gujarat,Ahmedabad,,14301,2,,,72.5,,,longitude only": "incomplete_coordinates",
    "B11,Gujarat,Ahmedabad,,14301,2,,40.1,72.5,,,north of India": "coordinates_outside_india",
    # Good rows that share a spelling with a bad one: the first filter lets them
    # through, the exact test accepts them.
    "G1,Tamil Nadu,Tuticorin,,14301,2,,,,,,the district in its state": None,
    "G2,Gujarat,Surat,,14301,2,,,,,,the state of a bad pair": None,
}


@pytest.fixture(params=["literals", "lookup tables"])
def literals(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "lookup tables":
        monkeypatch.setattr(validation, "_LITERALS", 0)
    return str(request.param)


def test_every_rejected_row_is_in_the_quarantine_and_no_good_one(
    tmp_path: Path, engine: str, literals: str
) -> None:
    path = write_register(tmp_path, list(ROWS))
    result = map_register(path, "msme-di-small", engine=engine)
    found = dict(zip(result.quarantine["notes"], result.quarantine["reason"], strict=True))
    expected = {line.rsplit(",", 1)[1]: r for line, r in ROWS.items() if r is not None}
    assert found == expected
    rows = result.summary["rows"]
    assert rows["accepted"] == sum(1 for r in ROWS.values() if r is None)
    assert rows["read"] == rows["accepted"] + len(result.quarantine)


def test_a_quarantined_row_keeps_its_values_as_written(tmp_path: Path, engine: str) -> None:
    path = write_register(tmp_path, list(ROWS))
    result = map_register(path, "msme-di-small", engine=engine)
    by_note = result.quarantine.set_index("notes")
    assert by_note.loc["space before", "enterprise_id"] == " S1"
    assert by_note.loc["space after", "enterprise_id"] == "S1 "
    assert by_note.loc["half a worker", "employment"] == "2.5"
    assert by_note.loc["district of another state", "district"] == "Tuticorin"
    assert list(result.quarantine.columns)[-1] == "reason"
