import pytest

from clusterdev.actionplans.models import EnterpriseNetwork
from tests.actionplans.helpers import web
from tests.conftest import api_as

pytestmark = pytest.mark.django_db
URL = "/api/action-plans/networks/"


@pytest.mark.parametrize(("members", "word"), [(2, "too few"), (21, "too many")])
def test_outside_3_to_20_is_a_clear_400(cda_a, initiative_a, members, word):
    response = api_as(cda_a).post(
        URL, {"initiative": initiative_a.pk, "name": "Glass buyers", "purpose": "joint_purchase",
              "members": members}, format="json",
    )  # fmt: skip
    assert response.status_code == 400
    message = response.json()["members"][0]
    assert "3 to 20 member enterprises" in message and word in message
    assert not EnterpriseNetwork.objects.exists()


def test_inside_the_range_is_saved(cda_a, initiative_a):
    for members in (3, 20):
        response = api_as(cda_a).post(
            URL, {"initiative": initiative_a.pk, "name": f"N{members}", "purpose": "marketing",
                  "members": members}, format="json",
        )  # fmt: skip
        assert response.status_code == 201


def test_page_form_shows_the_range(cda_a, initiative_a):
    url = f"/action-plans/initiatives/{initiative_a.pk}/networks/new/"
    page = web(cda_a).post(url, {"name": "Big", "purpose": "production", "members": 25})
    assert page.status_code == 400 and "3 to 20 member enterprises" in page.content.decode()
    ok = web(cda_a).post(url, {"name": "Small", "purpose": "production", "members": 5})
    assert ok.status_code == 302
    row = EnterpriseNetwork.objects.get()
    assert row.initiative == initiative_a
    edit = web(cda_a).post(
        f"/action-plans/networks/{row.pk}/edit/",
        {"name": "Small", "purpose": "other", "members": 6},
    )
    assert edit.status_code == 302
    row.refresh_from_db()
    assert (row.purpose, row.members) == ("other", 6)
