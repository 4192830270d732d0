"""A cluster's page: facts, estimates side by side with sources, and its change history."""

import pytest
from django.test import Client

from clusterdev.registry.models import Estimate, Source
from tests.conftest import api_as
from tests.registry.factories import make_cluster, seed_source

pytestmark = pytest.mark.django_db


def test_estimates_from_two_sources_stand_side_by_side(client: Client) -> None:
    cluster = make_cluster("side-by-side", units=120)
    other = Source.objects.create(key="other-survey", title="Another survey", year=2019)
    Estimate.objects.create(
        cluster=cluster,
        source=other,
        units=300,
        employment=4000,
        year=2019,
        is_preferred=True,
        preferred_reason="Field count, more recent",
    )
    cluster.refresh_headline()
    response = client.get(cluster.get_absolute_url())
    body = response.content.decode()
    assert response.status_code == 200
    assert "Another survey" in body and "Clustering for Progress" in body
    assert "Field count, more recent" in body
    header = [e.source.key for e in response.context["estimates"]]
    assert header[0] == "other-survey"  # the preferred one first
    cluster.refresh_from_db()
    assert cluster.headline_units == 300


def test_history_shows_who_changed_what_before_and_after(client: Client, curator) -> None:  # type: ignore[no-untyped-def]
    cluster = make_cluster("history-test", product="Brass parts")
    response = api_as(curator).patch(
        f"/api/clusters/{cluster.slug}/", {"product": "Brass and bronze parts"}, format="json"
    )
    assert response.status_code == 200
    estimate = api_as(curator).post(
        "/api/estimates/",
        {"cluster": cluster.slug, "source": seed_source().key, "units": 75, "year": 2021},
        format="json",
    )
    assert estimate.status_code == 201
    page = client.get(cluster.get_absolute_url())
    history = list(page.context["history"])
    actors = {entry.actor for entry in history if entry.actor}
    assert curator in actors
    body = page.content.decode()
    assert "Brass parts" in body and "Brass and bronze parts" in body  # before and after
    assert any(entry.content_type.model == "estimate" for entry in history)


def test_deleted_estimate_stays_in_the_history(client: Client, curator) -> None:  # type: ignore[no-untyped-def]
    cluster = make_cluster("deleted-estimate", units=40)
    estimate = cluster.estimates.get()
    assert api_as(curator).delete(f"/api/estimates/{estimate.pk}/").status_code == 204
    history = list(client.get(cluster.get_absolute_url()).context["history"])
    assert any(e.action == e.Action.DELETE and e.content_type.model == "estimate" for e in history)
    cluster.refresh_from_db()
    assert cluster.headline_units is None


def test_cluster_crossing_a_state_line_lists_both_states(client: Client) -> None:
    from tests.registry.factories import district_code

    codes = [district_code("Gujarat", "Valsad"), district_code("Maharashtra", "Palghar")]
    cluster = make_cluster("across-states", districts=codes)
    body = client.get(cluster.get_absolute_url()).content.decode()
    assert "Gujarat" in body and "Maharashtra" in body
    assert "2 districts" in body
