"""A curator uploads a register, the run finds clusters, and nothing enters the registry
until she accepts it; a second run of the same register matches what was accepted."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from clusterdev.mapping.choices import Decision, DiffStatus, RunStatus
from clusterdev.mapping.models import Candidate, MappingRun
from clusterdev.registry.models import Cluster

pytestmark = pytest.mark.django_db


def _start(client: Client, register: Path, title: str = "Test run") -> MappingRun:
    upload = SimpleUploadedFile("register.csv", register.read_bytes(), content_type="text/csv")
    response = client.post(
        "/mapping/",
        {
            "title": title,
            "register": upload,
            "rules": "fmc-observatory",
            "product_level": 4,
            "engine": "duckdb",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return MappingRun.objects.get(title=title)


def test_run_finds_new_clusters_that_wait_for_review(
    client: Client, curator, small_register: Path
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(curator)
    before = Cluster.objects.count()
    run = _start(client, small_register)
    assert run.status == RunStatus.DONE, run.error
    assert run.summary["rows"]["read"] == 6000
    new = run.candidates.filter(diff_status=DiffStatus.NEW)
    assert new.count() >= 3
    assert Cluster.objects.count() == before  # nothing accepted yet
    page = client.get(run.get_absolute_url())
    assert page.status_code == 200 and b"Accept ticked" in page.content


def test_accepting_adds_candidates_with_an_estimate_and_a_second_run_matches_them(
    client: Client, curator, small_register: Path
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(curator)
    run = _start(client, small_register, "First")
    chosen = list(
        run.candidates.filter(diff_status=DiffStatus.NEW).values_list("pk", flat=True)[:2]
    )
    response = client.post(
        f"/mapping/runs/{run.pk}/decide/", {"action": "accept", "candidate": chosen}
    )
    assert response.status_code == 302
    accepted = Candidate.objects.filter(pk__in=chosen)
    assert {c.decision for c in accepted} == {Decision.ACCEPTED}
    for candidate in accepted:
        cluster = candidate.registry_cluster
        assert cluster.status == "candidate"
        assert cluster.estimates.get().units == candidate.units
        assert cluster.external_ids["mapping"] == candidate.engine_id
        assert sorted(cluster.districts.values_list("code", flat=True)) == sorted(
            candidate.district_codes
        )

    second = _start(client, small_register, "Second")
    matched = second.candidates.filter(diff_status=DiffStatus.MATCHED)
    assert set(matched.values_list("engine_id", flat=True)) >= {c.engine_id for c in accepted}


def test_rejecting_changes_nothing_in_the_registry(
    client: Client, curator, small_register: Path
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(curator)
    run = _start(client, small_register)
    before = Cluster.objects.count()
    chosen = list(run.candidates.values_list("pk", flat=True)[:3])
    client.post(f"/mapping/runs/{run.pk}/decide/", {"action": "reject", "candidate": chosen})
    assert Cluster.objects.count() == before
    assert set(Candidate.objects.filter(pk__in=chosen).values_list("decision", flat=True)) == {
        Decision.REJECTED
    }


def test_a_cluster_no_longer_found_is_offered_for_retirement(
    client: Client, curator, small_register: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(curator)
    run = _start(client, small_register, "Full")
    first = run.candidates.filter(diff_status=DiffStatus.NEW).first()
    client.post(f"/mapping/runs/{run.pk}/decide/", {"action": "accept", "candidate": [first.pk]})
    lines = small_register.read_text().splitlines()
    empty = tmp_path / "header-and-few.csv"
    empty.write_text("\n".join(lines[:50]) + "\n")
    later = _start(client, empty, "Smaller")
    gone = later.candidates.get(diff_status=DiffStatus.GONE, engine_id=first.engine_id)
    client.post(f"/mapping/runs/{later.pk}/decide/", {"action": "accept", "candidate": [gone.pk]})
    gone.registry_cluster.refresh_from_db()
    assert gone.registry_cluster.status == "retired"


def test_a_bad_register_fails_the_run_with_a_message(
    client: Client, curator, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(curator)
    bad = tmp_path / "bad.csv"
    bad.write_text("enterprise_id,state\n1,Gujarat\n")
    run = _start(client, bad, "Bad")
    assert run.status == RunStatus.FAILED
    assert "district" in run.error.lower()
    assert b"The run failed" in client.get(run.get_absolute_url()).content


@pytest.mark.parametrize("persona", ["cda_a", "cda_b"])
def test_people_without_the_curator_role_cannot_start_or_see_runs(
    client: Client, request, persona: str
) -> None:  # type: ignore[no-untyped-def]
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/mapping/").status_code == 403
    assert client.post("/mapping/", {"title": "x"}).status_code == 403


def test_the_public_is_sent_to_sign_in(client: Client) -> None:
    response = client.get("/mapping/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_upload_of_the_wrong_kind_is_refused_next_to_the_field(client: Client, curator) -> None:  # type: ignore[no-untyped-def]
    client.force_login(curator)
    upload = SimpleUploadedFile(
        "register.xlsx", b"PK\x03\x04", content_type="application/octet-stream"
    )
    response = client.post(
        "/mapping/",
        {
            "title": "x",
            "register": upload,
            "rules": "fmc-observatory",
            "product_level": 4,
            "engine": "duckdb",
        },
    )
    assert response.status_code == 400
    assert "Upload a .csv or .parquet file." in response.content.decode()
