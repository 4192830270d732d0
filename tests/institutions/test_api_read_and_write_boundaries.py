"""Anyone reads institutions; curators and admins write; each write shows in the history."""

import pytest
from auditlog.models import LogEntry
from django.test import Client

from clusterdev.institutions.models import Institution
from tests.conftest import api_as

pytestmark = pytest.mark.django_db

NEW = {
    "slug": "new-agency",
    "short_name": "NA-1",
    "name": "A new agency",
    "category": "state_government",
    "state": "IN-KL",
    "roles": ["funding", "technology"],
    "cluster_types": ["artisan"],
    "thrust_areas": ["credit"],
    "clusters": ["kannur-handloom"],
    "source": "fmc-2005-clustering-for-progress",
    "source_section": "2.5",
}


def test_anonymous_reads_list_detail_filters_and_search(api) -> None:  # type: ignore[no-untyped-def]
    listed = api.get("/api/institutions/", {"category": "international"}).json()
    assert {r["slug"] for r in listed["results"]} == {
        "unido-cdp",
        "unido-tdsp",
        "unido-hand-tools-energy",
        "ilo",
    }
    assert api.get("/api/institutions/", {"q": "state bank"}).json()["results"][0]["slug"] == "sbi"
    detail = api.get("/api/institutions/sbi/").json()
    assert "firozabad-glass" in detail["clusters"]
    assert detail["category"] == "national_public"
    rows = api.get("/api/institution-status-rows/", {"uncertain": "true"}).json()["results"]
    assert [r["counts_as_written"] for r in rows] == ["8? + (5)"]


@pytest.mark.parametrize("who", ["anonymous", "cda_a", "cda_b"])
def test_people_without_a_role_cannot_write(who, request, api) -> None:  # type: ignore[no-untyped-def]
    client = api if who == "anonymous" else api_as(request.getfixturevalue(who))
    assert client.post("/api/institutions/", NEW, format="json").status_code in (401, 403)
    response = client.patch("/api/institutions/sbi/", {"name": "Renamed"}, format="json")
    assert response.status_code in (401, 403)
    assert client.delete("/api/institutions/ilo/").status_code in (401, 403)
    assert Institution.objects.get(slug="sbi").name == "State Bank of India"
    assert not Institution.objects.filter(slug="new-agency").exists()


@pytest.mark.parametrize("who", ["curator", "national_admin"])
def test_curator_and_admin_write_and_the_history_records_before_and_after(
    who, request, client: Client
) -> None:  # type: ignore[no-untyped-def]
    user = request.getfixturevalue(who)
    writer = api_as(user)
    created = writer.post("/api/institutions/", NEW, format="json")
    assert created.status_code == 201, created.content
    assert sorted(created.json()["roles"]) == ["funding", "technology"]
    changed = writer.patch(
        "/api/institutions/sbi/", {"name": "State Bank of India (renamed)"}, format="json"
    )
    assert changed.status_code == 200, changed.content
    sbi = Institution.objects.get(slug="sbi")
    entry = LogEntry.objects.get_for_object(sbi).order_by("-timestamp").first()
    assert entry.actor == user
    assert entry.changes_dict["name"] == ["State Bank of India", "State Bank of India (renamed)"]
    body = client.get("/institutions/sbi/").content.decode()
    assert "State Bank of India (renamed)" in body and user.username in body


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"category": "planet"}, "category"),
        ({"state": "IN-XX"}, "state"),
        ({"roles": ["astrology"]}, "roles"),
        ({"cluster_types": ["lunar"]}, "cluster_types"),
        ({"thrust_areas": "credit"}, "thrust_areas"),
        ({"years_of_experience": "many"}, "years_of_experience"),
        ({"clusters": ["no-such-cluster"]}, "clusters"),
        ({"implementation_channel": "carrier pigeon"}, "implementation_channel"),
        ({"slug": "sbi"}, "slug"),
    ],
)
def test_bad_input_gets_400_with_field_errors(curator, payload, field) -> None:  # type: ignore[no-untyped-def]
    response = api_as(curator).post("/api/institutions/", {**NEW, **payload}, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_status_rows_and_timeline_are_read_only(curator) -> None:  # type: ignore[no-untyped-def]
    writer = api_as(curator)
    assert writer.post("/api/institution-status-rows/", {}, format="json").status_code == 405
    assert writer.post("/api/institution-timeline/", {}, format="json").status_code == 405
