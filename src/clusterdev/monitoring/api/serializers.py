from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from clusterdev.monitoring import choices, formula, services
from clusterdev.monitoring.models import (
    DataElement,
    Indicator,
    MonitoringPlan,
    Period,
    PeriodDecision,
    SustainabilityCheck,
    Value,
)


def _model_clean(instance) -> None:
    try:
        instance.clean()
    except DjangoValidationError as error:
        raise serializers.ValidationError(error.message_dict) from None


class DataElementSerializer(serializers.ModelSerializer):
    disaggregations = serializers.ListField(
        child=serializers.ChoiceField(choices=list(choices.DIMENSIONS)),
        required=False,
        help_text="Dimensions values may be split by",
    )

    class Meta:
        model = DataElement
        fields = [
            "id", "code", "name", "unit", "value_type", "disaggregations", "description",
            "source",
        ]  # fmt: skip

    def validate(self, attrs):
        candidate = DataElement(
            **{**self._current(), **attrs},
        )
        _model_clean(candidate)
        return attrs

    def _current(self) -> dict:
        if self.instance is None:
            return {}
        return {f: getattr(self.instance, f) for f in ("code", "disaggregations")}

    def update(self, instance, validated_data):
        renamed = "code" in validated_data and validated_data["code"] != instance.code
        if renamed and instance.values.exists():
            raise serializers.ValidationError(
                {"code": "Values use this code; it cannot be renamed."}
            )
        if renamed:
            users = services.indicators_reading(instance.code)
            if users:
                raise serializers.ValidationError(
                    {"code": f"The indicator(s) {', '.join(users)} read this code."}
                )
        return super().update(instance, validated_data)


class IndicatorSerializer(serializers.ModelSerializer):
    elements = serializers.SerializerMethodField(help_text="Data element codes the formula reads")

    class Meta:
        model = Indicator
        fields = ["id", "code", "name", "unit", "formula", "elements", "description", "source"]

    def get_elements(self, instance) -> list[str]:
        return instance.element_codes()

    def validate_formula(self, text):
        try:
            parsed = formula.parse(text)
            known = DataElement.objects.filter(code__in=parsed.codes).values_list("code", flat=True)
            formula.check(parsed, known)
        except formula.FormulaError as error:
            raise serializers.ValidationError(str(error)) from None
        return parsed.text


class MonitoringPlanSerializer(serializers.ModelSerializer):
    elements = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=DataElement.objects.all(), required=False
    )
    indicators = serializers.SlugRelatedField(
        slug_field="code", many=True, queryset=Indicator.objects.all(), required=False
    )

    class Meta:
        model = MonitoringPlan
        fields = ["id", "initiative", "elements", "indicators"]


class PeriodDecisionSerializer(serializers.ModelSerializer):
    actor = serializers.StringRelatedField()

    class Meta:
        model = PeriodDecision
        fields = ["id", "period", "decision", "actor", "reason", "created"]


class PeriodSerializer(serializers.ModelSerializer):
    approved_by = serializers.StringRelatedField()
    locked = serializers.BooleanField(read_only=True)

    class Meta:
        model = Period
        fields = [
            "id", "initiative", "label", "start", "end", "locked", "approved_at", "approved_by",
        ]  # fmt: skip
        read_only_fields = ["approved_at"]
        validators: list = []  # the model's clean names the field (label, start, end)

    def validate(self, attrs):
        values = {}
        if self.instance is not None:
            values = {f: getattr(self.instance, f) for f in ("initiative", "label", "start", "end")}
            values["pk"] = self.instance.pk
        values.update(attrs)
        _model_clean(Period(**values))
        return attrs


class UnlockSerializer(serializers.Serializer):
    reason = serializers.CharField(help_text="Why the approved period is reopened")


class ValueSerializer(serializers.ModelSerializer):
    element = serializers.SlugRelatedField(slug_field="code", queryset=DataElement.objects.all())
    disaggregation = serializers.SerializerMethodField()

    class Meta:
        model = Value
        fields = [
            "id", "initiative", "element", "period", "kind", "sex", "size", "social_category",
            "disaggregation", "value", "note",
        ]  # fmt: skip
        # uniqueness is checked by the model's clean (with a clear message), not here
        validators: list = []

    def get_disaggregation(self, instance) -> str:
        return instance.disaggregation_label()


class BulkValueRowSerializer(serializers.Serializer):
    element = serializers.SlugRelatedField(slug_field="code", queryset=DataElement.objects.all())
    period = serializers.PrimaryKeyRelatedField(
        queryset=Period.objects.all(), allow_null=True, required=False, default=None
    )
    kind = serializers.ChoiceField(choices=choices.Kind.choices)
    sex = serializers.ChoiceField(choices=choices.Sex.choices, allow_blank=True, default="")
    size = serializers.ChoiceField(choices=choices.Size.choices, allow_blank=True, default="")
    social_category = serializers.ChoiceField(
        choices=choices.SocialCategory.choices, allow_blank=True, default=""
    )
    value = serializers.DecimalField(
        max_digits=20, decimal_places=4, allow_null=True, help_text="null deletes the cell"
    )
    note = serializers.CharField(max_length=300, allow_blank=True, required=False)


class BulkValuesSerializer(serializers.Serializer):
    initiative = serializers.IntegerField()
    rows = BulkValueRowSerializer(many=True, allow_empty=False)


class IndicatorValueSerializer(serializers.Serializer):
    initiative = serializers.IntegerField()
    indicator = serializers.CharField(help_text="Indicator code")
    indicator_name = serializers.CharField()
    period = serializers.IntegerField(allow_null=True)
    period_label = serializers.CharField(allow_blank=True)
    kind = serializers.CharField()
    sex = serializers.CharField(allow_blank=True)
    size = serializers.CharField(allow_blank=True)
    social_category = serializers.CharField(allow_blank=True)
    value = serializers.DecimalField(
        max_digits=30, decimal_places=4, allow_null=True, help_text="null: not computable"
    )


class SustainabilityCheckSerializer(serializers.ModelSerializer):
    institutions_linked_element = serializers.SerializerMethodField(
        help_text='Latest value of the data element "institutions_linked", if entered'
    )

    class Meta:
        model = SustainabilityCheck
        fields = [
            "id", "initiative", "date", "can_identify", "can_carry_out", "institutions_linked",
            "institutions_linked_element", "notes",
        ]  # fmt: skip

    def get_institutions_linked_element(self, instance) -> str | None:
        from clusterdev.monitoring.panel import institutions_linked_value

        memo = self.context.setdefault("institutions_linked", {})
        if instance.initiative_id not in memo:
            memo[instance.initiative_id] = institutions_linked_value(instance.initiative_id)
        value = memo[instance.initiative_id]
        return None if value is None else str(value)
