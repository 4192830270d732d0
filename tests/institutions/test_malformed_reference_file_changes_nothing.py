"""A malformed institutions file fails with file, row, column and reason; nothing changes."""

import shutil
from pathlib import Path

import pytest

from clusterdev.institutions.models import Institution, StatusRow, TimelineEntry
from clusterdev.institutions.reference import DEFAULT_DIR, load_institutions
from clusterdev.registry.reference import ReferenceDataError

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "institutions"
    shutil.copytree(DEFAULT_DIR, target)
    return target


def _snapshot() -> tuple:  # type: ignore[type-arg]
    return (
        sorted(Institution.objects.values_list("slug", "name")),
        sorted(StatusRow.objects.values_list("counts_as_written", "completed")),
        TimelineEntry.objects.count(),
    )


def _replace(path: Path, old: str, new: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if old in line:
            lines[number - 1] = line.replace(old, new)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            return number
    raise AssertionError(f"{old!r} not found")


def test_counts_of_another_shape_are_named_by_file_row_and_column(data_dir: Path) -> None:
    row = _replace(data_dir / "status_rows.csv", "20 + (4)", "twenty")
    _replace(data_dir / "institutions.csv", "State Bank of India", "Renamed bank")
    before = _snapshot()
    with pytest.raises(ReferenceDataError) as error:
        load_institutions(data_dir)
    assert f"status_rows.csv, row {row}, column counts_as_written:" in str(error.value)
    assert _snapshot() == before


def test_unknown_category_state_and_cluster_are_all_reported(data_dir: Path) -> None:
    path = data_dir / "institutions.csv"
    row = _replace(path, "ruda,RUDA", "ruda,RUDA")
    _replace(path, "state_government,IN-RJ,7", "state_gov,IN-XX,7")
    _replace(path, "kannur-handloom;", "no-such-cluster;")
    before = _snapshot()
    with pytest.raises(ReferenceDataError) as error:
        load_institutions(data_dir)
    message = str(error.value)
    assert f"institutions.csv, row {row}, column category: 'state_gov' is not one of" in message
    assert f"institutions.csv, row {row}, column state: unknown state code 'IN-XX'" in message
    assert "column clusters: 'no-such-cluster' is not a registry cluster slug" in message
    assert _snapshot() == before


def test_a_missing_file_is_reported(data_dir: Path) -> None:
    (data_dir / "timeline.csv").unlink()
    before = _snapshot()
    with pytest.raises(ReferenceDataError, match=r"timeline.csv, row 0, column -: file is missing"):
        load_institutions(data_dir)
    assert _snapshot() == before


def test_unknown_institution_in_the_timeline_is_reported(data_dir: Path) -> None:
    path = data_dir / "timeline.csv"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("2005,nobody,yes,,NOBODY,,fmc-2005-clustering-for-progress,2.3\n")
    rows = len(path.read_text(encoding="utf-8").splitlines())
    with pytest.raises(ReferenceDataError) as error:
        load_institutions(data_dir)
    assert f"timeline.csv, row {rows}, column institution: unknown institution 'nobody'" in str(
        error.value
    )
