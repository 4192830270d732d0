"""A state's and a district's clusters."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from clusterdev.geography.models import District, State
from clusterdev.registry.models import Cluster
from clusterdev.registry.views import clusters_for


def state_list(request: HttpRequest) -> HttpResponse:
    visible = Cluster.objects.visible_to(request.user).values("pk")
    states = State.objects.annotate(
        n_districts=Count("districts", distinct=True),
        n_clusters=Count(
            "districts__clusters",
            filter=Q(districts__clusters__in=visible),
            distinct=True,
        ),
    ).order_by("name")
    return render(request, "geography/state_list.html", {"states": states})


def state_detail(request: HttpRequest, code: str) -> HttpResponse:
    state = get_object_or_404(State, code=code)
    clusters = clusters_for(request).filter(districts__state=state).distinct().order_by("name")
    visible = Cluster.objects.visible_to(request.user).values("pk")
    districts = state.districts.annotate(
        n_clusters=Count("clusters", filter=Q(clusters__in=visible), distinct=True)
    ).order_by("name")
    return render(
        request,
        "geography/state_detail.html",
        {"state": state, "clusters": clusters, "districts": districts},
    )


def district_detail(request: HttpRequest, code: str) -> HttpResponse:
    district = get_object_or_404(District.objects.select_related("state"), code=code)
    clusters = clusters_for(request).filter(districts=district).order_by("name")
    return render(
        request,
        "geography/district_detail.html",
        {
            "district": district,
            "clusters": clusters,
            "aliases": district.aliases.order_by("kind", "name"),
        },
    )
