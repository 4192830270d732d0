"""The planning API: compute a plan, work out a grant, and keep named scenarios.

Bad input never gives a 500: the model's readers report every bad field with its
allowed range, answered as 400 ``{field: [messages]}``.
"""

from __future__ import annotations

from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action, api_view, permission_classes
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from clusterdev.planning import reading
from clusterdev.planning.api import serializers
from clusterdev.planning.api.permissions import ReadAnyoneWriteOwnScenario
from clusterdev.planning.catalogue import scheme_catalogue
from clusterdev.planning.model import (
    PlanningInputError,
    compute,
    seed_scenario,
)
from clusterdev.planning.models import SEED_SLUG, SavedScenario

SEED_READ_ONLY = (
    "The seed scenario is read-only: it is the reference the planner starts from. "
    "Save your changes as a new scenario (POST /api/planning/scenarios/)."
)
BAD_INPUT = OpenApiResponse(
    response=serializers.FIELD_ERRORS_SCHEMA,
    description="Bad input: every bad field with its allowed range",
)


def _field_errors(exc: PlanningInputError) -> Response:
    return Response(exc.by_field(), status=status.HTTP_400_BAD_REQUEST)


@extend_schema(
    request=serializers.ScenarioInputSerializer,
    responses={200: serializers.PlanResultSerializer, 400: BAD_INPUT},
    summary="Compute the finance and HR projection of a scenario",
    description="The body is a scenario's inputs (all keys optional: missing ones take the "
    "seed's finance inputs and the default HR roles without overrides). Answers the JSON of "
    "`clusterdev plan --format json`. Money in Rs crore.",
    tags=["planning"],
)
@api_view(["POST"])
@permission_classes([AllowAny])
def compute_plan(request: Request) -> Response:
    try:
        result = reading.plan(request.data)
    except PlanningInputError as exc:
        return _field_errors(exc)
    return Response(result.to_dict())


@extend_schema(
    request=serializers.GrantRequestSerializer,
    responses={200: serializers.GrantResultSerializer, 400: BAD_INPUT},
    summary="Work out a scheme grant and who pays the rest",
    description="Grant, each party's share, the ceiling that bound, the gap left to fund, "
    "and the rule applied with its source. Schemes: iius, mse-cdp, sfurti.",
    tags=["planning"],
)
@api_view(["POST"])
@permission_classes([AllowAny])
def grant(request: Request) -> Response:
    try:
        result = reading.grant(request.data)
    except PlanningInputError as exc:
        return _field_errors(exc)
    return Response(result.to_dict())


@extend_schema(
    responses={200: serializers.SchemeSerializer(many=True)},
    summary="The scheme rules on file: versions, dates in force, sources and components",
    tags=["planning"],
)
@api_view(["GET"])
@permission_classes([AllowAny])
def schemes(request: Request) -> Response:
    return Response(scheme_catalogue())


def seed_payload() -> dict[str, Any]:
    inputs = seed_scenario().to_mapping()
    inputs.pop("name", None)
    return {
        "url": None,
        "slug": SEED_SLUG,
        "name": "Seed scenario (2005)",
        "description": "The seed document's programme: 5,000 clusters, 1,000 a year, "
        "five-year initiatives at Rs 1 crore each. Read-only.",
        "owner": None,
        "inputs": inputs,
        "can_change": False,
        "created": None,
        "last_updated": None,
    }


@extend_schema(tags=["planning"])
class SavedScenarioViewSet(viewsets.ModelViewSet):  # type: ignore[type-arg]
    """Named planning scenarios. Anyone reads; a signed-in user saves their own; only the
    owner or an admin changes or deletes one. ``seed`` is the seed's scenario: readable,
    never writable (403)."""

    serializer_class = serializers.SavedScenarioSerializer
    permission_classes = [ReadAnyoneWriteOwnScenario]
    lookup_field = "slug"
    filterset_fields = ["owner__username"]
    search_fields = ["name", "description"]
    ordering_fields = ["name", "last_updated", "created"]

    def get_queryset(self) -> QuerySet[SavedScenario]:
        return SavedScenario.objects.select_related("owner").order_by("name", "pk")

    def _refuse_seed(self) -> None:
        if self.kwargs.get(self.lookup_field) == SEED_SLUG:
            raise PermissionDenied(SEED_READ_ONLY)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        if kwargs.get(self.lookup_field) == SEED_SLUG:
            return Response(seed_payload())
        return super().retrieve(request, *args, **kwargs)

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self._refuse_seed()
        return super().update(request, *args, **kwargs)

    def destroy(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self._refuse_seed()
        return super().destroy(request, *args, **kwargs)

    def perform_create(self, serializer: Any) -> None:
        name = serializer.validated_data["name"]
        with set_actor(self.request.user), transaction.atomic():
            serializer.save(owner=self.request.user, slug=SavedScenario.free_slug(name))

    def perform_update(self, serializer: Any) -> None:
        with set_actor(self.request.user), transaction.atomic():
            serializer.save()

    def perform_destroy(self, instance: SavedScenario) -> None:
        with set_actor(self.request.user), transaction.atomic():
            instance.delete()

    @extend_schema(
        responses={200: serializers.PlanResultSerializer},
        summary="The projection of a saved scenario (or of `seed`)",
    )
    @action(detail=True, methods=["get"])
    def result(self, request: Request, slug: str | None = None) -> Response:
        if slug == SEED_SLUG:
            return Response(compute(seed_scenario()).to_dict())
        scenario = self.get_object()
        try:
            result = scenario.result()
        except PlanningInputError as exc:  # stored before a rule change; say which field
            return Response(exc.by_field(), status=status.HTTP_409_CONFLICT)
        return Response(result.to_dict())
