"""Writing the rows a viewer sees as CSV, XLSX or GeoJSON downloads."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook

from clusterdev.core.geojson import point_feature

FORMATS = {"csv", "xlsx", "geojson"}


@dataclass(frozen=True)
class Column:
    name: str
    value: Callable[[Any], Any]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    return value


def csv_response(
    filename: str, columns: Sequence[Column], rows: Iterable[Any]
) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff"  # lets spreadsheet programs detect UTF-8 (Devanagari names)
        yield writer.writerow([column.name for column in columns])
        for row in rows:
            yield writer.writerow([_cell(column.value(row)) for column in columns])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(filename: str, columns: Sequence[Column], rows: Iterable[Any]) -> HttpResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(filename[:31])
    sheet.append([column.name for column in columns])
    for row in rows:
        values = []
        for column in columns:
            value = _cell(column.value(row))
            values.append(float(value) if hasattr(value, "as_tuple") else value)
        sheet.append(values)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def geojson_response(
    filename: str,
    columns: Sequence[Column],
    rows: Iterable[Any],
    geometry: Callable[[Any], dict[str, Any] | tuple[float, float] | None],
) -> HttpResponse:
    """Features for rows with a geometry: a dict (used as is) or a (lat, lon) point."""
    import json

    features = []
    for row in rows:
        shape = geometry(row)
        if shape is None:
            continue
        properties = {}
        for column in columns:
            value = column.value(row)
            properties[column.name] = float(value) if hasattr(value, "as_tuple") else value
        if isinstance(shape, tuple):
            features.append(point_feature(shape[0], shape[1], properties))
        else:
            features.append({"type": "Feature", "geometry": shape, "properties": properties})
    body = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/geo+json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.geojson"'
    return response
