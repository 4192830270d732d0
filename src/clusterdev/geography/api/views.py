from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from clusterdev.core.api.mixins import FiltersOnListsOnly
from clusterdev.gazetteer import UnresolvedPlace, load_gazetteer
from clusterdev.geography.api import serializers
from clusterdev.geography.filtersets import DistrictFilterSet, PinCodeFilterSet, StateFilterSet
from clusterdev.geography.models import District, PinCode, State


class StateViewSet(FiltersOnListsOnly, viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    serializer_class = serializers.StateSerializer
    filterset_class = StateFilterSet
    lookup_field = "code"
    queryset = State.objects.order_by("name")
    search_fields = ["name"]


class DistrictViewSet(FiltersOnListsOnly, viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    serializer_class = serializers.DistrictSerializer
    filterset_class = DistrictFilterSet
    lookup_field = "code"

    def get_queryset(self) -> QuerySet[District]:
        return (
            District.objects.select_related("state")
            .prefetch_related("aliases")
            .order_by("state__name", "name")
        )


class PinCodeViewSet(FiltersOnListsOnly, viewsets.ReadOnlyModelViewSet):  # type: ignore[type-arg]
    serializer_class = serializers.PinCodeSerializer
    filterset_class = PinCodeFilterSet
    lookup_field = "pin"
    queryset = PinCode.objects.select_related("district").order_by("pin")


@extend_schema(
    parameters=[serializers.ResolveQuerySerializer],
    responses={
        200: serializers.DistrictSerializer,
        400: OpenApiResponse(description="Missing parameter"),
        404: OpenApiResponse(description="No such state or district; suggestions given"),
    },
    summary="Turn a (state, district) as written in real data into the canonical district",
)
@api_view(["GET"])
@permission_classes([AllowAny])
def resolve(request: Request) -> Response:
    query = serializers.ResolveQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    try:
        place = load_gazetteer().resolve(
            query.validated_data["state"], query.validated_data["district"]
        )
    except UnresolvedPlace as error:
        return Response(
            {
                error.field: [str(error)],
                "reason": error.reason,
                "suggestions": list(error.suggestions),
            },
            status=status.HTTP_404_NOT_FOUND,
        )
    district = (
        District.objects.select_related("state").prefetch_related("aliases").get(code=place.code)
    )
    return Response(serializers.DistrictSerializer(district).data)
