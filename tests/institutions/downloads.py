"""Reading the CSV and XLSX downloads of a page in the institutions tests."""

from __future__ import annotations

import csv
import io

from django.test import Client
from openpyxl import load_workbook


def csv_rows(client: Client, path: str, **params: str) -> list[dict[str, str]]:
    response = client.get(path, {**params, "export": "csv"})
    assert response.status_code == 200, response.content
    assert response["Content-Disposition"].startswith("attachment; ")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def xlsx_rows(client: Client, path: str, **params: str) -> list[tuple]:
    response = client.get(path, {**params, "export": "xlsx"})
    assert response.status_code == 200
    return list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
