"""Serializers of the planning API.

The compute and grant endpoints read their bodies with the model's own readers
(``Scenario.from_mapping``, ``GrantRequest.from_mapping``), which report every bad field
with its allowed range; the input serializers here document those bodies in the OpenAPI
schema and the output serializers document the answers.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from clusterdev.planning import reading
from clusterdev.planning.model import (
    CATEGORIES,
    RATIO_POINTS,
    TYPOLOGIES,
    PlanningInputError,
)
from clusterdev.planning.models import SavedScenario

NUMBER_SCHEMA = {
    "oneOf": [{"type": "integer"}, {"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}],
    "description": "A JSON integer when whole, otherwise the exact decimal value as a string.",
}
FIELD_ERRORS_SCHEMA = {
    "type": "object",
    "description": "Field errors: each bad field (dotted name) with its messages, which "
    "give the allowed range.",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}


@extend_schema_field(NUMBER_SCHEMA)
class JsonNumberField(serializers.Field):  # type: ignore[type-arg]
    """A number as the planning model writes it: int when whole, else exact text."""

    def to_representation(self, value: Any) -> Any:
        return value

    def to_internal_value(self, data: Any) -> Any:
        return data


# -- inputs ---------------------------------------------------------------------------


class ClusterGroupInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    # Plain text, not an enum: the registry's typologies already own the name TypologyEnum.
    typology = serializers.CharField(
        required=False, help_text="One of: " + ", ".join(TYPOLOGIES) + " (default mixed)."
    )
    clusters = serializers.IntegerField(min_value=1, max_value=1_000_000)
    cost_per_cluster_crore = JsonNumberField(required=False, help_text="Rs crore, > 0")


class RoleInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    required = serializers.IntegerField(
        required=False,
        allow_null=True,
        min_value=0,
        help_text="Persons required as an explicit input; null to use the role's ratio.",
    )
    available = serializers.IntegerField(required=False, min_value=0)
    training_capacity_per_year = serializers.IntegerField(required=False, min_value=0)
    override_note = serializers.CharField(required=False, allow_blank=True, max_length=1000)


class ScenarioInputSerializer(serializers.Serializer):  # type: ignore[type-arg]
    """Inputs of a plan; every key optional (missing ones take the seed's finance inputs
    and the default HR roles without overrides)."""

    name = serializers.CharField(required=False, max_length=100)
    clusters = serializers.IntegerField(required=False, min_value=1, max_value=1_000_000)
    cost_per_cluster_crore = JsonNumberField(required=False, help_text="Rs crore, > 0")
    groups = ClusterGroupInputSerializer(many=True, required=False)
    clusters_per_year_max = serializers.IntegerField(
        required=False, min_value=1, max_value=1_000_000
    )
    duration_years = serializers.IntegerField(required=False, min_value=1, max_value=50)
    spending_profile = serializers.JSONField(
        required=False,
        help_text='"even", or a list of shares per year of an initiative adding up to 1, '
        'e.g. ["0.1", "0.2", "0.3", "0.2", "0.2"].',
    )
    first_year = serializers.IntegerField(required=False, min_value=1900, max_value=2200)
    horizon_years = serializers.IntegerField(required=False, min_value=1, max_value=500)
    inflation_rate = JsonNumberField(required=False, help_text="0 to 1 (0.05 for 5 %)")
    discount_rate = JsonNumberField(required=False, help_text="0 to 1")
    hr_base_year = serializers.IntegerField(required=False, allow_null=True)
    hr_target_year = serializers.IntegerField(required=False, allow_null=True)
    ratio_point = serializers.ChoiceField(choices=RATIO_POINTS, required=False)
    hr = serializers.DictField(
        child=RoleInputSerializer(), required=False, help_text="Role key to its inputs."
    )


class GrantRequestSerializer(serializers.Serializer):  # type: ignore[type-arg]
    scheme = serializers.CharField(help_text="iius, mse-cdp or sfurti")
    component = serializers.CharField(help_text="e.g. cfc (see `clusterdev grant --list`)")
    project_cost_crore = JsonNumberField(help_text="Rs crore, > 0")
    category = serializers.ChoiceField(choices=CATEGORIES, required=False)
    version = serializers.CharField(required=False, allow_null=True, help_text="e.g. 2019")
    on = serializers.DateField(required=False, allow_null=True)
    industry_crore = JsonNumberField(required=False, allow_null=True)
    state_crore = JsonNumberField(required=False, allow_null=True)
    others_crore = JsonNumberField(required=False, allow_null=True)
    spv_members = serializers.IntegerField(required=False, allow_null=True)
    largest_member_equity_share = JsonNumberField(required=False, allow_null=True)
    land_cost_crore = JsonNumberField(required=False, allow_null=True)
    artisans = serializers.IntegerField(required=False, allow_null=True)


# -- outputs --------------------------------------------------------------------------


class YearSerializer(serializers.Serializer):  # type: ignore[type-arg]
    year = serializers.IntegerField()
    year_number = serializers.IntegerField()
    new_clusters = serializers.IntegerField()
    clusters_in_progress = serializers.IntegerField()
    spending_crore = JsonNumberField()
    spending_nominal_crore = JsonNumberField()
    spending_discounted_crore = JsonNumberField()
    by_typology = serializers.JSONField()


class TotalsSerializer(serializers.Serializer):  # type: ignore[type-arg]
    first_5_years = JsonNumberField()
    next_5_years = JsonNumberField()
    after_10_years = JsonNumberField()
    gross = JsonNumberField()
    new_clusters = serializers.IntegerField()
    peak_clusters_in_progress = serializers.IntegerField()
    peak_spending_crore = JsonNumberField()
    nominal = serializers.JSONField()
    discounted = serializers.JSONField()


class RoleResultSerializer(serializers.Serializer):  # type: ignore[type-arg]
    role = serializers.CharField()
    label = serializers.CharField()
    required = serializers.IntegerField()
    available = serializers.IntegerField()
    gap = serializers.IntegerField()
    education = serializers.CharField()
    required_source = serializers.CharField()
    override = serializers.IntegerField(allow_null=True)
    override_note = serializers.CharField()
    ratio_estimate = serializers.JSONField(help_text="What the role's ratio gives: low, high…")
    training_needed_per_year = serializers.IntegerField()
    training_capacity_per_year = serializers.IntegerField()
    capacity_is_assumption = serializers.BooleanField()
    gap_closes_year = serializers.IntegerField(allow_null=True)
    closes_by_target = serializers.BooleanField()
    notes = serializers.ListField(child=serializers.CharField())


class PlanResultSerializer(serializers.Serializer):  # type: ignore[type-arg]
    scenario = serializers.JSONField(help_text="The inputs used, as Scenario.to_mapping().")
    years = YearSerializer(many=True)
    totals = TotalsSerializer()
    hr = RoleResultSerializer(many=True)
    hr_totals = serializers.JSONField()
    hr_basis = serializers.JSONField()
    notes = serializers.ListField(child=serializers.CharField())
    units = serializers.DictField(child=serializers.CharField())


class PartyShareSerializer(serializers.Serializer):  # type: ignore[type-arg]
    party = serializers.CharField()
    label = serializers.CharField()
    amount_crore = JsonNumberField()
    percent = JsonNumberField()
    given = serializers.BooleanField()


class CeilingSerializer(serializers.Serializer):  # type: ignore[type-arg]
    kind = serializers.CharField()
    limit_crore = JsonNumberField()
    grant_cap_crore = JsonNumberField()
    text = serializers.CharField()


class GrantResultSerializer(serializers.Serializer):  # type: ignore[type-arg]
    scheme = serializers.CharField()
    version = serializers.CharField()
    component = serializers.CharField()
    category = serializers.CharField()
    project_cost_crore = JsonNumberField()
    eligible_cost_crore = JsonNumberField()
    grant_share = JsonNumberField()
    grant_crore = JsonNumberField()
    parties = PartyShareSerializer(many=True)
    ceiling = CeilingSerializer(allow_null=True)
    gap_crore = JsonNumberField()
    rule_text = serializers.CharField()
    citation = serializers.CharField()
    size_class = serializers.CharField(allow_null=True)
    band = serializers.CharField(allow_null=True)
    checks_passed = serializers.ListField(child=serializers.CharField())
    checks_skipped = serializers.ListField(child=serializers.CharField())
    notes = serializers.ListField(child=serializers.CharField())


class SchemeComponentSerializer(serializers.Serializer):  # type: ignore[type-arg]
    key = serializers.CharField()
    label = serializers.CharField()
    rule_text = serializers.CharField()


class SchemeSerializer(serializers.Serializer):  # type: ignore[type-arg]
    scheme = serializers.CharField()
    version = serializers.CharField()
    kind = serializers.CharField(help_text="grant or revenue_split")
    title = serializers.CharField()
    grantor = serializers.CharField()
    in_force = serializers.CharField()
    source = serializers.CharField()
    components = SchemeComponentSerializer(many=True)


# -- saved scenarios ------------------------------------------------------------------


def normalised_inputs(value: Any) -> dict[str, Any]:
    """The inputs as ``Scenario.to_mapping()`` (without the name), or a ValidationError
    with every bad field."""
    try:
        scenario = reading.read_scenario(value)
    except PlanningInputError as exc:
        raise serializers.ValidationError(exc.by_field()) from None
    mapping = scenario.to_mapping()
    mapping.pop("name", None)
    return mapping


class SavedScenarioSerializer(serializers.ModelSerializer[SavedScenario]):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:planning-scenario-detail", lookup_field="slug"
    )
    owner = serializers.CharField(source="owner.get_username", read_only=True)
    inputs = serializers.JSONField(
        help_text="The scenario's inputs (the body of POST /api/planning/compute/); "
        "stored normalised, as Scenario.to_mapping()."
    )
    can_change = serializers.SerializerMethodField()

    class Meta:
        model = SavedScenario
        fields = [
            "url",
            "slug",
            "name",
            "description",
            "owner",
            "inputs",
            "can_change",
            "created",
            "last_updated",
        ]
        read_only_fields = ["slug", "created", "last_updated"]

    def get_can_change(self, scenario: SavedScenario) -> bool:
        """Whether the requesting user may change or delete this scenario."""
        request = self.context.get("request")
        return scenario.may_change(getattr(request, "user", None))

    def validate_inputs(self, value: Any) -> dict[str, Any]:
        return normalised_inputs(value)

    def validate_name(self, value: str) -> str:
        value = value.strip()
        request = self.context.get("request")
        owner = self.instance.owner if self.instance else getattr(request, "user", None)
        taken = SavedScenario.objects.filter(owner=owner, name=value)
        if self.instance is not None:
            taken = taken.exclude(pk=self.instance.pk)
        if owner is not None and owner.is_authenticated and taken.exists():
            raise serializers.ValidationError("You already have a scenario with this name.")
        return value


class SeedScenarioSerializer(serializers.Serializer):  # type: ignore[type-arg]
    slug = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    owner = serializers.CharField(allow_null=True)
    inputs = serializers.JSONField()
    can_change = serializers.BooleanField()
