"""Pages about institutions: the list with filters and downloads, one institution, the
section 2.4-style analysis, the 2005 status table with its totals, and the timeline."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from clusterdev.core import exports as export_writers
from clusterdev.core import svg
from clusterdev.core.exports import Column
from clusterdev.geography.models import District, State
from clusterdev.initiatives import permissions as initiative_rules
from clusterdev.institutions import charts
from clusterdev.institutions import exports as institution_exports
from clusterdev.institutions.choices import Category, RoleKind
from clusterdev.institutions.filtersets import InstitutionFilterSet
from clusterdev.institutions.models import (
    Institution,
    Role,
    StatusRow,
    StatusTable,
    TimelineEntry,
)
from clusterdev.registry.models import Cluster, NationalFigure

INSTITUTION_COLUMNS = [
    Column("slug", lambda i: i.slug),
    Column("short_name", lambda i: i.short_name),
    Column("name", lambda i: i.name),
    Column("category", lambda i: i.category),
    Column("state", lambda i: i.state.name if i.state else ""),
    Column("years_of_experience", lambda i: i.years_of_experience),
    Column(
        "experience_as_of", lambda i: i.experience_as_of.isoformat() if i.experience_as_of else ""
    ),
    Column("roles", lambda i: [r.code for r in i.roles.all()]),
    Column("likely_future_role", lambda i: i.likely_future_role),
    Column("cluster_types", lambda i: i.cluster_types),
    Column("implementation_channel", lambda i: i.implementation_channel),
    Column("private_leverage_over_20", lambda i: i.private_leverage_over_20),
    Column("public_leverage_over_20", lambda i: i.public_leverage_over_20),
    Column("thrust_areas", lambda i: i.thrust_areas),
    Column(
        "social_capital_thrust",
        lambda i: "" if i.social_capital_thrust is None else str(i.social_capital_thrust).lower(),
    ),
    Column("clusters", lambda i: [c.slug for c in i.clusters.all()]),
    Column("source", lambda i: i.source.key if i.source else ""),
    Column("source_section", lambda i: i.source_section),
    Column("url", lambda i: i.get_absolute_url()),
]


def _download(
    request: HttpRequest, filename: str, columns: list[Column], rows: Iterable[Any]
) -> HttpResponse:
    """The page's rows in the format ``?export=`` names (csv or xlsx; anything else is 400)."""
    export = request.GET.get("export")
    if export not in institution_exports.FORMATS:
        return HttpResponse("export must be csv or xlsx", status=400, content_type="text/plain")
    writer = export_writers.csv_response if export == "csv" else export_writers.xlsx_response
    return writer(filename, columns, list(rows))


def institutions_for(request: HttpRequest) -> QuerySet[Institution]:
    """Institutions are public: everyone reads all of them."""
    return (
        Institution.objects.select_related("state", "source")
        .prefetch_related(
            "roles", Prefetch("clusters", queryset=Cluster.objects.visible_to(request.user))
        )
        .order_by("short_name", "pk")
    )


def institution_list(request: HttpRequest) -> HttpResponse:
    filterset = InstitutionFilterSet(request.GET, queryset=institutions_for(request))
    valid = filterset.is_valid()
    institutions = filterset.qs if valid else Institution.objects.none()
    export = request.GET.get("export")
    if export:
        if export not in {"csv", "xlsx"}:
            return HttpResponse("export must be csv or xlsx", status=400, content_type="text/plain")
        if not valid:
            return HttpResponse(
                "Fix the filters first: " + filterset.errors.as_text(),
                status=400,
                content_type="text/plain",
            )
        writer = export_writers.csv_response if export == "csv" else export_writers.xlsx_response
        return writer("institutions", INSTITUTION_COLUMNS, list(institutions))
    params = request.GET.copy()
    params.pop("export", None)
    context = {
        "filterset": filterset,
        "institutions": list(institutions),
        "querystring": params.urlencode(),
        "categories": Category.choices,
        "states": State.objects.filter(institutions__isnull=False).distinct().order_by("name"),
        "roles": Role.objects.filter(kind=RoleKind.ROLE),
        "focus_areas": Role.objects.filter(kind=RoleKind.FOCUS),
    }
    return render(
        request, "institutions/institution_list.html", context, status=200 if valid else 400
    )


def history_for(institution: Institution) -> QuerySet[LogEntry]:
    """Changes to the institution and to its status rows and timeline entries."""
    own = ContentType.objects.get_for_model(Institution)
    parts = ContentType.objects.get_for_models(StatusRow, TimelineEntry).values()
    return (
        LogEntry.objects.filter(
            Q(content_type=own, object_pk=str(institution.pk))
            | Q(content_type__in=list(parts), additional_data__institution_id=institution.pk)
        )
        .select_related("actor", "content_type")
        .order_by("-timestamp")
    )


def institution_detail(request: HttpRequest, slug: str) -> HttpResponse:
    institution = get_object_or_404(institutions_for(request), slug=slug)
    clusters = list(
        institution.clusters.visible_to(request.user).prefetch_related(
            Prefetch("districts", queryset=District.objects.select_related("state"))
        )
    )
    initiatives = list(
        initiative_rules.visible(request.user)
        .filter(institution=institution)
        .prefetch_related(
            Prefetch("cluster__districts", queryset=District.objects.select_related("state"))
        )
        .order_by("title", "pk")
    )
    if request.GET.get("export"):
        table = request.GET.get("table", "initiatives")
        if table not in institution_exports.DETAIL_TABLES:
            return HttpResponse(
                "table must be initiatives or clusters", status=400, content_type="text/plain"
            )
        rows = initiatives if table == "initiatives" else clusters
        return _download(request, f"{slug}-{table}", institution_exports.DETAIL_TABLES[table], rows)
    points = []
    seen = set()
    for cluster in [*clusters, *(i.cluster for i in initiatives)]:
        centroid = cluster.centroid()
        if centroid and cluster.pk not in seen:
            seen.add(cluster.pk)
            points.append(
                (centroid[0], centroid[1], None, cluster.name, cluster.get_absolute_url())
            )
    context = {
        "institution": institution,
        "roles": [r for r in institution.roles.all() if r.kind == RoleKind.ROLE],
        "focus_areas": [r for r in institution.roles.all() if r.kind == RoleKind.FOCUS],
        "clusters": clusters,
        "initiatives": initiatives,
        "map_symbols": svg.symbols(points),
        "map_height": svg.MAP_HEIGHT,
        "status_rows": institution.status_rows.select_related("table", "source"),
        "timeline": institution.timeline.select_related("source").order_by("year"),
        "history": history_for(institution)[:50],
    }
    return render(request, "institutions/institution_detail.html", context)


def analysis(request: HttpRequest) -> HttpResponse:
    """The section 2.4 table, generated from the institutions that have a row in it."""
    institutions = (
        Institution.objects.exclude(analysis_label="")
        .select_related("source")
        .order_by("analysis_label")
    )
    if request.GET.get("export"):
        return _download(
            request, "institutions-analysis", institution_exports.ANALYSIS_COLUMNS, institutions
        )
    return render(request, "institutions/analysis.html", {"institutions": institutions})


def status(request: HttpRequest) -> HttpResponse:
    """Each status table row by row as written, with computed totals beside the stated ones."""
    tables = StatusTable.objects.select_related("source").prefetch_related(
        Prefetch("rows", queryset=StatusRow.objects.select_related("institution").order_by("order"))
    )
    pairs = [(table, table.totals()) for table in tables]
    if request.GET.get("export"):
        return _download(
            request,
            "institutions-status",
            institution_exports.STATUS_COLUMNS,
            institution_exports.status_rows(pairs),
        )
    return render(
        request,
        "institutions/status.html",
        {"tables": pairs},
    )


def timeline(request: HttpRequest) -> HttpResponse:
    years = charts.timeline()
    entering = charts.columns(
        [
            (y["year"], len(y["entering"]), ", ".join(i["short_name"] for i in y["entering"]))
            for y in years
        ],
        "Institutions named for the first time, by year",
    )
    clusters = charts.columns(
        [
            (y["year"], y["cumulative_clusters"], f"{y['institutions_with_figures']} institutions")
            for y in years
            if y["cumulative_clusters"] is not None
        ],
        "Cumulative clusters taken up, summed over the institutions the source gives figures for",
    )
    source = TimelineEntry.objects.select_related("source").first()
    # The registry keeps the counts the text states ("from 5 to 20"): shown beside the lists.
    stated = {
        figure.year: figure
        for figure in NationalFigure.objects.filter(
            group="cluster-initiatives-india",
            measure__startswith="institutions_funding_cluster_initiatives",
        ).exclude(year=None)
    }
    for year in years:
        figure = stated.get(year["year"])
        year["stated_institutions"] = int(figure.value) if figure else None
        year["stated_differs"] = bool(figure) and int(figure.value) != len(year["listed"])
    if request.GET.get("export"):
        return _download(
            request, "institutions-timeline", institution_exports.TIMELINE_COLUMNS, years
        )
    context = {
        "years": years,
        "entering": entering,
        "clusters": clusters,
        "source": source,
        "differences": [y for y in years if y["stated_differs"]],
    }
    return render(request, "institutions/timeline.html", context)
