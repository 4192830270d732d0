"""Downloads of the filtered list: CSV, XLSX and GeoJSON, with exactly what the viewer sees."""

import csv
import io
import json

import pytest
from django.test import Client
from openpyxl import load_workbook

from tests.registry.factories import make_cluster

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:  # type: ignore[no-untyped-def]
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_csv_export_follows_the_filters(client: Client) -> None:
    response = client.get("/clusters/", {"state": "IN-UP", "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('clusters.csv"')
    rows = list(csv.DictReader(io.StringIO(_body(response).decode("utf-8-sig"))))
    assert rows and all("Uttar Pradesh" in row["states"] for row in rows)
    assert {"slug", "name", "districts", "district_codes", "units", "nic_codes"} <= set(rows[0])


def test_xlsx_export_has_a_header_and_a_row_per_cluster(client: Client) -> None:
    response = client.get("/clusters/", {"q": "firozabad", "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(_body(response))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "slug"
    assert [row[0] for row in rows[1:]] == ["firozabad-glass"]


def test_geojson_export_gives_points_and_footprints(client: Client) -> None:
    footprint = {"type": "Polygon", "coordinates": [[[78, 27], [78.5, 27], [78.5, 27.5], [78, 27]]]}
    make_cluster("footprint-test", footprint=footprint, product="footprint test")
    response = client.get("/clusters/", {"export": "geojson"})
    data = json.loads(_body(response))
    assert data["type"] == "FeatureCollection"
    kinds = {f["properties"]["slug"]: f["geometry"]["type"] for f in data["features"]}
    assert kinds["footprint-test"] == "Polygon"
    assert kinds["firozabad-glass"] == "Point"


def test_public_export_leaves_out_candidates_a_curator_export_includes(
    client: Client, curator
) -> None:  # type: ignore[no-untyped-def]
    make_cluster("candidate-test", status="candidate")
    public = _body(client.get("/clusters/", {"export": "csv"})).decode()
    assert "candidate-test" not in public
    client.force_login(curator)
    assert "candidate-test" in _body(client.get("/clusters/", {"export": "csv"})).decode()


def test_unknown_export_format_is_refused(client: Client) -> None:
    response = client.get("/clusters/", {"export": "pdf"})
    assert response.status_code == 400
    assert b"csv, xlsx, geojson" in response.content
