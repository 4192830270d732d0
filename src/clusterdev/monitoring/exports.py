"""Downloads of an initiative's values and computed indicator values, with disaggregation
columns (sex, enterprise size, social category; blank = total). Callers pass an initiative
they have already checked the viewer may read privately."""

from __future__ import annotations

from django.http import HttpResponse

from clusterdev.core import exports
from clusterdev.core.exports import Column
from clusterdev.monitoring import services
from clusterdev.monitoring.models import DataElement, Indicator

FORMATS = {"csv", "xlsx"}

VALUE_COLUMNS = [
    Column("initiative", lambda v: v.initiative_id),
    Column("element", lambda v: v.element.code),
    Column("element_name", lambda v: v.element.name),
    Column("unit", lambda v: v.element.unit),
    Column("kind", lambda v: v.kind),
    Column("period", lambda v: v.period.label if v.period else ""),
    Column("period_start", lambda v: v.period.start if v.period else ""),
    Column("period_end", lambda v: v.period.end if v.period else ""),
    Column("period_approved", lambda v: bool(v.period and v.period.locked)),
    Column("sex", lambda v: v.sex),
    Column("size", lambda v: v.size),
    Column("social_category", lambda v: v.social_category),
    Column("value", lambda v: v.value),
    Column("note", lambda v: v.note),
]

INDICATOR_COLUMNS = [
    Column(name, lambda r, name=name: r[name])
    for name in (
        "initiative",
        "indicator",
        "indicator_name",
        "unit",
        "formula",
        "kind",
        "period",
        "period_label",
        "period_start",
        "period_end",
        "sex",
        "size",
        "social_category",
        "value",
    )
]

PERIOD_COLUMNS = [
    Column("initiative", lambda p: p.initiative_id),
    Column("label", lambda p: p.label),
    Column("start", lambda p: p.start),
    Column("end", lambda p: p.end),
    Column("approved", lambda p: p.locked),
    Column("approved_at", lambda p: p.approved_at.isoformat() if p.approved_at else ""),
    Column("approved_by", lambda p: p.approved_by.username if p.approved_by else ""),
]

CHECK_COLUMNS = [
    Column("initiative", lambda c: c.initiative_id),
    Column("date", lambda c: c.date),
    Column("can_identify", lambda c: c.can_identify),
    Column("can_carry_out", lambda c: c.can_carry_out),
    Column("institutions_linked", lambda c: c.institutions_linked),
    Column("notes", lambda c: c.notes),
]

ELEMENT_COLUMNS = [
    Column("code", lambda e: e.code),
    Column("name", lambda e: e.name),
    Column("unit", lambda e: e.unit),
    Column("value_type", lambda e: e.value_type),
    Column("disaggregations", lambda e: list(e.disaggregations or [])),
    Column("description", lambda e: e.description),
    Column("source", lambda e: e.source),
]

CATALOGUE_INDICATOR_COLUMNS = [
    Column("code", lambda i: i.code),
    Column("name", lambda i: i.name),
    Column("unit", lambda i: i.unit),
    Column("formula", lambda i: i.formula),
    Column("elements", lambda i: i.element_codes()),
    Column("description", lambda i: i.description),
    Column("source", lambda i: i.source),
]


def bad_format(fmt: str) -> HttpResponse:
    return HttpResponse(
        f"format must be csv or xlsx, not {fmt!r}", status=400, content_type="text/plain"
    )


def download(fmt: str, filename: str, columns, rows) -> HttpResponse:
    if fmt not in FORMATS:
        return bad_format(fmt)
    if fmt == "csv":
        return exports.csv_response(filename, columns, rows)
    return exports.xlsx_response(filename, columns, rows)


def indicator_rows(initiative, indicators=None) -> list[dict]:
    """Computed indicator values as plain rows (for the API and the downloads)."""
    rows = []
    for item in services.indicator_values(initiative, indicators):
        period = item.period
        rows.append(
            {
                "initiative": initiative.pk,
                "indicator": item.indicator.code,
                "indicator_name": item.indicator.name,
                "unit": item.indicator.unit,
                "formula": item.indicator.formula,
                "kind": item.kind,
                "period": period.pk if period else None,
                "period_label": period.label if period else "",
                "period_start": period.start if period else "",
                "period_end": period.end if period else "",
                "sex": item.sex,
                "size": item.size,
                "social_category": item.social_category,
                "value": item.value,
            }
        )
    return rows


def values_download(fmt: str, initiative) -> HttpResponse:
    rows = services.values_of(initiative)
    return download(fmt, f"monitoring-values-{initiative.pk}", VALUE_COLUMNS, rows)


def indicator_values_download(fmt: str, initiative) -> HttpResponse:
    rows = indicator_rows(initiative)
    return download(fmt, f"monitoring-indicators-{initiative.pk}", INDICATOR_COLUMNS, rows)


def catalogue_download(fmt: str, which: str) -> HttpResponse:
    if which == "indicators":
        return download(
            fmt, "monitoring-indicators", CATALOGUE_INDICATOR_COLUMNS, Indicator.objects.all()
        )
    return download(fmt, "monitoring-elements", ELEMENT_COLUMNS, DataElement.objects.all())
