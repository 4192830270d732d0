from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from clusterdev.geography.models import State
from clusterdev.institutions.choices import Category, ClusterType, Leverage, ThrustArea
from clusterdev.institutions.models import Institution, Role, StatusRow, StatusTable
from clusterdev.registry.models import Cluster, Source


@extend_schema_field(
    {
        "type": "string",
        # A pattern, not an enum: the schema's enum hook would name one choice set twice.
        "pattern": "^(yes|na|)$",
        "description": "yes; na (not applicable); empty when the source says nothing",
    }
)
class LeverageField(serializers.ChoiceField):
    """One inline enum for both leverage columns (they share their choices)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=Leverage.choices, required=False, allow_blank=True, **kwargs)


@extend_schema_field(
    {
        "type": "string",
        # A pattern rather than an enum: an enum named after the field would take the name
        # "CategoryEnum" that the planning API's grant category already has.
        "pattern": "^(" + "|".join(Category.values) + ")$",
        "description": "; ".join(f"{value}: {label}" for value, label in Category.choices),
    }
)
class CategoryField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=Category.choices, **kwargs)


class InstitutionSerializer(serializers.ModelSerializer[Institution]):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:institution-detail", lookup_field="slug"
    )
    state = serializers.SlugRelatedField(
        slug_field="code",
        queryset=State.objects.all(),
        allow_null=True,
        required=False,
        help_text="State code (see /api/geography/states/), for state institutions.",
    )
    roles = serializers.SlugRelatedField(
        slug_field="code",
        many=True,
        queryset=Role.objects.all(),
        required=False,
        help_text="Role and focus codes: general-improvement, policy, research, training, "
        "funding; technology, finance, infrastructure, marketing, design, work-conditions, "
        "general.",
    )
    cluster_types = serializers.ListField(
        child=serializers.ChoiceField(choices=ClusterType.choices), required=False
    )
    thrust_areas = serializers.ListField(
        child=serializers.ChoiceField(choices=ThrustArea.choices), required=False
    )
    clusters = serializers.SlugRelatedField(
        slug_field="slug",
        many=True,
        queryset=Cluster.objects.all(),
        required=False,
        help_text="Slugs of registry clusters the institution worked in.",
    )
    source = serializers.SlugRelatedField(
        slug_field="key", queryset=Source.objects.all(), allow_null=True, required=False
    )
    category = CategoryField()
    private_leverage_over_20 = LeverageField(help_text="Over 20 % of funds from private sources")
    public_leverage_over_20 = LeverageField(help_text="Over 20 % of funds from public sources")

    class Meta:
        model = Institution
        fields = [
            "url",
            "slug",
            "short_name",
            "name",
            "category",
            "state",
            "years_of_experience",
            "experience_as_of",
            "roles",
            "likely_future_role",
            "cluster_types",
            "implementation_channel",
            "private_leverage_over_20",
            "public_leverage_over_20",
            "thrust_areas",
            "social_capital_thrust",
            "analysis_label",
            "objective",
            "description",
            "clusters",
            "source",
            "source_section",
            "created",
            "last_updated",
        ]
        read_only_fields = ["created", "last_updated"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and "clusters" in self.fields:
            # Writers may link only clusters they can see.
            self.fields["clusters"].child_relation.queryset = Cluster.objects.visible_to(
                request.user
            )


class StatusRowSerializer(serializers.ModelSerializer[StatusRow]):
    table = serializers.CharField(source="table.key", read_only=True)
    institution = serializers.CharField(source="institution.slug", read_only=True)
    source = serializers.CharField(source="source.key", read_only=True)

    class Meta:
        model = StatusRow
        fields = [
            "id",
            "table",
            "order",
            "institution",
            "group_as_written",
            "name_as_written",
            "experience_as_written",
            "roles_as_written",
            "future_role_as_written",
            "cluster_types_as_written",
            "counts_as_written",
            "completed",
            "in_progress",
            "uncertain",
            "source",
            "source_section",
        ]


class StatusCountsSerializer(serializers.Serializer[dict[str, Any]]):
    completed = serializers.IntegerField(allow_null=True)
    in_progress = serializers.IntegerField(allow_null=True)
    total = serializers.IntegerField(allow_null=True)


class StatusTotalsSerializer(serializers.Serializer[dict[str, Any]]):
    rows = serializers.IntegerField()
    uncertain_rows = serializers.IntegerField()
    computed = StatusCountsSerializer(
        help_text="Sums of the rows (in progress counts 0 when not written)"
    )
    stated = StatusCountsSerializer(help_text="Totals as the source states them")
    difference = StatusCountsSerializer(
        help_text="Stated minus computed; null when nothing is stated"
    )
    differs = serializers.BooleanField()


class StatusTableSerializer(serializers.ModelSerializer[StatusTable]):
    source = serializers.CharField(source="source.key", read_only=True)
    totals = serializers.SerializerMethodField()

    class Meta:
        model = StatusTable
        fields = [
            "key",
            "title",
            "as_of",
            "stated_total_as_written",
            "stated_total",
            "stated_completed",
            "stated_in_progress",
            "totals",
            "notes",
            "source",
            "source_section",
        ]

    @extend_schema_field(StatusTotalsSerializer)
    def get_totals(self, table: StatusTable) -> dict[str, Any]:
        return table.totals()


class InstitutionBriefSerializer(serializers.Serializer[dict[str, Any]]):
    slug = serializers.SlugField()
    short_name = serializers.CharField()


class InstitutionClustersSerializer(InstitutionBriefSerializer):
    clusters = serializers.IntegerField()


class TimelineYearSerializer(serializers.Serializer[dict[str, Any]]):
    year = serializers.IntegerField()
    listed = InstitutionBriefSerializer(many=True, help_text="Institutions named that year")
    entering = InstitutionBriefSerializer(many=True, help_text="Named for the first time")
    cumulative_clusters = serializers.IntegerField(
        allow_null=True, help_text="Sum of the cumulative figures given that year"
    )
    institutions_with_figures = serializers.IntegerField()
    clusters_by_institution = InstitutionClustersSerializer(many=True)
