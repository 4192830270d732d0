"""Columns and rows of the institution pages' CSV/XLSX downloads.

Each download holds the rows its page shows, built from the same data the view renders: the
status tables keep every count as written (with the uncertain flag as a column of its own)
and add the stated and the computed totals as rows; the institution page's initiatives come
from the viewer's own initiative queryset.
"""

from __future__ import annotations

from typing import Any

from clusterdev.core.exports import Column

FORMATS = {"csv", "xlsx"}


def _yes(flag: bool) -> str:
    """A ticked cell of a page as "yes", an empty one as ""."""
    return "yes" if flag else ""


# The status tables: one line per row as written, then the totals lines of each table.
STATUS_COLUMNS = [
    Column("table", lambda r: r["table"]),
    Column("as_of", lambda r: r["as_of"]),
    Column("line", lambda r: r["line"]),
    Column("order", lambda r: r["order"]),
    Column("group_as_written", lambda r: r["group_as_written"]),
    Column("name_as_written", lambda r: r["name_as_written"]),
    Column("institution", lambda r: r["institution"]),
    Column("experience_as_written", lambda r: r["experience_as_written"]),
    Column("roles_as_written", lambda r: r["roles_as_written"]),
    Column("future_role_as_written", lambda r: r["future_role_as_written"]),
    Column("cluster_types_as_written", lambda r: r["cluster_types_as_written"]),
    Column("counts_as_written", lambda r: r["counts_as_written"]),
    Column("uncertain", lambda r: r["uncertain"]),
    Column("completed", lambda r: r["completed"]),
    Column("in_progress", lambda r: r["in_progress"]),
    Column("total", lambda r: r["total"]),
    Column("source", lambda r: r["source"]),
]

_BLANK_ROW = {
    "order": "",
    "group_as_written": "",
    "name_as_written": "",
    "institution": "",
    "experience_as_written": "",
    "roles_as_written": "",
    "future_role_as_written": "",
    "cluster_types_as_written": "",
    "counts_as_written": "",
    "uncertain": "",
}


def status_rows(tables: list[tuple[Any, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The lines of the status download from the page's (table, totals) pairs.

    ``line`` says what a line is: ``row`` (a row as written), ``stated_total`` (the source's
    totals), ``sum_of_rows`` (computed here) and, when they differ, ``stated_minus_sum``.
    """
    lines: list[dict[str, Any]] = []
    for table, totals in tables:
        common = {
            "table": table.key,
            "as_of": table.as_of.isoformat() if table.as_of else "",
            "source": table.source.key,
        }
        for row in table.rows.all():
            lines.append(
                common
                | {
                    "line": "row",
                    "order": row.order,
                    "group_as_written": row.group_as_written,
                    "name_as_written": row.name_as_written,
                    "institution": row.institution.slug,
                    "experience_as_written": row.experience_as_written,
                    "roles_as_written": row.roles_as_written,
                    "future_role_as_written": row.future_role_as_written,
                    "cluster_types_as_written": row.cluster_types_as_written,
                    "counts_as_written": row.counts_as_written,
                    "uncertain": "true" if row.uncertain else "false",
                    "completed": row.completed,
                    "in_progress": row.in_progress,
                    "total": None,
                }
            )
        kinds = [
            ("stated_total", totals["stated"], table.stated_total_as_written),
            ("sum_of_rows", totals["computed"], ""),
        ]
        if totals["differs"]:
            kinds.append(("stated_minus_sum", totals["difference"], ""))
        for line, figures, as_written in kinds:
            lines.append(
                common
                | _BLANK_ROW
                | {
                    "line": line,
                    "counts_as_written": as_written,
                    "completed": figures["completed"],
                    "in_progress": figures["in_progress"],
                    "total": figures["total"],
                }
            )
    return lines


def _thrust(area: str) -> Column:
    return Column(area, lambda i: _yes(area in (i.thrust_areas or [])))


# The section 2.4 table: ticks as "yes", leverage as the page writes it (YES, NO, NA).
ANALYSIS_COLUMNS = [
    Column("institution", lambda i: i.analysis_label),
    Column("slug", lambda i: i.slug),
    Column("own_employees", lambda i: _yes(i.implementation_channel == "own_staff")),
    Column("external_institutions", lambda i: _yes(i.implementation_channel == "external")),
    Column("private_leverage_over_20", lambda i: (i.private_leverage_over_20 or "").upper()),
    Column("public_leverage_over_20", lambda i: (i.public_leverage_over_20 or "").upper()),
    _thrust("credit"),
    _thrust("technology"),
    _thrust("employment"),
    _thrust("infrastructure"),
    Column("social_capital_thrust", lambda i: _yes(bool(i.social_capital_thrust))),
    Column("source", lambda i: i.source.key if i.source else ""),
]

# The timeline: one line per year, as the page's table.
TIMELINE_COLUMNS = [
    Column("year", lambda y: y["year"]),
    Column("institutions_named", lambda y: len(y["listed"])),
    Column("stated_in_text", lambda y: y["stated_institutions"]),
    Column("stated_differs", lambda y: "true" if y["stated_differs"] else "false"),
    Column("named", lambda y: [i["slug"] for i in y["listed"]]),
    Column("new_that_year", lambda y: [i["slug"] for i in y["entering"]]),
    Column("cumulative_clusters", lambda y: y["cumulative_clusters"]),
    Column("institutions_with_figures", lambda y: y["institutions_with_figures"]),
    Column(
        "clusters_by_institution",
        lambda y: [f"{i['slug']}: {i['clusters']}" for i in y["clusters_by_institution"]],
    ),
]


def _states(cluster: Any) -> list[str]:
    return sorted({d.state.name for d in cluster.districts.all()})


# The institution page's two lists.
INITIATIVE_COLUMNS = [
    Column("id", lambda i: i.pk),
    Column("title", lambda i: i.title),
    Column("cluster", lambda i: i.cluster.name),
    Column("cluster_slug", lambda i: i.cluster.slug),
    Column("status", lambda i: i.get_status_display()),
    Column("step", lambda i: i.step),
    Column("step_name", lambda i: i.get_step_display()),
]

CLUSTER_COLUMNS = [
    Column("slug", lambda c: c.slug),
    Column("name", lambda c: c.name),
    Column("states", _states),
    Column("url", lambda c: c.get_absolute_url()),
]

DETAIL_TABLES = {"initiatives": INITIATIVE_COLUMNS, "clusters": CLUSTER_COLUMNS}
