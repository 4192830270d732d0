"""The selection page carries two forms, the weights (GET) and the score (POST); each field
has an id of its own, so every label points at its field (the score form is prefixed)."""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import pytest
from django.test import Client

from clusterdev.initiatives.models import SelectionScore

pytestmark = pytest.mark.django_db


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: Counter[str] = Counter()
        self.label_targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids[found["id"]] += 1
        if tag == "label" and found.get("for"):
            self.label_targets.append(found["for"])


def _parsed(html: str) -> _Ids:
    parser = _Ids()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("editing", [False, True])
def test_ids_are_unique_and_labels_point_at_a_field(cda_a, initiative_a, editing):
    client = Client()
    client.force_login(cda_a)
    url = f"/initiatives/{initiative_a.pk}/selection/"
    if editing:
        score = {"score-cluster": "firozabad-glass", "score-socio_economic_importance": "8",
                 "score-promotability": "6", "score-viability": "7",
                 "score-sustainability": "5"}  # fmt: skip
        assert client.post(url, score).status_code == 302
        url += f"?edit={SelectionScore.objects.get().pk}"
    response = client.get(url)
    assert response.status_code == 200
    parsed = _parsed(response.content.decode())
    assert "id_score-viability" in parsed.ids  # both forms are on the page
    assert [i for i, n in parsed.ids.items() if n > 1] == []
    assert set(parsed.label_targets) <= set(parsed.ids)
