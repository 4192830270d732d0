"""Pages of the registry: the cluster list with facets and downloads, a cluster, a source."""

from __future__ import annotations

from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Substr
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.safestring import mark_safe

from clusterdev.core import exports as export_writers
from clusterdev.core import roles, svg
from clusterdev.core.cache import cached
from clusterdev.geography.models import District, State
from clusterdev.initiatives import permissions as initiative_rules
from clusterdev.registry.choices import SizeBand, Status, Typology
from clusterdev.registry.exports import CLUSTER_COLUMNS, cluster_geometry
from clusterdev.registry.filtersets import ClusterFilterSet
from clusterdev.registry.models import (
    Breakdown,
    Cluster,
    Estimate,
    NationalFigure,
    NicCode,
    Source,
)

PAGE_SIZE = 50
ESTIMATE_ROWS = [
    ("year", "Year"),
    ("units", "Enterprises (units)"),
    ("employment", "Employment (persons)"),
    ("turnover_inr_crore", "Output / turnover (Rs crore)"),
    ("exports_inr_crore", "Exports (Rs crore)"),
    ("investment_inr_crore", "Investment (Rs crore)"),
    ("looms", "Looms"),
    ("method", "Method"),
    ("notes", "Notes"),
]


def clusters_for(request: HttpRequest) -> QuerySet[Cluster]:
    """The clusters this viewer may see, with what list pages and exports need."""
    return (
        Cluster.objects.visible_to(request.user)
        .prefetch_related(
            Prefetch("districts", queryset=District.objects.select_related("state")),
            "nic_codes",
        )
        .select_related("source")
    )


# Up to this many matches, facet queries use the ids found once rather than repeating the
# filters (a search scans every cluster's text each time it is repeated).
FACET_IDS_MAX = 5000


def _facets(queryset: QuerySet[Cluster]) -> dict[str, dict[str, int]]:
    """Counts per typology, status, size band (one grouped query), state, district, NIC."""
    found = list(queryset.order_by().values_list("pk", flat=True)[: FACET_IDS_MAX + 1])
    ids: Any = found if len(found) <= FACET_IDS_MAX else queryset.order_by().values("pk")
    facets: dict[str, dict[str, int]] = {"typology": {}, "status": {}, "size_band": {}}
    grouped = (
        Cluster.objects.filter(pk__in=ids)
        .order_by()
        .values_list("typology", "status", "size_band")
        .annotate(n=Count("pk"))
    )
    for typology, status, band, n in grouped:
        for field, value in (("typology", typology), ("status", status), ("size_band", band)):
            facets[field][value] = facets[field].get(value, 0) + n
    through = Cluster.districts.through.objects.filter(cluster_id__in=ids)
    facets["state"] = dict(
        through.order_by()
        .values_list("district__state__code")
        .annotate(n=Count("cluster_id", distinct=True))
    )
    facets["district"] = dict(
        through.order_by()
        .values_list("district__code")
        .annotate(n=Count("cluster_id", distinct=True))
    )
    nic_links = Cluster.nic_codes.through.objects.filter(cluster_id__in=ids).order_by()
    facets["nic_division"] = dict(
        nic_links.annotate(division=Substr("niccode_id", 1, 2))
        .values_list("division")
        .annotate(n=Count("cluster_id", distinct=True))
    )
    facets["total"] = {"count": len(found) if len(found) <= FACET_IDS_MAX else queryset.count()}
    return facets


def _chosen_first(rows: Any, chosen: list[str], counts: dict[str, int]) -> list[Any]:
    """Ticked options first, then those with results, then the rest, each in name order."""
    return sorted(rows, key=lambda row: (row.code not in chosen, not counts.get(row.code)))


def cluster_list(request: HttpRequest) -> HttpResponse:
    queryset = clusters_for(request)
    filterset = ClusterFilterSet(request.GET, queryset=queryset, request=request)
    valid = filterset.is_valid()
    status = 200 if valid else 400
    clusters = filterset.qs if valid else queryset.none()
    if valid and not request.GET.get("sort"):
        clusters = clusters.order_by("name", "pk")

    export = request.GET.get("export")
    if export:
        if export not in export_writers.FORMATS:
            return HttpResponse(
                "export must be one of csv, xlsx, geojson", status=400, content_type="text/plain"
            )
        if status != 200:
            return HttpResponse(
                "Fix the filters first: " + filterset.errors.as_text(),
                status=400,
                content_type="text/plain",
            )
        rows = clusters.iterator(chunk_size=1000)
        if export == "csv":
            return export_writers.csv_response("clusters", CLUSTER_COLUMNS, rows)
        if export == "xlsx":
            return export_writers.xlsx_response("clusters", CLUSTER_COLUMNS, rows)
        return export_writers.geojson_response("clusters", CLUSTER_COLUMNS, rows, cluster_geometry)

    # Counts depend on the filters and the viewer's role, not on the page or the order.
    filters = request.GET.copy()
    for name in ("page", "sort", "export"):
        filters.pop(name, None)
    scope = f"{filters.urlencode()}|curator={roles.is_curator(request.user)}"
    paginator = Paginator(clusters, PAGE_SIZE)
    facets = cached(f"cluster-facets:{scope}", lambda: _facets(clusters)) if status == 200 else {}
    if facets:
        paginator.count = facets["total"]["count"]  # type: ignore[misc]
    page = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("export", None)
    without_nic = params.copy()
    without_nic.pop("nic", None)
    chosen_states = request.GET.getlist("state")[:3] if status == 200 else []
    divisions = facets.get("nic_division", {})
    context = {
        "nic_divisions": [
            (nic.code, nic.title, divisions[nic.code])
            for nic in NicCode.objects.filter(code__in=list(divisions)).order_by("code")
        ],
        "without_nic": without_nic.urlencode(),
        "state_districts": _chosen_first(
            District.objects.filter(state__code__in=chosen_states)
            .select_related("state")
            .order_by("state__name", "name"),
            request.GET.getlist("district"),
            facets.get("district", {}),
        )
        if chosen_states
        else [],
        "filterset": filterset,
        "page": page,
        "facets": facets,
        "querystring": params.urlencode(),
        "typologies": Typology.choices,
        "statuses": Status.choices if request.user.is_authenticated else [],
        "size_bands": SizeBand.choices,
        "states": _chosen_first(
            State.objects.order_by("name"), request.GET.getlist("state"), facets.get("state", {})
        ),
    }
    template = "registry/_cluster_results.html" if request.htmx else "registry/cluster_list.html"
    return render(request, template, context, status=status)


def history_for(cluster: Cluster) -> QuerySet[LogEntry]:
    """Changes to the cluster and to its estimates (including deleted ones)."""
    cluster_type = ContentType.objects.get_for_model(Cluster)
    estimate_type = ContentType.objects.get_for_model(Estimate)
    return (
        LogEntry.objects.filter(
            Q(content_type=cluster_type, object_pk=str(cluster.pk))
            | Q(content_type=estimate_type, additional_data__cluster_id=cluster.pk)
        )
        .select_related("actor", "content_type")
        .order_by("-timestamp")
    )


def cluster_detail(request: HttpRequest, slug: str) -> HttpResponse:
    cluster = get_object_or_404(clusters_for(request), slug=slug)
    estimates = list(
        cluster.estimates.select_related("source").order_by("-is_preferred", "-year", "pk")
    )
    rows = [
        (label, [getattr(estimate, field) for estimate in estimates])
        for field, label in ESTIMATE_ROWS
        if any(getattr(estimate, field) not in (None, "") for estimate in estimates)
    ]
    centroid = cluster.centroid()
    map_symbols = (
        svg.symbols([(centroid[0], centroid[1], None, cluster.name, "")]) if centroid else []
    )
    context = {
        "cluster": cluster,
        "estimates": estimates,
        "estimate_rows": rows,
        "districts": list(cluster.districts.all()),
        "states": sorted({d.state.name for d in cluster.districts.all()}),
        "map_symbols": map_symbols,
        "history": history_for(cluster)[:50],
        "map_height": svg.MAP_HEIGHT,
        "initiatives": list(
            initiative_rules.visible(request.user).filter(cluster=cluster).order_by("title")
        ),
    }
    return render(request, "registry/cluster_detail.html", context)


def basemap() -> str:
    """India drawn as its district centres (the same for every page until geography changes)."""

    def draw() -> str:
        points = District.objects.exclude(latitude=None).order_by("code")
        return svg.basemap_path(tuple(points.values_list("latitude", "longitude")))

    # Numbers and path letters only: safe as it is, and escaping 25 kB per page costs time.
    return mark_safe(cached("basemap", draw, timeout=24 * 3600))


def source_detail(request: HttpRequest, key: str) -> HttpResponse:
    source = get_object_or_404(Source, key=key)
    context = {
        "history": LogEntry.objects.get_for_object(source).select_related("actor")[:50],
        "source": source,
        "clusters": Cluster.objects.visible_to(request.user)
        .filter(Q(source=source) | Q(estimates__source=source))
        .distinct()
        .order_by("name"),
        "figures": source.figures.all(),
        "breakdowns": source.breakdowns.all(),
        "cites": source.cites.all(),
    }
    return render(request, "registry/source_detail.html", context)


def source_list(request: HttpRequest) -> HttpResponse:
    sources = Source.objects.select_related("cited_in").annotate(
        n_clusters=Count("clusters", distinct=True), n_estimates=Count("estimates", distinct=True)
    )
    return render(request, "registry/source_list.html", {"sources": sources})


def figures(request: HttpRequest) -> HttpResponse:
    """National figures side by side, and breakdowns with stated and computed totals."""
    groups: dict[str, dict[str, Any]] = {}
    for figure in NationalFigure.objects.select_related("source").order_by("group", "pk"):
        group = groups.setdefault(
            figure.group,
            {"title": figure.group_title, "estimators": [], "measures": {}, "figures": []},
        )
        if figure.estimator not in group["estimators"]:
            group["estimators"].append(figure.estimator)
        group["measures"].setdefault(figure.measure, {})[figure.estimator] = figure
        group["figures"].append(figure)
    for group in groups.values():
        group["rows"] = [
            (measure, [by_estimator.get(e) for e in group["estimators"]])
            for measure, by_estimator in group["measures"].items()
        ]
    breakdowns = Breakdown.objects.select_related("source").prefetch_related("items__source")
    charts = {
        breakdown.key: svg.bars([(i.label, float(i.value), "") for i in breakdown.items.all()])
        for breakdown in breakdowns
    }
    context = {
        "groups": groups.values(),
        "breakdowns": [(b, charts[b.key]) for b in breakdowns],
    }
    return render(request, "registry/figures.html", context)
