"""The initiatives API: the same querysets by viewer as the pages."""

from __future__ import annotations

from django.db import transaction
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, PermissionDenied
from rest_framework.response import Response

from clusterdev.initiatives import gates, services
from clusterdev.initiatives import permissions as rules
from clusterdev.initiatives.api import serializers as s
from clusterdev.initiatives.api.base import InitiativeChildViewSet
from clusterdev.initiatives.models import (
    Initiative,
    SelectionScore,
    StepRecord,
    StepReview,
    TrustEvent,
)


class InitiativeViewSet(viewsets.ModelViewSet):
    """Initiatives: the public reads published summaries; staff, CDAs, TAs read their own."""

    permission_classes = [permissions.IsAuthenticatedOrReadOnly]
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["institution", "cluster", "status", "step", "published"]
    queryset = Initiative.objects.none()

    def get_queryset(self):
        return rules.visible(self.request.user).prefetch_related("cdas")

    serializer_class = s.InitiativeSerializer

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["private_ids"] = set(rules.private(self.request.user).values_list("pk", flat=True))
        return context

    def perform_create(self, serializer):
        institution = serializer.validated_data["institution"]
        user = self.request.user
        if not (
            user.is_superuser
            or user.institution_memberships.filter(institution=institution).exists()
        ):
            raise PermissionDenied("Only the institution's staff may create its initiatives.")
        serializer.save()

    def _check_edit(self, instance):
        if not rules.editable(self.request.user).filter(pk=instance.pk).exists():
            raise PermissionDenied("You may not edit this initiative.")

    def perform_update(self, serializer):
        self._check_edit(serializer.instance)
        serializer.save()

    def perform_destroy(self, instance):
        if not rules.can_manage(self.request.user, instance):
            raise PermissionDenied("Only the institution's staff may delete its initiatives.")
        instance.delete()

    @extend_schema(
        request=None,
        responses={
            200: s.InitiativeSerializer,
            409: OpenApiResponse(s.RefusalSerializer, description="The step gate is not met"),
        },
    )
    @action(detail=True, methods=["post"])
    def advance(self, request, pk=None):
        """Enter the next step, if the current step's record is approved."""
        initiative = self.get_object()
        self._check_edit(initiative)
        try:
            initiative = services.advance(initiative)
        except services.GateRefused as refused:
            return Response(refused.refusal, status=status.HTTP_409_CONFLICT)
        return Response(self.get_serializer(initiative).data)

    @extend_schema(
        parameters=[s.WeightsSerializer], responses={200: s.RankedCandidateSerializer(many=True)}
    )
    @action(detail=True, methods=["get"])
    def ranking(self, request, pk=None):
        """Step 1: candidate clusters ranked by the weighted selection scores."""
        initiative = self.get_object()
        if not rules.private(request.user).filter(pk=initiative.pk).exists():
            raise PermissionDenied("The selection scores are private.")
        weights = s.WeightsSerializer(data=request.query_params)
        weights.is_valid(raise_exception=True)
        return Response(ranked(initiative, weights.validated_data))


def ranked(initiative, weights):
    candidates = [
        {
            "cluster": row.cluster_id,
            "cluster_name": row.cluster.name,
            **{c: float(getattr(row, c)) for c in gates.CRITERIA},
        }
        for row in initiative.selection_scores.select_related("cluster")
    ]
    return gates.rank(candidates, weights)


class ConflictError(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


STEP_CONFLICT = OpenApiResponse(
    s.ConflictSerializer,
    description="The initiative has not reached the record's step, or the record is not "
    "submitted (reviews)",
)


class StepRecordViewSet(InitiativeChildViewSet):
    """Step records (private), written only for steps the initiative has reached. Editing an
    approved record sends it back to draft."""

    model = StepRecord
    queryset = StepRecord.objects.none()
    serializer_class = s.StepRecordSerializer
    filterset_fields = ["initiative", "step", "status"]

    def handle_exception(self, exc):
        if isinstance(exc, services.Conflict):
            exc = ConflictError(str(exc))
        return super().handle_exception(exc)

    @extend_schema(responses={201: s.StepRecordSerializer, 409: STEP_CONFLICT})
    def create(self, request, *args, **kwargs):
        return super().create(request, *args, **kwargs)

    @extend_schema(responses={200: s.StepRecordSerializer, 409: STEP_CONFLICT})
    def update(self, request, *args, **kwargs):
        return super().update(request, *args, **kwargs)

    @extend_schema(responses={200: s.StepRecordSerializer, 409: STEP_CONFLICT})
    def partial_update(self, request, *args, **kwargs):
        return super().partial_update(request, *args, **kwargs)

    def perform_create(self, serializer):
        initiative = serializer.validated_data["initiative"]
        self._check(initiative)
        with transaction.atomic():
            current = Initiative.objects.select_for_update().get(pk=initiative.pk)
            services.check_step_reached(current, serializer.validated_data["step"])
            serializer.save()

    def perform_update(self, serializer):
        self._check(serializer.instance.initiative)
        initiative = serializer.validated_data.get("initiative", serializer.instance.initiative)
        if initiative.pk != serializer.instance.initiative_id:
            self._check(initiative)
        with transaction.atomic():
            current = Initiative.objects.select_for_update().get(pk=initiative.pk)
            step = serializer.validated_data.get("step", serializer.instance.step)
            services.check_step_reached(current, step)
            serializer.save(status="draft")

    @extend_schema(request=None, responses={200: s.StepRecordSerializer, 409: STEP_CONFLICT})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Submit the record for review."""
        record = self.get_object()
        self._check(record.initiative)
        record = services.submit(record)
        return Response(s.StepRecordSerializer(record).data)

    @extend_schema(
        request=s.ReviewInputSerializer,
        responses={201: s.StepReviewSerializer, 409: STEP_CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        """Approve or return a submitted record: its TA or the institution's staff only."""
        record = self.get_object()
        if not rules.can_review(request.user, record.initiative):
            raise PermissionDenied("Only the initiative's TA or institution staff may review.")
        data = s.ReviewInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.review(record, request.user, **data.validated_data)
        return Response(s.StepReviewSerializer(row).data, status=status.HTTP_201_CREATED)


class StepReviewViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """The approval log: who approved or returned which record, when and why."""

    permission_classes = [permissions.IsAuthenticated]
    serializer_class = s.StepReviewSerializer
    queryset = StepReview.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["record", "decision"]

    def get_queryset(self):
        return StepReview.objects.filter(
            record__initiative__in=rules.private(self.request.user)
        ).select_related("reviewer")


class TrustEventViewSet(InitiativeChildViewSet):
    """Step 3 trust-building events (private: participants are personal data)."""

    model = TrustEvent
    queryset = TrustEvent.objects.none()
    serializer_class = s.TrustEventSerializer


class SelectionScoreViewSet(InitiativeChildViewSet):
    """Step 1 selection scores of candidate clusters (0–10 per criterion)."""

    model = SelectionScore
    queryset = SelectionScore.objects.none()
    serializer_class = s.SelectionScoreSerializer
