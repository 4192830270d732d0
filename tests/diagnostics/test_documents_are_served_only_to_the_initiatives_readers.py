"""Documents attached to the study: type and size limits with a clear message, and files
served through a permission check, never at a public address."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from clusterdev.diagnostics.models import Document
from tests.conftest import api_as

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path):
        yield


def _as(user=None) -> Client:
    client = Client()
    if user:
        client.force_login(user)
    return client


def _upload(client, initiative, name, content):
    return client.post(
        f"/diagnostics/initiatives/{initiative.pk}/",
        {"document": "1", "title": "Study report", "kind": "dsr",
         "file": SimpleUploadedFile(name, content)},
    )  # fmt: skip


def test_cda_attaches_a_report_and_only_readers_download_it(cda_a, cda_b, ta, initiative_a):
    assert _upload(_as(cda_a), initiative_a, "dsr.pdf", b"%PDF-1.4 study").status_code == 302
    document = Document.objects.get()
    assert document.size == len(b"%PDF-1.4 study")
    url = f"/diagnostics/documents/{document.pk}/file/"
    for reader in (cda_a, ta):
        response = _as(reader).get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.4 study"
        assert 'filename="dsr.pdf"' in response["Content-Disposition"]
    assert _as(cda_b).get(url).status_code == 404
    assert _as().get(url).status_code == 302


def test_a_program_file_is_refused_by_type(cda_a, initiative_a):
    response = _upload(_as(cda_a), initiative_a, "tool.exe", b"MZ")
    assert response.status_code == 400
    assert "tool.exe&#x27; is not a file type the study keeps" in response.content.decode()
    assert not Document.objects.exists()


def test_an_oversized_file_is_refused_on_the_api_too(cda_a, initiative_a):
    big = SimpleUploadedFile("survey.csv", b"x" * (10 * 1024 * 1024 + 1))
    response = api_as(cda_a).post(
        "/api/diagnostics/documents/",
        {"initiative": initiative_a.pk, "title": "Survey", "kind": "survey", "file": big},
        format="multipart",
    )
    assert response.status_code == 400
    assert "the limit is 10 MB" in response.json()["file"][0]
    assert not Document.objects.exists()
