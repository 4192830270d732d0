"""Loading the reference data again changes nothing and records no change."""

import pytest
from auditlog.models import LogEntry

from clusterdev.registry.models import (
    Breakdown,
    BreakdownItem,
    Cluster,
    Estimate,
    NationalFigure,
    Source,
)
from clusterdev.registry.reference import load_reference_data

MODELS = [Source, Cluster, Estimate, NationalFigure, Breakdown, BreakdownItem, LogEntry]

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_second_load_creates_updates_and_logs_nothing() -> None:
    before = _counts()
    counts = load_reference_data()
    assert _counts() == before
    assert {k: v for k, v in counts.items() if v} == {}


def test_every_cluster_the_seed_names_is_loaded_with_its_source() -> None:
    for slug in [
        "firozabad-glass",
        "tirupur-knitwear",
        "ernakulam-kalady-rice-mills",
        "agra-footwear",
    ]:
        cluster = Cluster.objects.get(slug=slug)
        assert cluster.source is not None
        assert cluster.status == "verified"


def test_kalady_rice_mills_carry_the_seeds_figures() -> None:
    estimate = Estimate.objects.get(cluster__slug="ernakulam-kalady-rice-mills")
    assert (estimate.units, estimate.employment) == (160, 7000)
    assert estimate.turnover_inr_crore == 1000
    assert estimate.investment_inr_crore == 280
    assert Cluster.objects.get(slug="ernakulam-kalady-rice-mills").headline_units == 160


def test_sme_estimates_of_section_1_5_are_held_exactly() -> None:
    figures = {
        (f.estimator, f.measure): f.value
        for f in NationalFigure.objects.filter(group="sme-clusters-india")
    }
    assert figures[("DC(SSI) third census", "clusters")] == 2042
    assert figures[("DC(SSI) third census", "units")] == 1535357
    assert figures[("DC(SSI) third census", "employment")] == 4392256
    assert str(figures[("DC(SSI) third census", "output")]) == "421690.04"
    assert figures[("UNIDO CDP", "clusters")] == 388
    assert figures[("UNIDO CDP", "employment")] == 7500000


def test_a_cluster_spanning_two_districts_keeps_both() -> None:
    pharma = Cluster.objects.get(slug__contains="pharma")
    names = {d.name.lower() for d in pharma.districts.all()}
    assert len(names) >= 2
