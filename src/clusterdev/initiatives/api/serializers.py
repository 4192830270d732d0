from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from clusterdev.initiatives import choices, gates
from clusterdev.initiatives.models import (
    Initiative,
    SelectionScore,
    StepRecord,
    StepReview,
    TrustEvent,
)
from clusterdev.initiatives.services import validate_initiative


class InitiativeSerializer(serializers.ModelSerializer):
    objectives = serializers.ListField(
        child=serializers.ChoiceField(choices=choices.Objective.choices), required=False
    )
    step = serializers.IntegerField(read_only=True, help_text="Changed only by the advance action")

    class Meta:
        model = Initiative
        fields = [
            "id", "title", "summary", "institution", "cluster", "status", "step",
            "start_date", "planned_end_date", "actual_end_date", "cdas", "ta",
            "objectives", "approach", "published",
        ]  # fmt: skip

    PRIVATE_FIELDS = ("cdas", "ta", "published")

    def to_representation(self, instance):
        data = super().to_representation(instance)
        private_ids = self.context.get("private_ids")
        if private_ids is not None and instance.pk not in private_ids:
            for field in self.PRIVATE_FIELDS:
                data.pop(field, None)  # the public summary only
        return data

    def validate(self, attrs):
        try:
            validate_initiative(self.instance, attrs)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from None
        return attrs


class StepRecordSerializer(serializers.ModelSerializer):
    status = serializers.CharField(read_only=True)

    class Meta:
        model = StepRecord
        fields = ["id", "initiative", "step", "summary", "sections", "status"]


class ReviewInputSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=choices.Decision.choices)
    reason = serializers.CharField(required=False, allow_blank=True, default="")

    def validate(self, attrs):
        if attrs["decision"] == choices.Decision.RETURNED and not attrs["reason"].strip():
            raise serializers.ValidationError({"reason": "Say why the record is returned."})
        return attrs


class StepReviewSerializer(serializers.ModelSerializer):
    reviewer = serializers.StringRelatedField()

    class Meta:
        model = StepReview
        fields = ["id", "record", "reviewer", "decision", "reason", "created"]


class TrustEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrustEvent
        fields = ["id", "initiative", "kind", "date", "participants", "outcomes"]

    def validate(self, attrs):
        """The date lies inside the initiative's dates (``initiatives.dates``)."""
        initiative = attrs.get("initiative") or (self.instance and self.instance.initiative)
        date = attrs.get("date", self.instance.date if self.instance else None)
        try:
            TrustEvent(initiative=initiative, date=date).clean()
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from None
        return attrs

    def validate_participants(self, rows):
        """Rows of {"actor_type": text, "women": n, "men": n} with whole counts ≥ 0."""
        if not isinstance(rows, list):
            raise serializers.ValidationError("Expected a list of rows.")
        for number, row in enumerate(rows, 1):
            if not isinstance(row, dict) or not str(row.get("actor_type", "")).strip():
                raise serializers.ValidationError(f"Row {number} needs an actor_type.")
            for sex in ("women", "men"):
                count = row.get(sex, 0)
                if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                    raise serializers.ValidationError(
                        f"Row {number}: '{sex}' must be a whole number, zero or more."
                    )
        return rows


class SelectionScoreSerializer(serializers.ModelSerializer):
    class Meta:
        model = SelectionScore
        fields = [
            "id", "initiative", "cluster", "socio_economic_importance", "promotability",
            "viability", "sustainability",
        ]  # fmt: skip


class WeightsSerializer(serializers.Serializer):
    socio_economic_importance = serializers.FloatField(default=1)
    promotability = serializers.FloatField(default=1)
    viability = serializers.FloatField(default=1)
    sustainability = serializers.FloatField(default=1)

    def validate(self, attrs):
        error = gates.weights_error(attrs)
        if error:
            raise serializers.ValidationError({"weights": error})
        return attrs


class RankedCandidateSerializer(serializers.Serializer):
    cluster = serializers.IntegerField()
    cluster_name = serializers.CharField()
    total = serializers.FloatField()


class ConflictSerializer(serializers.Serializer):
    detail = serializers.CharField()


class RefusalSerializer(serializers.Serializer):
    detail = serializers.CharField()
    missing = serializers.JSONField(allow_null=True)
