"""docs/openapi.yaml is what the code generates (run `make schema` after an API change)."""

from pathlib import Path

from django.core.management import call_command

COMMITTED = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"


def test_committed_schema_matches_the_code(tmp_path: Path) -> None:
    generated = tmp_path / "openapi.yaml"
    call_command("spectacular", "--file", str(generated), "--validate", "--fail-on-warn")
    assert COMMITTED.exists(), "docs/openapi.yaml is missing: run `make schema`"
    assert generated.read_text() == COMMITTED.read_text(), (
        "The API changed but docs/openapi.yaml did not: run `make schema` and commit it."
    )


def test_docs_page_is_served_without_a_cdn(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in body
    assert "cdn." not in body and "unpkg" not in body and "jsdelivr" not in body
