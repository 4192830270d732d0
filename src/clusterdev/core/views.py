"""Home and "About the data"."""

from __future__ import annotations

from django.db.models import Count, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from clusterdev.core import svg
from clusterdev.core.data_sources import package_sources
from clusterdev.geography.models import District, State
from clusterdev.registry.choices import Typology
from clusterdev.registry.models import Breakdown, Cluster, NationalFigure, Source
from clusterdev.registry.views import basemap, clusters_for


def home(request: HttpRequest) -> HttpResponse:
    everywhere = Cluster.objects.visible_to(request.user)
    # Headline figures are India's; clusters abroad are kept for comparison only.
    visible = everywhere.filter(country="IN")
    totals = visible.aggregate(
        clusters=Count("pk"),
        units=Sum("headline_units"),
        employment=Sum("headline_employment"),
    )
    ids = visible.values("pk")
    totals["states"] = State.objects.filter(districts__clusters__in=ids).distinct().count()
    totals["districts"] = District.objects.filter(clusters__in=ids).distinct().count()
    totals["abroad"] = everywhere.exclude(country="IN").count()

    list_url = reverse("registry:cluster_list")
    by_typology = dict(visible.order_by().values_list("typology").annotate(n=Count("pk")))
    typology_bars = svg.bars(
        [
            (label, by_typology.get(value, 0), f"{list_url}?typology={value}")
            for value, label in Typology.choices
        ]
    )
    points = []
    for cluster in clusters_for(request).filter(country="IN"):
        centroid = cluster.centroid()
        if centroid:
            points.append(
                (
                    centroid[0],
                    centroid[1],
                    cluster.headline_units,
                    cluster.name,
                    cluster.get_absolute_url(),
                )
            )
    handicraft = (
        Breakdown.objects.filter(key="handicraft-clusters-by-product-group")
        .prefetch_related("items")
        .first()
    )
    context = {
        "totals": totals,
        "typology_bars": typology_bars,
        "map_symbols": svg.symbols(points),
        "map_height": svg.MAP_HEIGHT,
        "sme_figures": NationalFigure.objects.filter(group="sme-clusters-india")
        .select_related("source")
        .order_by("estimator", "pk"),
        "handicraft": handicraft,
        "handicraft_bars": svg.bars([(i.label, float(i.value), "") for i in handicraft.items.all()])
        if handicraft
        else [],
    }
    return render(request, "core/home.html", context)


def basemap_svg(request: HttpRequest) -> HttpResponse:
    """India as its district centres: one small image every map on the site draws over."""
    body = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 {svg.MAP_HEIGHT}" '
        f'width="600" height="{svg.MAP_HEIGHT}"><path fill="#aeb8c4" d="{basemap()}"/></svg>'
    )
    response = HttpResponse(body, content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def about_data(request: HttpRequest) -> HttpResponse:
    from clusterdev.actionplans.rules import targets
    from clusterdev.monitoring.models import DataElement, Indicator

    sources = Source.objects.select_related("cited_in").order_by("title")
    context = {
        "packages": package_sources(),
        "sources": sources,
        "elements": DataElement.objects.count(),
        "indicators": Indicator.objects.count(),
        "share_targets": sorted(targets().values(), key=lambda t: t.family),
    }
    return render(request, "core/about_data.html", context)
