from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from clusterdev.core.api.mixins import FiltersOnListsOnly
from clusterdev.institutions import charts
from clusterdev.institutions.api import serializers
from clusterdev.institutions.filtersets import InstitutionFilterSet, StatusRowFilterSet
from clusterdev.institutions.models import Institution, StatusRow, StatusTable
from clusterdev.registry.api.views import ChangeLoggedViewSet
from clusterdev.registry.models import Cluster


@extend_schema(tags=["institutions"])
class InstitutionViewSet(ChangeLoggedViewSet):
    """Institutions that take up cluster development; anyone reads, curators write.

    Filter by ``category``, ``state`` (code), ``role`` (role or focus code) and ``cluster``
    (registry slug); ``q`` searches names, abbreviations, objectives and descriptions.
    """

    serializer_class = serializers.InstitutionSerializer
    filterset_class = InstitutionFilterSet
    lookup_field = "slug"
    search_fields: list[str] = []
    ordering_fields = ["short_name", "name", "years_of_experience", "last_updated"]

    def get_queryset(self) -> QuerySet[Institution]:
        return (
            Institution.objects.select_related("state", "source")
            .prefetch_related(
                "roles",
                Prefetch("clusters", queryset=Cluster.objects.visible_to(self.request.user)),
            )
            .order_by("short_name", "pk")
        )


@extend_schema(tags=["institutions"])
class StatusTableViewSet(FiltersOnListsOnly, viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    """Status tables with their stated totals beside the sums of their rows."""

    serializer_class = serializers.StatusTableSerializer
    lookup_field = "key"
    queryset = StatusTable.objects.select_related("source").prefetch_related("rows")


@extend_schema(tags=["institutions"])
class StatusRowViewSet(FiltersOnListsOnly, viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    """Rows of the status tables, with the counts as written and as parsed."""

    serializer_class = serializers.StatusRowSerializer
    filterset_class = StatusRowFilterSet
    search_fields: list[str] = []
    ordering_fields = ["order", "completed", "in_progress"]
    queryset = StatusRow.objects.select_related("table", "institution", "source").order_by(
        "table__key", "order"
    )


@extend_schema(
    responses={200: serializers.TimelineYearSerializer(many=True)},
    summary="Institutions entering the field and cumulative clusters by year (1989–2005)",
    tags=["institutions"],
)
@api_view(["GET"])
@permission_classes([AllowAny])
def timeline(request: Request) -> Response:
    return Response(serializers.TimelineYearSerializer(charts.timeline(), many=True).data)
