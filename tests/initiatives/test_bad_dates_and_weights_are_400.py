from __future__ import annotations

import pytest

from clusterdev.initiatives.models import SelectionScore
from tests.conftest import api_as
from tests.registry.factories import make_cluster

pytestmark = pytest.mark.django_db


def test_end_before_start_is_a_400(staff, initiative_a):
    response = api_as(staff).patch(
        f"/api/initiatives/{initiative_a.pk}/",
        {"start_date": "2024-05-01", "planned_end_date": "2024-01-01"},
        format="json",
    )
    assert response.status_code == 400
    assert "planned_end_date" in response.json()
    initiative_a.refresh_from_db()
    assert initiative_a.start_date is None


def test_staff_create_an_initiative_but_a_cda_cannot(staff, cda_a, institution):
    cluster = make_cluster("init-new")
    payload = {"institution": institution.pk, "cluster": cluster.pk, "title": "New"}
    assert api_as(cda_a).post("/api/initiatives/", payload, format="json").status_code == 403
    assert api_as(staff).post("/api/initiatives/", payload, format="json").status_code == 201


@pytest.mark.parametrize(
    "query",
    ["viability=-1", "socio_economic_importance=0&promotability=0&viability=0&sustainability=0"],
)
def test_bad_weights_are_a_400(cda_a, initiative_a, query):
    response = api_as(cda_a).get(f"/api/initiatives/{initiative_a.pk}/ranking/?{query}")
    assert response.status_code == 400
    assert "weights" in response.json()


def test_selection_scores_give_a_ranked_shortlist(cda_a, initiative_a):
    for slug, viability in (("cand-low", 2), ("cand-high", 9)):
        SelectionScore.objects.create(
            initiative=initiative_a,
            cluster=make_cluster(slug),
            socio_economic_importance=5,
            promotability=5,
            viability=viability,
            sustainability=5,
        )
    response = api_as(cda_a).get(
        f"/api/initiatives/{initiative_a.pk}/ranking/?viability=3&promotability=0"
    )
    assert response.status_code == 200
    assert [row["cluster_name"] for row in response.json()] == ["Cand High", "Cand Low"]
