"""Loading the institutions' reference data again changes nothing and records no change."""

import pytest
from auditlog.models import LogEntry

from clusterdev.institutions.models import (
    Institution,
    Role,
    StatusRow,
    StatusTable,
    TimelineEntry,
)
from clusterdev.institutions.reference import load_institutions
from clusterdev.registry.reference import load_reference_data

MODELS = [Role, Institution, StatusTable, StatusRow, TimelineEntry, LogEntry]

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_registry_loader_also_loads_the_institutions() -> None:
    assert Institution.objects.count() == 36
    assert StatusRow.objects.count() == 34
    assert TimelineEntry.objects.count() == 49


def test_second_load_creates_updates_and_logs_nothing() -> None:
    before = _counts()
    counts = load_reference_data()
    assert _counts() == before
    assert {k: v for k, v in counts.items() if v} == {}


def test_loading_the_institutions_alone_twice_changes_nothing() -> None:
    before = _counts()
    assert {k: v for k, v in load_institutions().items() if v} == {}
    assert _counts() == before


def test_every_institution_row_names_its_source_and_section() -> None:
    for model in (Institution, StatusRow, TimelineEntry):
        assert not model.objects.filter(source=None).exists()
        assert not model.objects.filter(source_section="").exists()
