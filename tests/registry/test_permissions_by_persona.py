"""Who sees what: the same rule on pages, exports and the API, for every persona."""

import pytest
from django.test import Client

from tests.conftest import api_as
from tests.registry.factories import make_cluster

pytestmark = pytest.mark.django_db

SEES_CANDIDATES = {"public": False, "cda_a": False, "curator": True, "national_admin": True}


@pytest.mark.parametrize("persona_client", list(SEES_CANDIDATES), indirect=True)
def test_candidate_cluster_page_is_visible_only_to_curators_and_admins(
    persona_client: Client, request
) -> None:  # type: ignore[no-untyped-def]
    persona = request.node.callspec.params["persona_client"]
    cluster = make_cluster("hidden-candidate", status="candidate")
    page = persona_client.get(cluster.get_absolute_url())
    listed = (
        "hidden-candidate"
        in persona_client.get("/clusters/", {"q": "hidden candidate"}).content.decode()
    )
    api = persona_client.get(f"/api/clusters/{cluster.slug}/")
    if SEES_CANDIDATES[persona]:
        assert (page.status_code, api.status_code, listed) == (200, 200, True)
    else:
        assert (page.status_code, api.status_code, listed) == (404, 404, False)


@pytest.mark.parametrize("persona_client", ["public", "cda_a", "cda_b"], indirect=True)
def test_people_without_a_role_cannot_write_the_registry(persona_client: Client) -> None:
    cluster = make_cluster("locked")
    response = persona_client.patch(
        f"/api/clusters/{cluster.slug}/", data={"name": "Renamed"}, content_type="application/json"
    )
    assert response.status_code in (401, 403)
    cluster.refresh_from_db()
    assert cluster.name == "Locked"


def test_a_cda_token_cannot_create_a_cluster(cda_a) -> None:  # type: ignore[no-untyped-def]
    response = api_as(cda_a).post(
        "/api/clusters/",
        {"name": "X", "slug": "x", "product": "x", "typology": "services"},
        format="json",
    )
    assert response.status_code == 403


def test_curator_and_admin_can_write(curator, national_admin) -> None:  # type: ignore[no-untyped-def]
    for user, slug in ((curator, "by-curator"), (national_admin, "by-admin")):
        response = api_as(user).post(
            "/api/clusters/",
            {
                "name": slug,
                "slug": slug,
                "product": "Pumps",
                "typology": "traditional_sme",
                "status": "verified",
                "nic_codes": ["2813"],
            },
            format="json",
        )
        assert response.status_code == 201, response.content


def test_candidates_do_not_count_in_public_home_figures(client: Client, curator) -> None:  # type: ignore[no-untyped-def]
    public_total = client.get("/").context["totals"]["clusters"]
    make_cluster("uncounted", status="candidate")
    assert client.get("/").context["totals"]["clusters"] == public_total
    client.force_login(curator)
    assert client.get("/").context["totals"]["clusters"] == public_total + 1


def test_curator_can_open_the_admin_and_edit_a_cluster(client: Client, curator) -> None:  # type: ignore[no-untyped-def]
    client.force_login(curator)
    cluster = make_cluster("admin-edit")
    assert client.get(f"/admin/registry/cluster/{cluster.pk}/change/").status_code == 200


def test_cda_cannot_open_the_admin(client: Client, cda_a) -> None:  # type: ignore[no-untyped-def]
    client.force_login(cda_a)
    assert client.get("/admin/registry/cluster/").status_code == 302
