"""A plan as CSV, XLSX or PDF: years, totals, human resources, inputs and notes."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from openpyxl import Workbook

from clusterdev.core.pdf import latin1, text
from clusterdev.planning.model import PlanResult

FORMATS = ("csv", "xlsx", "pdf")
YEAR_COLUMNS = [
    ("year", "Year"),
    ("new_clusters", "New clusters"),
    ("clusters_in_progress", "Clusters in progress"),
    ("spending_crore", "Spending (Rs crore)"),
    ("spending_nominal_crore", "Nominal spending (Rs crore)"),
    ("spending_discounted_crore", "Discounted spending (Rs crore)"),
]
TOTAL_COLUMNS = [
    ("first_5_years", "First 5 years (Rs crore)"),
    ("next_5_years", "Next 5 years (Rs crore)"),
    ("after_10_years", "After 10 years (Rs crore)"),
    ("gross", "Gross (Rs crore)"),
    ("peak_spending_crore", "Peak year (Rs crore)"),
]
HR_COLUMNS = [
    ("role", "Role"),
    ("label", "Label"),
    ("required", "Required"),
    ("required_source", "Required from"),
    ("ratio_low", "Ratio gives (low)"),
    ("ratio_high", "Ratio gives (high)"),
    ("available", "Available"),
    ("gap", "Gap"),
    ("training_needed_per_year", "To train per year"),
    ("training_capacity_per_year", "Training capacity per year"),
    ("gap_closes_year", "Gap closes in"),
    ("education", "Education"),
]


def hr_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for row in data["hr"]:
        rows.append(
            {
                **row,
                "ratio_low": row["ratio_estimate"]["low"],
                "ratio_high": row["ratio_estimate"]["high"],
            }
        )
    return rows


def input_rows(data: dict[str, Any]) -> list[tuple[str, Any]]:
    """The inputs flattened to (name, value) pairs."""
    rows: list[tuple[str, Any]] = []
    for key, value in data["scenario"].items():
        if key == "hr":
            for role, fields in value.items():
                for field, item in fields.items():
                    if field != "override_note":
                        rows.append((f"hr.{role}.{field}", item))
        elif key == "groups":
            for index, group in enumerate(value):
                for field, item in group.items():
                    rows.append((f"groups[{index}].{field}", item))
        elif isinstance(value, list):
            rows.append((key, ", ".join(str(v) for v in value)))
        else:
            rows.append((key, value))
    return rows


def _plain(value: Any) -> Any:
    return "" if value is None else value


def _numeric(value: Any) -> Any:
    """Exact decimal strings become numbers in a spreadsheet."""
    if isinstance(value, str):
        try:
            number = Decimal(value)
        except ArithmeticError:
            return value
        return float(number) if number.is_finite() else value
    return _plain(value)


def _csv_lines(result: PlanResult) -> Iterator[list[Any]]:
    data = result.to_dict()
    yield ["Scenario", data["scenario"]["name"]]
    yield ["Money", data["units"]["money"]]
    yield []
    yield ["Spending by year"]
    yield [label for _key, label in YEAR_COLUMNS]
    for row in data["years"]:
        yield [row[key] for key, _label in YEAR_COLUMNS]
    yield []
    yield ["Totals"]
    yield [label for _key, label in TOTAL_COLUMNS]
    yield [data["totals"][key] for key, _label in TOTAL_COLUMNS]
    yield []
    yield ["Human resources"]
    yield [label for _key, label in HR_COLUMNS]
    for hr_row in hr_rows(data):
        yield [_plain(hr_row[key]) for key, _label in HR_COLUMNS]
    totals = data["hr_totals"]
    yield ["Total", "", totals["required"], "", "", "", totals["available"], totals["gap"]]
    yield []
    yield ["Inputs"]
    for name, value in input_rows(data):
        yield [name, _plain(value)]
    yield []
    yield ["Notes"]
    for note in data["notes"]:
        yield [note]


def plan_csv(result: PlanResult, filename: str) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    for line in _csv_lines(result):
        writer.writerow(line)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def plan_xlsx(result: PlanResult, filename: str) -> HttpResponse:
    data = result.to_dict()
    workbook = Workbook(write_only=True)
    years = workbook.create_sheet("Years")
    years.append([label for _key, label in YEAR_COLUMNS])
    for row in data["years"]:
        years.append([_numeric(row[key]) for key, _label in YEAR_COLUMNS])
    totals = workbook.create_sheet("Totals")
    totals.append([label for _key, label in TOTAL_COLUMNS])
    totals.append([_numeric(data["totals"][key]) for key, _label in TOTAL_COLUMNS])
    hr = workbook.create_sheet("Human resources")
    hr.append([label for _key, label in HR_COLUMNS])
    for hr_row in hr_rows(data):
        hr.append([_numeric(hr_row[key]) for key, _label in HR_COLUMNS])
    inputs = workbook.create_sheet("Inputs")
    inputs.append(["Input", "Value"])
    for name, value in input_rows(data):
        inputs.append([name, _numeric(value)])
    notes = workbook.create_sheet("Notes")
    for note in data["notes"]:
        notes.append([note])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def plan_pdf(result: PlanResult, filename: str, title: str) -> HttpResponse:
    from fpdf import FPDF

    data = result.to_dict()
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(latin1(title))
    pdf.set_creator("ClusterDev")
    pdf.compress = False  # small anyway; keeps the figures searchable in the file
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.cell(0, 9, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=9)
    scenario = data["scenario"]
    pdf.multi_cell(
        0,
        5,
        latin1(
            f"{scenario['clusters']:,} clusters, at most {scenario['clusters_per_year_max']:,} "
            f"taken up a year, {scenario['duration_years']}-year initiatives, first year "
            f"{scenario['first_year']}. Money in Rs crore."
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )

    def heading(title: str) -> None:
        pdf.ln(2)
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(0, 7, latin1(title), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=8)

    def table(header: list[str], rows: list[list[str]]) -> None:
        with pdf.table(
            text_align="RIGHT", first_row_as_headings=True, line_height=4.5, padding=1
        ) as grid:
            grid.row([latin1(h) for h in header])
            for row in rows:
                grid.row(row)

    heading("Spending by year")
    table(
        [label for _key, label in YEAR_COLUMNS],
        [
            [str(row["year"])] + [text(row[key]) for key, _label in YEAR_COLUMNS[1:]]
            for row in data["years"]
        ],
    )
    heading("Totals")
    table(
        [label for _key, label in TOTAL_COLUMNS],
        [[text(data["totals"][key]) for key, _label in TOTAL_COLUMNS]],
    )
    heading("Human resources")
    columns = [c for c in HR_COLUMNS if c[0] not in {"label", "education"}]
    rows = []
    for hr_row in hr_rows(data):
        cells = []
        for key, _label in columns:
            value = hr_row[key]
            cells.append(str(value) if key == "gap_closes_year" and value else text(value))
        rows.append(cells)
    totals = data["hr_totals"]
    total_cells = {
        "role": "Total",
        "required": text(totals["required"]),
        "available": text(totals["available"]),
        "gap": text(totals["gap"]),
        "training_needed_per_year": text(totals["training_needed_per_year"]),
        "training_capacity_per_year": text(totals["training_capacity_per_year"]),
    }
    rows.append([total_cells.get(key, "") for key, _label in columns])
    table([label for _key, label in columns], rows)
    heading("Notes")
    for note in data["notes"]:
        pdf.multi_cell(0, 4.5, latin1("- " + note), new_x="LMARGIN", new_y="NEXT")
    response = HttpResponse(bytes(pdf.output()), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response


def plan_export(result: PlanResult, fmt: str, filename: str, title: str) -> HttpResponse:
    if fmt == "csv":
        return plan_csv(result, filename)
    if fmt == "xlsx":
        return plan_xlsx(result, filename)
    return plan_pdf(result, filename, title)
