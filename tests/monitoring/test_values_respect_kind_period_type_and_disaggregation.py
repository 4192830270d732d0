"""A value fits its element and kind: periods only for targets and actuals, percentages at
most 100, whole counts, 0/1 answers, no negatives, only the element's disaggregations, one
value per cell. Bad input is a 400 naming the field."""

from __future__ import annotations

import pytest

from clusterdev.monitoring.models import Value
from tests.conftest import api_as
from tests.monitoring.helpers import catalogue, periods

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(cda_a, initiative_a):
    catalogue()
    client = api_as(cda_a)

    def send(**row):
        body = {"initiative": initiative_a.pk, **row}
        return client.post("/api/monitoring/values/", body, format="json")

    return send


def test_good_values_are_saved(post, initiative_a):
    period = periods(initiative_a, 1)[0]
    assert post(element="turnover", kind="baseline", value="1200").status_code == 201
    response = post(element="employment", kind="actual", period=period.pk, sex="women", value=40)
    assert response.status_code == 201, response.json()
    assert response.json()["disaggregation"] == "Women"


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({"element": "turnover", "kind": "actual"}, "period"),
        ({"element": "rejection_rate", "kind": "baseline", "value": "120"}, "value"),
        ({"element": "units", "kind": "baseline", "value": "10.5"}, "value"),
        ({"element": "bmo_exists", "kind": "baseline", "value": "2"}, "value"),
        ({"element": "turnover", "kind": "baseline", "value": "-5"}, "value"),
        ({"element": "exports", "kind": "baseline", "sex": "women"}, "sex"),
        ({"element": "turnover", "kind": "baseline", "sex": "other"}, "sex"),
        ({"element": "no_such_code", "kind": "baseline"}, "element"),
    ],
)
def test_bad_values_are_400_naming_the_field(post, row, field):
    body = {"value": "10", **row}
    response = post(**body)
    assert response.status_code == 400
    assert field in response.json()
    assert not Value.objects.exists()


def test_a_baseline_with_a_period_or_a_period_of_another_initiative_is_refused(
    post, initiative_a, initiative_b
):
    own = periods(initiative_a, 1)[0]
    other = periods(initiative_b, 1)[0]
    response = post(element="turnover", kind="baseline", period=own.pk, value=1)
    assert response.status_code == 400 and "period" in response.json()
    response = post(element="turnover", kind="actual", period=other.pk, value=1)
    assert response.status_code == 400 and "period" in response.json()


def test_one_value_per_cell(post):
    assert post(element="turnover", kind="baseline", value=1).status_code == 201
    response = post(element="turnover", kind="baseline", value=2)
    assert response.status_code == 400
    assert "already has a value" in str(response.json())
    assert post(element="turnover", kind="baseline", size="micro", value=2).status_code == 201
