from __future__ import annotations

from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from rest_framework import viewsets

from clusterdev.core.api.mixins import FiltersOnListsOnly
from clusterdev.geography.models import District
from clusterdev.registry.api import serializers
from clusterdev.registry.filtersets import (
    ClusterFilterSet,
    EstimateFilterSet,
    NationalFigureFilterSet,
    SourceFilterSet,
)
from clusterdev.registry.models import Breakdown, Cluster, Estimate, NationalFigure, NicCode, Source


class ChangeLoggedViewSet(FiltersOnListsOnly, viewsets.ModelViewSet):  # type: ignore[type-arg]
    """Records the API user as the actor of every change (token users too)."""

    def perform_create(self, serializer: Any) -> None:
        with set_actor(self.request.user), transaction.atomic():
            serializer.save()

    def perform_update(self, serializer: Any) -> None:
        with set_actor(self.request.user), transaction.atomic():
            serializer.save()

    def perform_destroy(self, instance: Any) -> None:
        with set_actor(self.request.user), transaction.atomic():
            instance.delete()


class ClusterViewSet(ChangeLoggedViewSet):
    """Clusters of the registry; anonymous readers see published (verified or retired) ones."""

    serializer_class = serializers.ClusterSerializer
    filterset_class = ClusterFilterSet
    lookup_field = "slug"
    search_fields: list[str] = []  # `q` searches names, products, places and NIC titles
    ordering_fields = ["name", "headline_units", "headline_employment", "last_updated"]

    def get_queryset(self) -> QuerySet[Cluster]:
        return (
            Cluster.objects.visible_to(self.request.user)
            .select_related("source")
            .prefetch_related(
                Prefetch("districts", queryset=District.objects.select_related("state")),
                "nic_codes",
            )
            .order_by("name", "pk")
        )


class EstimateViewSet(ChangeLoggedViewSet):
    serializer_class = serializers.EstimateSerializer
    filterset_class = EstimateFilterSet
    ordering_fields = ["year", "units", "employment"]

    def get_queryset(self) -> QuerySet[Estimate]:
        return (
            Estimate.objects.visible_to(self.request.user)
            .select_related("cluster", "source")
            .order_by("cluster__name", "-is_preferred", "-year", "pk")
        )

    def perform_destroy(self, instance: Estimate) -> None:
        cluster = instance.cluster
        super().perform_destroy(instance)
        cluster.refresh_headline()


class SourceViewSet(ChangeLoggedViewSet):
    serializer_class = serializers.SourceSerializer
    filterset_class = SourceFilterSet
    lookup_field = "key"
    queryset = Source.objects.select_related("cited_in").order_by("title")


class NationalFigureViewSet(ChangeLoggedViewSet):
    serializer_class = serializers.NationalFigureSerializer
    filterset_class = NationalFigureFilterSet
    queryset = NationalFigure.objects.select_related("source").order_by("group", "measure", "pk")


class BreakdownViewSet(FiltersOnListsOnly, viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    """Totals split into parts, with the stated total beside the computed one."""

    serializer_class = serializers.BreakdownSerializer
    lookup_field = "key"
    queryset = Breakdown.objects.select_related("source").prefetch_related("items__source")


class NicCodeViewSet(FiltersOnListsOnly, viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    """NIC 2008 codes; filter by ``level`` or ``parent``, search titles with ``search``."""

    serializer_class = serializers.NicCodeSerializer
    queryset = NicCode.objects.order_by("code")
    filterset_fields = ["level", "section", "parent"]
    search_fields = ["code", "title"]
