"""The action plans API: the initiatives app's querysets by viewer, the same services as the
pages. Bad input is a 400 with field errors; changing a read-only (approved) version is a 409."""

from __future__ import annotations

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, PermissionDenied
from rest_framework.response import Response

from clusterdev.actionplans import choices, rules, services
from clusterdev.actionplans.api import serializers as s
from clusterdev.actionplans.models import (
    SPV,
    ActionPlan,
    Activity,
    ActivityProgress,
    CommonFacility,
    EnterpriseNetwork,
    PlanReview,
)
from clusterdev.core.api.mixins import FiltersOnListsOnly
from clusterdev.initiatives import permissions as perms

CONFLICT = OpenApiResponse(
    s.PlanConflictSerializer, description="The plan version's state forbids it"
)


class ConflictError(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def _conflict(error: Exception) -> ConflictError:
    return ConflictError(str(error))


def _check_edit(user, initiative) -> None:
    if not perms.editable(user).filter(pk=initiative.pk).exists():
        raise PermissionDenied("You may not edit this initiative's records.")


class _Scoped(FiltersOnListsOnly, viewsets.GenericViewSet):
    """Rows of initiatives the viewer may read privately; editors (staff, CDAs) write."""

    permission_classes = [permissions.IsAuthenticated]
    filter_backends = [DjangoFilterBackend]
    initiative_lookup = "initiative"

    def get_queryset(self):
        private = perms.private(self.request.user)
        return self.model.objects.filter(**{f"{self.initiative_lookup}__in": private})

    @staticmethod
    def initiative_of(row):
        return row.initiative

    def handle_exception(self, exc):
        if isinstance(exc, s.Locked | services.Conflict):
            exc = _conflict(exc)
        return super().handle_exception(exc)


class ActionPlanViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    _Scoped,
):
    """Action plan versions (private). Creating one starts the initiative's next version as a
    copy of the latest; only the note can be changed, and only while the version is open."""

    model = ActionPlan
    queryset = ActionPlan.objects.none()
    serializer_class = s.ActionPlanSerializer
    filterset_fields = ["initiative", "status", "version"]
    http_method_names = ["get", "post", "patch", "put", "head", "options"]

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("initiative__cluster")
            .prefetch_related(
                Prefetch("reviews", queryset=PlanReview.objects.select_related("reviewer")),
                "activities",
            )
        )

    @extend_schema(responses={201: s.ActionPlanSerializer, 409: CONFLICT})
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        initiative = serializer.validated_data["initiative"]
        _check_edit(request.user, initiative)
        plan = services.new_version(initiative, serializer.validated_data.get("note", ""))
        return Response(self.get_serializer(plan).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: s.ActionPlanSerializer, 409: CONFLICT})
    def update(self, request, *args, **kwargs):
        plan = self.get_object()
        _check_edit(request.user, plan.initiative)
        serializer = self.get_serializer(plan, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        initiative = serializer.validated_data.get("initiative")
        if initiative is not None and initiative.pk != plan.initiative_id:
            return Response(
                {"initiative": ["A plan version stays with its initiative."]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        plan = services.update_note(plan, serializer.validated_data.get("note", plan.note))
        return Response(self.get_serializer(plan).data)

    @extend_schema(
        request=s.NewPlanVersionSerializer, responses={201: s.ActionPlanSerializer, 409: CONFLICT}
    )
    @action(detail=True, methods=["post"], url_path="new-version")
    def new_version(self, request, pk=None):
        """Start the next version of this plan's initiative, as a copy of the latest."""
        plan = self.get_object()
        _check_edit(request.user, plan.initiative)
        data = s.NewPlanVersionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        new = services.new_version(plan.initiative, data.validated_data["note"])
        return Response(self.get_serializer(new).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: s.ActionPlanSerializer, 409: CONFLICT})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Submit a draft version for review."""
        plan = self.get_object()
        _check_edit(request.user, plan.initiative)
        plan = services.submit(plan)
        return Response(self.get_serializer(plan).data)

    @extend_schema(
        request=s.PlanReviewInputSerializer,
        responses={201: s.PlanReviewSerializer, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        """Approve or return a submitted version: the initiative's TA or institution staff."""
        plan = self.get_object()
        if not perms.can_review(request.user, plan.initiative):
            raise PermissionDenied("Only the initiative's TA or institution staff may review.")
        data = s.PlanReviewInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        row = services.review(plan, request.user, **data.validated_data)
        return Response(s.PlanReviewSerializer(row).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "with",
                int,
                description="The version to compare against (default: the first approved "
                "one, or version 1 when none is approved)",
            )
        ],
        responses={200: s.PlanComparisonSerializer},
    )
    @action(detail=True, methods=["get"])
    def compare(self, request, pk=None):
        """Activities added, removed and changed from another version to this one."""
        plan = self.get_object()
        versions = ActionPlan.objects.filter(initiative_id=plan.initiative_id)
        wanted = request.query_params.get("with")
        if wanted:
            if not wanted.isdigit():
                return Response({"with": ["A version number."]}, status=400)
            base = get_object_or_404(versions, version=int(wanted))
        else:
            base = (
                versions.filter(status__in=choices.LOCKED).order_by("version").first()
                or versions.order_by("version").first()
            )
        return Response(comparison(base, plan))


def _rows(plan):
    return [
        {f: getattr(a, f) for f in ("code", *choices.COMPARED_FIELDS)}
        for a in plan.activities.order_by("code")
    ]


def _json(value):
    return str(value) if value is not None and not isinstance(value, str | int) else value


def comparison(base: ActionPlan, plan: ActionPlan) -> dict:
    result = rules.compare(_rows(base), _rows(plan), choices.COMPARED_FIELDS)

    def brief(row):
        return {"code": row["code"], "title": row["title"], "budget_inr": row["budget_inr"]}

    return {
        "version_a": base.version,
        "version_b": plan.version,
        "added": [brief(r) for r in result.added],
        "removed": [brief(r) for r in result.removed],
        "changed": [
            {
                "code": after["code"],
                "title": after["title"],
                "changes": [
                    {"field": c.field, "before": _json(c.before), "after": _json(c.after)}
                    for c in changes
                ],
            }
            for _before, after, changes in result.changed
        ],
        "unchanged": result.unchanged,
        "total_before_inr": result.total_before,
        "total_after_inr": result.total_after,
        "total_change_inr": result.total_change,
    }


CRUD = (
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    mixins.ListModelMixin,
)


class ActivityViewSet(*CRUD, _Scoped):
    """Activities of plan versions (private). Changing one of an approved version is a 409."""

    model = Activity
    queryset = Activity.objects.none()
    serializer_class = s.ActivitySerializer
    initiative_lookup = "plan__initiative"
    filterset_fields = ["plan", "plan__initiative", "code"]

    def get_queryset(self):
        return super().get_queryset().select_related("plan").prefetch_related("constraints")

    @extend_schema(responses={201: s.ActivitySerializer, 409: CONFLICT})
    def create(self, request, *args, **kwargs):
        return super().create(request, *args, **kwargs)

    @extend_schema(responses={200: s.ActivitySerializer, 409: CONFLICT})
    def update(self, request, *args, **kwargs):
        return super().update(request, *args, **kwargs)

    @extend_schema(responses={200: s.ActivitySerializer, 409: CONFLICT})
    def partial_update(self, request, *args, **kwargs):
        return super().partial_update(request, *args, **kwargs)

    @extend_schema(responses={204: None, 409: CONFLICT})
    def destroy(self, request, *args, **kwargs):
        return super().destroy(request, *args, **kwargs)

    def perform_create(self, serializer):
        plan = serializer.validated_data["plan"]
        _check_edit(self.request.user, plan.initiative)
        serializer.instance = services.save_activity(plan, None, serializer.validated_data)

    def perform_update(self, serializer):
        activity = serializer.instance
        _check_edit(self.request.user, activity.plan.initiative)
        serializer.instance = services.save_activity(
            activity.plan, activity, serializer.validated_data
        )

    def perform_destroy(self, instance):
        _check_edit(self.request.user, instance.plan.initiative)
        services.delete_activity(instance)

    def get_object(self):
        activity = super().get_object()
        if self.request.method not in permissions.SAFE_METHODS:
            _check_edit(self.request.user, activity.plan.initiative)
            if activity.plan.locked:
                raise _conflict(services.PlanLocked(activity.plan))
        return activity


class _Child(*CRUD, _Scoped):
    def perform_create(self, serializer):
        _check_edit(self.request.user, self.initiative_of(serializer.validated_data))
        serializer.save()

    def perform_update(self, serializer):
        _check_edit(self.request.user, self.initiative_of(serializer.instance))
        if "initiative" in serializer.validated_data:
            _check_edit(self.request.user, serializer.validated_data["initiative"])
        serializer.save()

    def perform_destroy(self, instance):
        _check_edit(self.request.user, self.initiative_of(instance))
        instance.delete()

    @staticmethod
    def initiative_of(row):
        return row["initiative"] if isinstance(row, dict) else row.initiative


class ActivityProgressViewSet(_Child):
    """Step 5 progress reports: percent complete and cumulative spending at a date."""

    model = ActivityProgress
    queryset = ActivityProgress.objects.none()
    serializer_class = s.ActivityProgressSerializer
    initiative_lookup = "activity__plan__initiative"
    filterset_fields = ["activity", "activity__plan__initiative"]

    @staticmethod
    def initiative_of(row):
        activity = row["activity"] if isinstance(row, dict) else row.activity
        return activity.plan.initiative

    def perform_update(self, serializer):
        _check_edit(self.request.user, self.initiative_of(serializer.instance))
        if "activity" in serializer.validated_data:
            _check_edit(self.request.user, self.initiative_of(serializer.validated_data))
        serializer.save()


class SPVViewSet(_Child):
    """Step 5 special purpose vehicles."""

    model = SPV
    queryset = SPV.objects.none()
    serializer_class = s.SPVSerializer
    filterset_fields = ["initiative", "legal_form"]


class EnterpriseNetworkViewSet(_Child):
    """Step 5 enterprise networks (3–20 members)."""

    model = EnterpriseNetwork
    queryset = EnterpriseNetwork.objects.none()
    serializer_class = s.EnterpriseNetworkSerializer
    filterset_fields = ["initiative", "purpose"]


class CommonFacilityViewSet(_Child):
    """Step 5 common facility centres."""

    model = CommonFacility
    queryset = CommonFacility.objects.none()
    serializer_class = s.CommonFacilitySerializer
    filterset_fields = ["initiative", "status"]
