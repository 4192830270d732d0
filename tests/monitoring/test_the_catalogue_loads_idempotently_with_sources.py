"""The reference catalogue loads from CSV with a source on every row, twice without change."""

from __future__ import annotations

import shutil

import pytest
from auditlog.models import LogEntry

from clusterdev.monitoring.models import DataElement, Indicator
from clusterdev.monitoring.reference import DEFAULT_DIR, load_catalogue
from clusterdev.registry.reference import ReferenceDataError

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_catalogue():
    """Start from no catalogue, whether or not the session's reference load included it."""
    Indicator.objects.all().delete()
    DataElement.objects.all().delete()


def test_loading_twice_changes_nothing_the_second_time():
    first = load_catalogue()
    assert first["dataelement_created"] >= 15 and first["indicator_created"] >= 5
    for code in ("turnover", "exports", "employment", "rejection_rate", "energy_per_unit",
                 "certifications", "networks_formed", "joint_actions", "institutions_linked",
                 "units"):  # fmt: skip
        assert DataElement.objects.filter(code=code).exclude(source="").exists(), code
    assert not Indicator.objects.filter(source="").exists()
    assert DataElement.objects.get(code="employment").disaggregations == [
        "sex", "size", "social_category"
    ]  # fmt: skip
    entries = LogEntry.objects.count()
    second = load_catalogue()
    assert second == {}
    assert LogEntry.objects.count() == entries


def test_elements_added_later_are_left_alone():
    load_catalogue()
    DataElement.objects.create(code="looms", name="Looms", value_type="count", source="curator")
    load_catalogue()
    assert DataElement.objects.filter(code="looms").exists()


def test_a_bad_row_names_file_row_and_column_and_writes_nothing(tmp_path):
    directory = tmp_path / "catalogue"
    shutil.copytree(DEFAULT_DIR, directory)
    with (directory / "indicators.csv").open("a") as handle:
        handle.write("broken,Broken,%,exports / turnvoer,,somewhere\n")
    with pytest.raises(ReferenceDataError) as error:
        load_catalogue(directory)
    text = str(error.value)
    assert "indicators.csv" in text and "formula" in text and "turnvoer" in text
    assert not DataElement.objects.exists()
