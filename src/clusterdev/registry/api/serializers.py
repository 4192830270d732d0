from __future__ import annotations

from typing import Any

from django.db import transaction
from rest_framework import serializers

from clusterdev.core.geojson import footprint_error
from clusterdev.geography.models import District
from clusterdev.registry.models import (
    Breakdown,
    BreakdownItem,
    Cluster,
    Estimate,
    NationalFigure,
    NicCode,
    Source,
)


class SourceSerializer(serializers.ModelSerializer[Source]):
    cited_in = serializers.SlugRelatedField(
        slug_field="key", queryset=Source.objects.all(), allow_null=True, required=False
    )

    class Meta:
        model = Source
        fields = [
            "key",
            "title",
            "author_or_publisher",
            "year",
            "url",
            "licence",
            "cited_in",
            "notes",
            "created",
            "last_updated",
        ]
        read_only_fields = ["created", "last_updated"]


class DistrictBriefSerializer(serializers.ModelSerializer[District]):
    state = serializers.CharField(source="state.name", read_only=True)
    state_code = serializers.CharField(source="state.code", read_only=True)

    class Meta:
        model = District
        fields = ["code", "name", "state", "state_code"]


class NicCodeSerializer(serializers.ModelSerializer[NicCode]):
    parent = serializers.CharField(source="parent_id", read_only=True, allow_null=True)

    class Meta:
        model = NicCode
        fields = ["code", "title", "level", "section", "parent"]


class ClusterSerializer(serializers.ModelSerializer[Cluster]):
    url = serializers.HyperlinkedIdentityField(view_name="api:cluster-detail", lookup_field="slug")
    districts = serializers.SlugRelatedField(
        slug_field="code",
        many=True,
        queryset=District.objects.all(),
        required=False,
        help_text="District codes (see /api/geography/districts/).",
    )
    district_details = DistrictBriefSerializer(source="districts", many=True, read_only=True)
    nic_codes = serializers.SlugRelatedField(
        slug_field="code",
        many=True,
        queryset=NicCode.objects.all(),
        required=False,
        help_text="NIC 2008 codes at any level.",
    )
    source = serializers.SlugRelatedField(
        slug_field="key", queryset=Source.objects.all(), allow_null=True, required=False
    )
    centroid = serializers.SerializerMethodField()

    class Meta:
        model = Cluster
        fields = [
            "url",
            "slug",
            "name",
            "country",
            "product",
            "nic_codes",
            "typology",
            "status",
            "districts",
            "district_details",
            "latitude",
            "longitude",
            "centroid",
            "footprint",
            "description",
            "external_ids",
            "source",
            "source_section",
            "headline_units",
            "headline_employment",
            "size_band",
            "created",
            "last_updated",
        ]
        read_only_fields = [
            "headline_units",
            "headline_employment",
            "size_band",
            "created",
            "last_updated",
        ]

    def get_centroid(self, cluster: Cluster) -> list[float] | None:
        """[latitude, longitude]: the cluster's point, else the mean of its districts."""
        centroid = cluster.centroid()
        return [round(centroid[0], 6), round(centroid[1], 6)] if centroid else None

    def validate_footprint(self, value: Any) -> Any:
        if value is not None:
            problem = footprint_error(value)
            if problem:
                raise serializers.ValidationError(problem)
        return value

    def validate_external_ids(self, value: Any) -> Any:
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise serializers.ValidationError(
                'Expected an object of strings, e.g. {"msme-cdp": "12"}.'
            )
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        latitude = attrs.get("latitude", getattr(self.instance, "latitude", None))
        longitude = attrs.get("longitude", getattr(self.instance, "longitude", None))
        if (latitude is None) != (longitude is None):
            field = "longitude" if latitude is not None else "latitude"
            raise serializers.ValidationError(
                {field: "Give both latitude and longitude, or neither."}
            )
        return attrs

    @transaction.atomic
    def create(self, validated_data: dict[str, Any]) -> Cluster:
        cluster = super().create(validated_data)
        cluster.refresh_search_text()
        return cluster

    @transaction.atomic
    def update(self, instance: Cluster, validated_data: dict[str, Any]) -> Cluster:
        cluster = super().update(instance, validated_data)
        cluster.refresh_search_text()
        return cluster


class EstimateSerializer(serializers.ModelSerializer[Estimate]):
    cluster = serializers.SlugRelatedField(slug_field="slug", queryset=Cluster.objects.all())
    source = serializers.SlugRelatedField(slug_field="key", queryset=Source.objects.all())

    class Meta:
        model = Estimate
        fields = [
            "id",
            "cluster",
            "source",
            "source_section",
            "year",
            "units",
            "employment",
            "turnover_inr_crore",
            "exports_inr_crore",
            "investment_inr_crore",
            "looms",
            "method",
            "notes",
            "is_preferred",
            "preferred_reason",
            "created",
            "last_updated",
        ]
        read_only_fields = ["created", "last_updated"]
        validators: list[Any] = []  # the model's constraints are checked in validate()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        def value(name: str) -> Any:
            return attrs.get(name, getattr(self.instance, name, None))

        figures = [
            "units",
            "employment",
            "turnover_inr_crore",
            "exports_inr_crore",
            "investment_inr_crore",
            "looms",
        ]
        if all(value(name) is None for name in figures):
            raise serializers.ValidationError(
                {"non_field_errors": ["An estimate needs at least one figure."]}
            )
        if value("is_preferred"):
            if not (value("preferred_reason") or "").strip():
                raise serializers.ValidationError(
                    {"preferred_reason": "Say why this estimate is preferred."}
                )
            others = Estimate.objects.filter(cluster=value("cluster"), is_preferred=True)
            if self.instance is not None:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                raise serializers.ValidationError(
                    {
                        "is_preferred": "This cluster already has a preferred estimate; "
                        "unmark that one first."
                    }
                )
        return attrs

    @transaction.atomic
    def create(self, validated_data: dict[str, Any]) -> Estimate:
        estimate = super().create(validated_data)
        estimate.cluster.refresh_headline()
        return estimate

    @transaction.atomic
    def update(self, instance: Estimate, validated_data: dict[str, Any]) -> Estimate:
        old_cluster = instance.cluster
        estimate = super().update(instance, validated_data)
        estimate.cluster.refresh_headline()
        if old_cluster.pk != estimate.cluster.pk:
            old_cluster.refresh_headline()
        return estimate


class NationalFigureSerializer(serializers.ModelSerializer[NationalFigure]):
    source = serializers.SlugRelatedField(slug_field="key", queryset=Source.objects.all())

    class Meta:
        model = NationalFigure
        fields = [
            "id",
            "group",
            "group_title",
            "estimator",
            "measure",
            "value",
            "unit",
            "year",
            "notes",
            "source",
            "source_section",
        ]


class BreakdownItemSerializer(serializers.ModelSerializer[BreakdownItem]):
    source = serializers.SlugRelatedField(slug_field="key", read_only=True)

    class Meta:
        model = BreakdownItem
        fields = ["order", "label", "value", "notes", "source", "source_section"]


class BreakdownSerializer(serializers.ModelSerializer[Breakdown]):
    source = serializers.SlugRelatedField(slug_field="key", read_only=True)
    items = BreakdownItemSerializer(many=True, read_only=True)
    computed_total = serializers.DecimalField(max_digits=20, decimal_places=2, read_only=True)
    difference = serializers.DecimalField(
        max_digits=20,
        decimal_places=2,
        read_only=True,
        allow_null=True,
        help_text="Stated total minus the sum of the items; null when no total is stated.",
    )

    class Meta:
        model = Breakdown
        fields = [
            "key",
            "title",
            "measure",
            "unit",
            "stated_total",
            "computed_total",
            "difference",
            "notes",
            "source",
            "source_section",
            "items",
        ]
