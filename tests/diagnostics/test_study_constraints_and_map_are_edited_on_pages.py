"""The CDA writes the study, records constraints and draws the actor map on the pages; the
TA reads; a CDA of another cluster and the public see nothing."""

from __future__ import annotations

import pytest
from django.test import Client

from clusterdev.diagnostics.models import Actor, Constraint, DiagnosticStudy, Tie

pytestmark = pytest.mark.django_db


def _as(user=None) -> Client:
    client = Client()
    if user:
        client.force_login(user)
    return client


def test_cda_writes_the_study_and_a_constraint(cda_a, initiative_a):
    url = f"/diagnostics/initiatives/{initiative_a.pk}/"
    study = {"study": "1", "started_on": "2025-01-10", "completed_on": "2025-03-31",
             "potential": "Export demand for decorative glass"}  # fmt: skip
    assert _as(cda_a).post(url, study).status_code == 302
    assert DiagnosticStudy.objects.get(initiative=initiative_a).potential.startswith("Export")
    constraint = {"constraint": "1", "area": "technology", "title": "Coal-fired pot furnaces"}
    assert _as(cda_a).post(url, constraint).status_code == 302
    page = _as(cda_a).get(url).content.decode()
    assert "Coal-fired pot furnaces" in page and "Technology and production" in page


def test_dates_out_of_order_are_refused_and_nothing_saved(cda_a, initiative_a):
    url = f"/diagnostics/initiatives/{initiative_a.pk}/"
    bad = {"study": "1", "started_on": "2025-03-01", "completed_on": "2025-01-01"}
    response = _as(cda_a).post(url, bad)
    assert response.status_code == 400
    assert "cannot be completed before it started" in response.content.decode()
    assert not DiagnosticStudy.objects.exists()


def test_actor_map_is_drawn_with_its_measures(cda_a, initiative_a):
    url = f"/diagnostics/initiatives/{initiative_a.pk}/actors/"
    for name, kind in (
        ("Unit 1", "firm"),
        ("Glass association", "bmo"),
        ("SIDBI branch", "finance"),
    ):
        assert _as(cda_a).post(url, {"actor": "1", "name": name, "kind": kind}).status_code == 302
    unit, bmo = Actor.objects.get(name="Unit 1"), Actor.objects.get(name="Glass association")
    tie = {"tie": "1", "tie-source": unit.pk, "tie-target": bmo.pk, "tie-kind": "membership",
           "tie-strength": 2}  # fmt: skip
    assert _as(cda_a).post(url, tie).status_code == 302
    page = _as(cda_a).get(url).content.decode()
    assert "<svg" in page and "Network of 3 actors and 1 ties" in page
    assert "<dt>Density</dt><dd>0.333" in page


def test_self_ties_duplicates_and_twin_names_are_named_errors(cda_a, initiative_a):
    url = f"/diagnostics/initiatives/{initiative_a.pk}/actors/"
    _as(cda_a).post(url, {"actor": "1", "name": "Unit 1", "kind": "firm"})
    _as(cda_a).post(url, {"actor": "1", "name": "Unit 2", "kind": "firm"})
    one, two = Actor.objects.order_by("name")
    twin = _as(cda_a).post(url, {"actor": "1", "name": "unit 1", "kind": "buyer"})
    assert twin.status_code == 400 and "actor so named already" in twin.content.decode()
    own = _as(cda_a).post(
        url, {"tie": "1", "tie-source": one.pk, "tie-target": one.pk, "tie-kind": "supply"}
    )
    assert "cannot be tied to itself" in own.content.decode()
    tie = {"tie": "1", "tie-source": one.pk, "tie-target": two.pk, "tie-kind": "supply",
           "tie-strength": 1}  # fmt: skip
    _as(cda_a).post(url, tie)
    again = _as(cda_a).post(url, tie)
    assert again.status_code == 400 and "on the map already" in again.content.decode()
    assert Tie.objects.count() == 1


def test_the_ta_reads_but_cannot_change(ta, initiative_a):
    url = f"/diagnostics/initiatives/{initiative_a.pk}/"
    assert _as(ta).get(url).status_code == 200
    response = _as(ta).post(url, {"constraint": "1", "area": "finance", "title": "Credit"})
    assert response.status_code == 403
    assert not Constraint.objects.exists()


def test_another_clusters_cda_and_the_public_see_nothing(cda_b, initiative_a):
    Constraint.objects.create(initiative=initiative_a, area="finance", title="Secret")
    for path in ("", "actors/", "download/constraints.csv"):
        url = f"/diagnostics/initiatives/{initiative_a.pk}/{path}"
        assert _as(cda_b).get(url).status_code == 404
        assert _as().get(url).status_code == 302  # to sign in
    constraint = Constraint.objects.get()
    assert _as(cda_b).post(f"/diagnostics/constraint/{constraint.pk}/delete/").status_code == 404
    assert Constraint.objects.exists()
