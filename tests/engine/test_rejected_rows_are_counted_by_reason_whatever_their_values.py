"""The one pass groups rejected rows under their reason only by its key (decision 0124):
their places, segments and figures stay as read, so a reason's rows fall into several
groups and their sums may be anything. The counts by reason and the accepted totals
must not notice.
"""

from __future__ import annotations

from pathlib import Path

from clusterdev.engine import map_register

from .conftest import write_register

GOOD = [
    # id, state, district, pincode, nic, employment, turnover, lat, lon, segment, looms, notes
    f"G{i},Gujarat,Surat,,14301,{2 + i % 3},{1000 + i},,,,,good"
    for i in range(40)
]
BAD = [
    # Negative numbers in two districts and two segments, next to figures whose sum
    # overflows a float.
    "N1,Gujarat,Surat,,14301,2,1e308,,,,-1,negative looms",
    "N2,Gujarat,Ahmedabad,,14301,2,1e308,,,handloom,-1,negative looms",
    "N3,Tamil Nadu,Tuticorin,,14301,2,-5,,,services,,negative turnover",
    # Unknown districts of two states, with coordinates and without.
    "U1,Gujarat,Nowhere,,14301,2,,21.2,72.8,,,unknown district",
    "U2,Tamil Nadu,Nowhere,,14301,2,,,,,,unknown district",
    "P1,Gujarat,Surat,3800,14301,2,1e308,,,,,short PIN",
]


def test_counts_by_reason_and_accepted_totals_ignore_rejected_values(
    tmp_path: Path, engine: str
) -> None:
    mixed = map_register(write_register(tmp_path, GOOD + BAD), "msme-di-small", engine=engine)
    clean = map_register(
        write_register(tmp_path, GOOD, name="clean.csv"), "msme-di-small", engine=engine
    )
    rows = mixed.summary["rows"]
    assert rows["read"] == len(GOOD) + len(BAD)
    assert rows["quarantined_by_reason"] == {
        "unknown_district": 2,
        "negative_number": 3,
        "bad_pincode": 1,
    }
    assert len(mixed.quarantine) == len(BAD)
    columns = ["cluster_id", "units", "employment", "turnover_inr", "latitude", "longitude"]
    assert mixed.clusters[columns].equals(clean.clusters[columns])
    assert len(mixed.clusters) > 0
