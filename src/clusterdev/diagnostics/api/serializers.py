from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from rest_framework import serializers

from clusterdev.diagnostics.models import (
    Actor,
    Constraint,
    DiagnosticStudy,
    Document,
    Tie,
    document_problem,
)


class _ModelCleaned(serializers.ModelSerializer):
    """Runs the model's clean() so the API refuses what the pages refuse, by field."""

    def validate(self, attrs):
        instance = self.Meta.model(**{**self._current(), **attrs})
        instance.pk = self.instance.pk if self.instance else None
        try:
            instance.clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from None
        return attrs

    def _current(self) -> dict:
        if self.instance is None:
            return {}
        return {
            f.name: getattr(self.instance, f.name)
            for f in self.Meta.model._meta.concrete_fields
            if not f.primary_key and f.name in self.fields
        }


class ConstraintSerializer(serializers.ModelSerializer):
    class Meta:
        model = Constraint
        fields = ["id", "initiative", "area", "title", "description"]


class DiagnosticStudySerializer(_ModelCleaned):
    class Meta:
        model = DiagnosticStudy
        fields = [
            "id", "initiative", "started_on", "completed_on", "authors", "method", "potential",
            "linkages", "support_institutions", "strengths", "weaknesses", "opportunities",
            "threats",
        ]  # fmt: skip


class DocumentSerializer(serializers.ModelSerializer):
    download = serializers.SerializerMethodField()
    size = serializers.IntegerField(read_only=True)

    class Meta:
        model = Document
        fields = ["id", "initiative", "title", "kind", "file", "size", "download", "created"]
        extra_kwargs = {"file": {"write_only": True}}

    def get_download(self, document) -> str:
        return reverse("diagnostics:document", args=[document.pk])

    def validate_file(self, upload):
        problem = document_problem(upload.name, upload.size)
        if problem:
            raise serializers.ValidationError(problem)
        return upload


class ActorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Actor
        fields = ["id", "initiative", "name", "kind", "size", "institution", "notes"]

    def validate(self, attrs):
        initiative = attrs.get("initiative") or self.instance.initiative
        name = (attrs.get("name") or self.instance.name).strip()
        twins = Actor.objects.filter(initiative=initiative, name__iexact=name)
        if self.instance is not None:
            twins = twins.exclude(pk=self.instance.pk)
        if twins.exists():
            raise serializers.ValidationError({"name": "The map has an actor so named already."})
        return attrs


class TieSerializer(_ModelCleaned):
    class Meta:
        model = Tie
        fields = ["id", "initiative", "source", "target", "kind", "strength", "notes"]
        validators = []  # the model's clean() names the field; no generic "unique set" error


class MeasuresSerializer(serializers.Serializer):
    actors = serializers.IntegerField()
    ties = serializers.IntegerField()
    linked_pairs = serializers.IntegerField()
    density = serializers.FloatField()
    components = serializers.IntegerField()
    institutions_linked = serializers.IntegerField()
    by_kind = serializers.DictField(child=serializers.IntegerField())
    isolated = serializers.ListField(child=serializers.IntegerField())
