"""A malformed file fails with file, row, column and reason; the database is left as it was."""

import shutil
from pathlib import Path

import pytest

from clusterdev.registry.models import Cluster, Estimate, Source
from clusterdev.registry.reference import DEFAULT_DIR, ReferenceDataError, load_reference_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    target = tmp_path / "reference"
    shutil.copytree(DEFAULT_DIR, target)
    return target


def _append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")


def _snapshot() -> tuple[int, int, int, list[str]]:
    return (
        Cluster.objects.count(),
        Estimate.objects.count(),
        Source.objects.count(),
        sorted(Cluster.objects.values_list("name", flat=True)),
    )


def test_negative_units_are_named_by_file_row_and_column(data_dir: Path) -> None:
    path = data_dir / "estimates.csv"
    rows = len(path.read_text().splitlines())
    _append(
        path, "firozabad-glass,2004,-5,,,,,,as reported,,,,fmc-2005-clustering-for-progress,1.5"
    )
    before = _snapshot()
    with pytest.raises(ReferenceDataError) as error:
        load_reference_data(data_dir)
    assert f"estimates.csv, row {rows + 1}, column units: -5 is below the minimum 0" in str(
        error.value
    )
    assert _snapshot() == before


def test_unknown_district_is_reported_and_nothing_is_written(data_dir: Path) -> None:
    _append(
        data_dir / "clusters.csv",
        "new-cluster,New cluster,IN,Bricks,2392,traditional_sme,Gujarat/Atlantis,verified,,"
        "fmc-2005-clustering-for-progress,1.5",
    )
    # A valid change earlier in the same load must be rolled back too.
    sources = (
        (data_dir / "sources.csv")
        .read_text()
        .replace("Clustering for Progress", "Clustering for Progress (edited)", 1)
    )
    (data_dir / "sources.csv").write_text(sources)
    before = _snapshot()
    titles = sorted(Source.objects.values_list("title", flat=True))
    with pytest.raises(ReferenceDataError) as error:
        load_reference_data(data_dir)
    message = str(error.value)
    assert "clusters.csv, row" in message and "column districts" in message
    assert "Atlantis" in message
    assert _snapshot() == before
    assert sorted(Source.objects.values_list("title", flat=True)) == titles


def test_missing_column_is_named(data_dir: Path) -> None:
    path = data_dir / "clusters.csv"
    lines = path.read_text().splitlines()
    lines[0] = lines[0].replace("typology", "kind")
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(
        ReferenceDataError, match=r"clusters.csv, row 1, column typology: column missing"
    ):
        load_reference_data(data_dir)


def test_bad_typology_and_unknown_nic_are_both_reported(data_dir: Path) -> None:
    _append(
        data_dir / "clusters.csv",
        "odd-cluster,Odd,IN,Things,99999,factory,Gujarat/Ahmadabad,verified,,"
        "fmc-2005-clustering-for-progress,1.5",
    )
    with pytest.raises(ReferenceDataError) as error:
        load_reference_data(data_dir)
    message = str(error.value)
    assert "column typology: 'factory' is not one of" in message
    assert "column nic_codes: '99999' is not a NIC 2008 code" in message


def test_two_preferred_estimates_for_one_cluster_are_refused(data_dir: Path) -> None:
    for year in (2001, 2002):
        _append(
            data_dir / "estimates.csv",
            f"tirupur-knitwear,{year},100,,,,,,as reported,,true,best,fmc-2005-clustering-for-progress,1.5",
        )
    with pytest.raises(ReferenceDataError, match="already marks a preferred estimate"):
        load_reference_data(data_dir)
