"""Trust-building events with participants by actor type and sex, and selection scores,
entered on the pages; bad rows are named and nothing is half-saved."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from clusterdev.initiatives.models import SelectionScore, TrustEvent

pytestmark = pytest.mark.django_db


def _as(user=None) -> Client:
    client = Client()
    if user:
        client.force_login(user)
    return client


def _event(**rows):
    data = {
        "kind": "workshop",
        "date": "2026-05-04",
        "outcomes": "Agreed a joint purchase of soda ash",
        "participants-TOTAL_FORMS": "3",
        "participants-INITIAL_FORMS": "0",
        "participants-MIN_NUM_FORMS": "0",
        "participants-MAX_NUM_FORMS": "30",
        "participants-0-actor_type": "firm",
        "participants-0-women": "3",
        "participants-0-men": "12",
        "participants-1-actor_type": "bmo",
        "participants-1-women": "1",
        "participants-1-men": "2",
    }
    data.update(rows)
    return data


def test_cda_records_an_event_and_exports_the_list(cda_a, initiative_a):
    url = f"/initiatives/{initiative_a.pk}/events/"
    assert _as(cda_a).post(url, _event()).status_code == 302
    event = TrustEvent.objects.get(initiative=initiative_a)
    assert event.participants == [
        {"actor_type": "firm", "women": 3, "men": 12},
        {"actor_type": "bmo", "women": 1, "men": 2},
    ]
    page = _as(cda_a).get(url).content.decode()
    assert "18 participants (4 women, 14 men)" in page
    body = b"".join(_as(cda_a).get(url + "?export=csv").streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows[0]["women"] == "4" and rows[0]["men"] == "14"
    assert _as(cda_a).get(url + "?export=pdf").status_code == 400


def test_a_negative_count_is_named_and_nothing_is_saved(cda_a, initiative_a):
    url = f"/initiatives/{initiative_a.pk}/events/"
    response = _as(cda_a).post(url, _event(**{"participants-1-men": "-2"}))
    assert response.status_code == 400
    assert "greater than or equal to 0" in response.content.decode()
    assert not TrustEvent.objects.exists()


def test_counts_without_an_actor_type_are_refused(cda_a, initiative_a):
    url = f"/initiatives/{initiative_a.pk}/events/"
    response = _as(cda_a).post(url, _event(**{"participants-2-women": "5"}))
    assert response.status_code == 400
    assert "Say who these participants were." in response.content.decode()


def test_another_clusters_cda_sees_and_changes_nothing(cda_a, cda_b, initiative_a):
    _as(cda_a).post(f"/initiatives/{initiative_a.pk}/events/", _event())
    event = TrustEvent.objects.get()
    assert _as(cda_b).get(f"/initiatives/{initiative_a.pk}/events/").status_code == 404
    assert _as(cda_b).get(f"/initiatives/events/{event.pk}/").status_code == 404
    assert _as(cda_b).post(f"/initiatives/events/{event.pk}/delete/").status_code == 404
    assert TrustEvent.objects.filter(pk=event.pk).exists()


def test_cda_edits_and_removes_an_event(cda_a, initiative_a):
    _as(cda_a).post(f"/initiatives/{initiative_a.pk}/events/", _event())
    event = TrustEvent.objects.get()
    _as(cda_a).post(f"/initiatives/events/{event.pk}/", _event(kind="study_tour"))
    event.refresh_from_db()
    assert event.kind == "study_tour"
    _as(cda_a).post(f"/initiatives/events/{event.pk}/delete/")
    assert not TrustEvent.objects.exists()


def test_scores_are_added_ranked_and_a_second_score_for_a_cluster_refused(cda_a, initiative_a):
    url = f"/initiatives/{initiative_a.pk}/selection/"
    score = {
        "score-cluster": "firozabad-glass",
        "score-socio_economic_importance": "8",
        "score-promotability": "6",
        "score-viability": "7",
        "score-sustainability": "5",
    }
    assert _as(cda_a).post(url, score).status_code == 302
    response = _as(cda_a).post(url, {**score, "score-viability": "11"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "This cluster is scored already" in page
    assert "less than or equal to 10" in page
    assert SelectionScore.objects.count() == 1
    page = (
        _as(cda_a)
        .get(url + "?viability=3&promotability=0&socio_economic_importance=0&sustainability=0")
        .content.decode()
    )
    assert "Firozabad" in page and "7.0" in page
    body = b"".join(_as(cda_a).get(url + "?export=csv").streaming_content).decode("utf-8-sig")
    assert "weighted_total" in body.splitlines()[0]
