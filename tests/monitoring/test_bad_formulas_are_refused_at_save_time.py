"""An indicator's formula is checked when saved: syntax and unknown codes are 400s with the
reason, in the API and in the admin's form."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from clusterdev.monitoring.models import Indicator
from tests.conftest import api_as
from tests.monitoring.helpers import catalogue

pytestmark = pytest.mark.django_db


def _post(client, text):
    return client.post(
        "/api/monitoring/indicators/",
        {"code": "new_share", "name": "New share", "unit": "%", "formula": text},
        format="json",
    )


def test_the_api_names_the_unknown_code(curator):
    catalogue()
    response = _post(api_as(curator), "exports / turnvoer * 100")
    assert response.status_code == 400
    assert "turnvoer" in str(response.json()["formula"])


def test_the_api_refuses_bad_syntax_and_calls(curator):
    catalogue()
    client = api_as(curator)
    assert "not valid arithmetic" in str(_post(client, "exports / (turnover").json()["formula"])
    assert "open()" in str(_post(client, "open('x')").json()["formula"])
    assert not Indicator.objects.filter(code="new_share").exists()


def test_a_good_formula_is_saved_and_lists_its_elements(curator):
    catalogue()
    response = _post(api_as(curator), "exports / turnover * 100")
    assert response.status_code == 201, response.json()
    assert response.json()["elements"] == ["exports", "turnover"]


def test_the_model_clean_used_by_the_admin_refuses_unknown_codes():
    catalogue()
    indicator = Indicator(code="bad", name="Bad", formula="exports / nothing_here")
    with pytest.raises(ValidationError) as error:
        indicator.full_clean()
    assert "nothing_here" in str(error.value.message_dict["formula"])


def test_the_admin_form_shows_the_error(client, national_admin):
    catalogue()
    client.force_login(national_admin)
    response = client.post(
        "/admin/monitoring/indicator/add/",
        {"code": "bad", "name": "Bad", "unit": "", "formula": "exports +* 2", "source": "x"},
    )
    assert response.status_code == 200
    assert "not valid arithmetic" in response.content.decode()
    assert not Indicator.objects.filter(code="bad").exists()
