"""Downloads of initiative lists (CSV, XLSX) and the PDF reports.

Every export is built from the querysets the pages use, so a viewer downloads exactly the
rows she sees; private columns appear only for initiatives she may read privately.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.http import HttpResponse
from django.utils.module_loading import import_string

from clusterdev.core import exports
from clusterdev.core.exports import Column
from clusterdev.core.pdf import latin1, text
from clusterdev.initiatives import choices

# Other apps' lines for the one-page report, in step order (see each app's report.py).
REPORT_SECTIONS = (
    ("Diagnostic study", "clusterdev.diagnostics.report.report_lines"),
    ("Action plan and implementation", "clusterdev.actionplans.report.report_lines"),
    ("Monitoring & evaluation", "clusterdev.monitoring.report.report_lines"),
)


def _states(initiative) -> str:
    return ";".join(sorted({d.state.name for d in initiative.cluster.districts.all()}))


def initiative_columns(private_ids: set[int]) -> list[Column]:
    def private(value: Callable[[Any], Any]) -> Callable[[Any], Any]:
        return lambda row: value(row) if row.pk in private_ids else ""

    return [
        Column("id", lambda r: r.pk),
        Column("title", lambda r: r.title),
        Column("institution", lambda r: r.institution.name),
        Column("cluster", lambda r: r.cluster.name),
        Column("cluster_slug", lambda r: r.cluster.slug),
        Column("typology", lambda r: r.cluster.get_typology_display()),
        Column("states", _states),
        Column("status", lambda r: r.get_status_display()),
        Column("step", lambda r: r.step),
        Column("step_name", lambda r: r.get_step_display()),
        Column("start_date", lambda r: r.start_date),
        Column("planned_end_date", lambda r: r.planned_end_date),
        Column("actual_end_date", lambda r: r.actual_end_date),
        Column("objectives", lambda r: list(r.objectives or [])),
        Column("approach", lambda r: r.get_approach_display()),
        Column("summary", lambda r: r.summary),
        Column("cdas", private(lambda r: [u.username for u in r.cdas.all()])),
        Column("ta", private(lambda r: r.ta.username if r.ta else "")),
        Column("published", private(lambda r: r.published)),
    ]


EVENT_COLUMNS = [
    Column("initiative", lambda e: e.initiative.title),
    Column("kind", lambda e: e.get_kind_display()),
    Column("date", lambda e: e.date),
    Column("women", lambda e: e.totals()["women"]),
    Column("men", lambda e: e.totals()["men"]),
    Column("participants", lambda e: e.totals()["all"]),
    Column(
        "by_actor_type",
        lambda e: [
            f"{row.get('actor_type')}: {row.get('women', 0)} women, {row.get('men', 0)} men"
            for row in e.participants or []
        ],
    ),
    Column("outcomes", lambda e: e.outcomes),
]

SCORE_COLUMNS = [
    Column("cluster", lambda s: s["cluster_name"]),
    *[Column(c, lambda s, c=c: s[c]) for c in choices.CRITERIA_LABELS],
    Column("weighted_total", lambda s: s["total"]),
]


def download(fmt: str, filename: str, columns: list[Column], rows: Iterable[Any]):
    """A CSV or XLSX response; the caller has checked ``fmt``."""
    writer = exports.csv_response if fmt == "csv" else exports.xlsx_response
    return writer(filename, columns, rows)


def _pdf():
    from fpdf import FPDF

    pdf = FPDF(orientation="portrait", format="A4")
    pdf.set_creator("ClusterDev")
    pdf.set_auto_page_break(auto=True, margin=12)
    pdf.set_margins(14, 12, 14)
    pdf.add_page()
    return pdf


def _heading(pdf, title: str) -> None:
    pdf.ln(1.5)
    pdf.set_font("Helvetica", "B", 10.5)
    pdf.cell(0, 6, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=8.5)


def _lines(pdf, lines: list[tuple[str, str]]) -> None:
    for label, value in lines:
        pdf.set_font("Helvetica", "B", 8.5)
        pdf.cell(52, 4.4, latin1(label))
        pdf.set_font("Helvetica", size=8.5)
        pdf.multi_cell(0, 4.4, text(value), new_x="LMARGIN", new_y="NEXT")


def _response(pdf, filename: str) -> HttpResponse:
    response = HttpResponse(bytes(pdf.output()), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response


def initiative_pdf(initiative, records, events) -> HttpResponse:
    """One page: the facts, the steps with their record status, events, and the step apps'
    own lines (diagnostic study, action plan, monitoring)."""
    pdf = _pdf()
    pdf.set_title(latin1(initiative.title))
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 7, latin1(initiative.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=8.5)
    _lines(
        pdf,
        [
            ("Institution", initiative.institution.name),
            ("Cluster", f"{initiative.cluster.name} ({_states(initiative)})"),
            (
                "Status / step",
                f"{initiative.get_status_display()}, step {initiative.step} "
                f"({initiative.get_step_display()})",
            ),
            (
                "Dates",
                f"{initiative.start_date or '-'} to {initiative.planned_end_date or '-'}"
                + (f", ended {initiative.actual_end_date}" if initiative.actual_end_date else ""),
            ),
            ("Approach", initiative.get_approach_display() or "-"),
            (
                "Objectives",
                ", ".join(choices.Objective(o).label for o in initiative.objectives) or "-",
            ),
            (
                "CDAs / TA",
                ", ".join(u.username for u in initiative.cdas.all())
                + " / "
                + (initiative.ta.username if initiative.ta else "-"),
            ),
        ],
    )
    if initiative.summary:
        pdf.ln(1)
        pdf.multi_cell(0, 4.4, latin1(initiative.summary[:600]), new_x="LMARGIN", new_y="NEXT")
    _heading(pdf, "Steps")
    by_step = {record.step: record for record in records}
    step_lines = []
    for number, label in choices.Step.choices:
        record = by_step.get(number)
        state = record.get_status_display() if record else "no record"
        summary = f" - {record.summary[:140]}" if record and record.summary else ""
        step_lines.append((f"{number}. {label}", f"{state}{summary}"))
    _lines(pdf, step_lines)
    if events:
        _heading(pdf, "Trust building")
        women = sum(e.totals()["women"] for e in events)
        men = sum(e.totals()["men"] for e in events)
        kinds = ", ".join(sorted({e.get_kind_display() for e in events}))
        people = f"{women + men:,} ({women:,} women, {men:,} men)"
        _lines(pdf, [("Events", f"{len(events)} ({kinds})"), ("Participants", people)])
    for title, path in REPORT_SECTIONS:
        lines = import_string(path)(initiative)
        if lines:
            _heading(pdf, title)
            _lines(pdf, lines)
    return _response(pdf, f"initiative-{initiative.pk}")


def portfolio_pdf(portfolio, institution_rows, title: str, monitoring=None) -> HttpResponse:
    """The portfolio: totals by step, status, institution, state and type, and the list;
    then ``monitoring``, the lines of ``clusterdev.monitoring.report.portfolio_lines`` over
    the initiatives the viewer may read privately (indicators with their disaggregation)."""
    pdf = _pdf()
    pdf.set_title(latin1(title))
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 7, latin1(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=8.5)
    pdf.cell(0, 5, f"{portfolio.total:,} initiatives", new_x="LMARGIN", new_y="NEXT")

    def table(header: list[str], rows: list[list[str]], widths=None) -> None:
        with pdf.table(
            first_row_as_headings=True, line_height=4.2, padding=0.8, col_widths=widths
        ) as grid:
            grid.row([latin1(h) for h in header])
            for row in rows:
                grid.row([text(cell) for cell in row])

    _heading(pdf, "Initiatives by institution and step")
    table(
        ["Institution", *[str(n) for n, _ in choices.Step.choices], "All"],
        [[r["name"], *r["cells"], r["total"]] for r in institution_rows],
        widths=(60, 10, 10, 10, 10, 10, 10, 12),
    )
    for title_, bars in (
        ("By status", portfolio.by_status),
        ("By state", portfolio.by_state),
        ("By type of cluster", portfolio.by_typology),
    ):
        _heading(pdf, title_)
        _lines(pdf, [(bar.label, bar.display) for bar in bars])
    _heading(pdf, "Initiatives")
    table(
        ["Initiative", "Institution", "Cluster", "Status", "Step"],
        [
            [
                r.title,
                r.institution.short_name or r.institution.name,
                r.cluster.name,
                r.get_status_display(),
                r.step,
            ]
            for r in portfolio.rows
        ],
        widths=(55, 30, 50, 25, 12),
    )
    if monitoring:
        _heading(pdf, "Monitoring: latest approved period")
        _lines(pdf, monitoring)
    return _response(pdf, "initiative-portfolio")
