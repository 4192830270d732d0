"""The diagnostic study API: the same querysets by viewer as the pages."""

from __future__ import annotations

from dataclasses import asdict

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import parsers
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from clusterdev.diagnostics.api import serializers as s
from clusterdev.diagnostics.models import Actor, Constraint, DiagnosticStudy, Document, Tie
from clusterdev.diagnostics.panel import _measures
from clusterdev.initiatives import permissions as rules
from clusterdev.initiatives.api.base import InitiativeChildViewSet


class StudyViewSet(InitiativeChildViewSet):
    """The diagnostic study of an initiative (one per initiative)."""

    model = DiagnosticStudy
    queryset = DiagnosticStudy.objects.none()
    serializer_class = s.DiagnosticStudySerializer


class ConstraintViewSet(InitiativeChildViewSet):
    """Constraints the study found; action plan activities link to them."""

    model = Constraint
    queryset = Constraint.objects.none()
    serializer_class = s.ConstraintSerializer
    filterset_fields = ["initiative", "area"]


class DocumentViewSet(InitiativeChildViewSet):
    """Files attached to the study (multipart upload; ≤ 10 MB; pdf, docx, xlsx, csv, jpg, png).
    ``download`` is a link that only the initiative's private readers can open."""

    model = Document
    queryset = Document.objects.none()
    serializer_class = s.DocumentSerializer
    parser_classes = [parsers.MultiPartParser, parsers.FormParser]
    http_method_names = ["get", "post", "delete", "head", "options"]

    def perform_create(self, serializer):
        self._check(serializer.validated_data["initiative"])
        serializer.save(size=serializer.validated_data["file"].size)

    def perform_destroy(self, instance):
        self._check(instance.initiative)
        instance.file.delete(save=False)
        instance.delete()


class ActorViewSet(InitiativeChildViewSet):
    """Actors of the cluster map (enterprises, suppliers, buyers, BMOs, institutions …)."""

    model = Actor
    queryset = Actor.objects.none()
    serializer_class = s.ActorSerializer
    filterset_fields = ["initiative", "kind"]


class TieViewSet(InitiativeChildViewSet):
    """Ties between two actors of the same map; no self-ties, no duplicates of a kind."""

    model = Tie
    queryset = Tie.objects.none()
    serializer_class = s.TieSerializer
    filterset_fields = ["initiative", "kind"]


@extend_schema(responses={200: s.MeasuresSerializer})
@api_view(["GET"])
@permission_classes([IsAuthenticated])
def measures(request, pk):
    """The actor map's measures: actors, ties, density, components, institutions linked."""
    initiative = get_object_or_404(rules.private(request.user), pk=pk)
    return Response(s.MeasuresSerializer(asdict(_measures(initiative))).data)
