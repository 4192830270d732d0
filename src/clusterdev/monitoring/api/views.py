"""The monitoring API: the catalogue is public; an initiative's records follow its querysets."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, PermissionDenied, ValidationError
from rest_framework.response import Response

from clusterdev.initiatives import permissions as rules
from clusterdev.initiatives.api.base import InitiativeChildViewSet
from clusterdev.initiatives.models import Initiative
from clusterdev.monitoring import exports, services
from clusterdev.monitoring.api import serializers as s
from clusterdev.monitoring.models import (
    DataElement,
    Indicator,
    MonitoringPlan,
    Period,
    PeriodDecision,
    SustainabilityCheck,
    Value,
)


class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "The change conflicts with the record's state."
    default_code = "conflict"


CONFLICT = OpenApiResponse(description="The period is approved and locked, or in the wrong state")


class DataElementViewSet(viewsets.ModelViewSet):
    """The data element catalogue: anyone reads; curators and admins add and change elements."""

    queryset = DataElement.objects.all()
    serializer_class = s.DataElementSerializer
    filterset_fields = ["value_type"]
    search_fields = ["code", "name"]
    lookup_field = "code"

    def perform_destroy(self, instance):
        if instance.values.exists():
            raise Conflict("Values use this data element; it cannot be deleted.")
        users = services.indicators_reading(instance.code)
        if users:
            raise Conflict(
                f"The indicator(s) {', '.join(users)} read this data element; "
                "change their formulas first."
            )
        instance.delete()


class IndicatorViewSet(viewsets.ModelViewSet):
    """Indicators (formulas over data element codes): anyone reads; curators write."""

    queryset = Indicator.objects.all()
    serializer_class = s.IndicatorSerializer
    search_fields = ["code", "name"]
    lookup_field = "code"


class _InitiativeChildViewSet(InitiativeChildViewSet):
    refusal = "You may not edit this initiative's monitoring."


class MonitoringPlanViewSet(_InitiativeChildViewSet):
    """The data elements and indicators an initiative follows (one plan per initiative)."""

    model = MonitoringPlan
    queryset = MonitoringPlan.objects.none()
    serializer_class = s.MonitoringPlanSerializer

    def get_queryset(self):
        return super().get_queryset().prefetch_related("elements", "indicators")


class PeriodViewSet(_InitiativeChildViewSet):
    """Reporting periods. Approving locks a period's values; unlocking needs a reason."""

    model = Period
    queryset = Period.objects.none()
    serializer_class = s.PeriodSerializer

    def get_queryset(self):
        return super().get_queryset().select_related("approved_by")

    @extend_schema(responses={201: s.PeriodSerializer, 409: CONFLICT})
    def create(self, request, *args, **kwargs):
        return super().create(request, *args, **kwargs)

    @extend_schema(responses={200: s.PeriodSerializer, 409: CONFLICT})
    def update(self, request, *args, **kwargs):
        return super().update(request, *args, **kwargs)

    @extend_schema(responses={204: None, 409: CONFLICT})
    def destroy(self, request, *args, **kwargs):
        return super().destroy(request, *args, **kwargs)

    def perform_create(self, serializer):
        self._check(serializer.validated_data["initiative"])
        serializer.instance = services.save_period(Period(**serializer.validated_data))

    def perform_update(self, serializer):
        self._check(serializer.instance.initiative)
        if "initiative" in serializer.validated_data:
            self._check(serializer.validated_data["initiative"])
        period = serializer.instance
        for field, value in serializer.validated_data.items():
            setattr(period, field, value)
        try:
            services.save_period(period)
        except services.PeriodLocked as locked:
            raise Conflict(str(locked)) from None

    def perform_destroy(self, instance):
        self._check(instance.initiative)
        try:
            services.delete_period(instance)
        except services.PeriodLocked as locked:
            raise Conflict(str(locked)) from None

    def _review(self, request):
        period = self.get_object()
        if not rules.can_review(request.user, period.initiative):
            raise PermissionDenied(
                "Only the initiative's TA or its institution's staff approve periods."
            )
        return period

    @extend_schema(request=None, responses={201: s.PeriodDecisionSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        """Approve the period: its values are locked."""
        period = self._review(request)
        try:
            decision = services.approve(period, request.user)
        except services.StateConflict as conflict:
            raise Conflict(str(conflict)) from None
        return Response(s.PeriodDecisionSerializer(decision).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=s.UnlockSerializer, responses={201: s.PeriodDecisionSerializer, 409: CONFLICT}
    )
    @action(detail=True, methods=["post"])
    def unlock(self, request, pk=None):
        """Unlock an approved period for corrections; the reason is recorded."""
        period = self._review(request)
        data = s.UnlockSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            decision = services.unlock(period, request.user, data.validated_data["reason"])
        except services.StateConflict as conflict:
            raise Conflict(str(conflict)) from None
        return Response(s.PeriodDecisionSerializer(decision).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: s.PeriodDecisionSerializer(many=True)})
    @action(detail=True, methods=["get"])
    def decisions(self, request, pk=None):
        """Who approved and unlocked the period, when and why."""
        period = self.get_object()
        rows = PeriodDecision.objects.filter(period=period).select_related("actor")
        return Response(s.PeriodDecisionSerializer(rows, many=True).data)


class ValueViewSet(_InitiativeChildViewSet):
    """Entered values. Values of an approved period cannot be created, changed or deleted (409)."""

    model = Value
    queryset = Value.objects.none()
    serializer_class = s.ValueSerializer
    filterset_fields = ["initiative", "element__code", "period", "kind"]

    def get_queryset(self):
        return super().get_queryset().select_related("element", "period")

    @extend_schema(responses={201: s.ValueSerializer, 409: CONFLICT})
    def create(self, request, *args, **kwargs):
        return super().create(request, *args, **kwargs)

    @extend_schema(responses={200: s.ValueSerializer, 409: CONFLICT})
    def update(self, request, *args, **kwargs):
        return super().update(request, *args, **kwargs)

    @extend_schema(responses={204: None, 409: CONFLICT})
    def destroy(self, request, *args, **kwargs):
        return super().destroy(request, *args, **kwargs)

    def _save(self, value):
        try:
            services.save_value(value)
        except services.PeriodLocked as locked:
            raise Conflict(str(locked)) from None
        return value

    def perform_create(self, serializer):
        self._check(serializer.validated_data["initiative"])
        serializer.instance = self._save(Value(**serializer.validated_data))

    def perform_update(self, serializer):
        self._check(serializer.instance.initiative)
        if "initiative" in serializer.validated_data:
            self._check(serializer.validated_data["initiative"])
        value = serializer.instance
        for field, new in serializer.validated_data.items():
            setattr(value, field, new)
        self._save(value)

    def perform_destroy(self, instance):
        self._check(instance.initiative)
        try:
            services.delete_value(instance)
        except services.PeriodLocked as locked:
            raise Conflict(str(locked)) from None

    @extend_schema(
        request=s.BulkValuesSerializer,
        responses={201: s.ValueSerializer(many=True), 409: CONFLICT},
    )
    @action(detail=False, methods=["post"])
    def bulk(self, request):
        """Create or update many values of one initiative at once: all saved, or none.

        A row whose cell already has a value updates it; a null value deletes the cell. Errors
        name the row (by index) and the field; a row in an approved period is a 409.
        """
        data = s.BulkValuesSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        initiative = get_object_or_404(
            rules.private(request.user), pk=data.validated_data["initiative"]
        )
        self._check(initiative)
        try:
            saved = services.save_batch(initiative, data.validated_data["rows"])
        except services.PeriodLocked as locked:
            raise Conflict(str(locked)) from None
        except services.BatchInvalid as invalid:
            raise ValidationError({"rows": invalid.errors}) from None
        return Response(s.ValueSerializer(saved, many=True).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[
            OpenApiParameter("initiative", int, required=True),
            OpenApiParameter("export", str, enum=["csv", "xlsx"], required=True),
        ],
        responses={(200, "text/csv"): bytes},
    )
    @action(detail=False, methods=["get"], url_path="export")
    def export(self, request):
        """The initiative's values as CSV or XLSX, with disaggregation columns."""
        initiative = _initiative(request)
        return exports.values_download(request.query_params.get("export", "csv"), initiative)


def _initiative(request) -> Initiative:
    pk = request.query_params.get("initiative")
    if not (pk or "").isdigit():
        raise ValidationError({"initiative": ["Give the initiative's id."]})
    return get_object_or_404(rules.private(request.user), pk=int(pk))


class IndicatorValueViewSet(viewsets.GenericViewSet):
    """Indicator values computed from the entered values (read only; never typed in)."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.IndicatorValueSerializer
    pagination_class = None
    filter_backends: list = []
    queryset = Value.objects.none()

    @extend_schema(
        parameters=[
            OpenApiParameter("initiative", int, required=True),
            OpenApiParameter("indicator", str, description="Indicator code"),
            OpenApiParameter("totals_only", bool),
        ]
    )
    def list(self, request):
        initiative = _initiative(request)
        rows = exports.indicator_rows(initiative)
        code = request.query_params.get("indicator")
        if code:
            rows = [r for r in rows if r["indicator"] == code]
        if request.query_params.get("totals_only") in {"1", "true", "yes"}:
            rows = [r for r in rows if not (r["sex"] or r["size"] or r["social_category"])]
        return Response(s.IndicatorValueSerializer(rows, many=True).data)


class SustainabilityCheckViewSet(_InitiativeChildViewSet):
    """Step 6 sustainability checks: can local institutions carry on?"""

    model = SustainabilityCheck
    queryset = SustainabilityCheck.objects.none()
    serializer_class = s.SustainabilityCheckSerializer
