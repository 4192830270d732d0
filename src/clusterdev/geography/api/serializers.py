from __future__ import annotations

from rest_framework import serializers

from clusterdev.geography.models import District, DistrictAlias, PinCode, State


class StateSerializer(serializers.ModelSerializer[State]):
    class Meta:
        model = State
        fields = ["code", "name", "census2011_code", "lgd_code", "india_post_name", "aliases"]


class DistrictAliasSerializer(serializers.ModelSerializer[DistrictAlias]):
    class Meta:
        model = DistrictAlias
        fields = ["name", "kind"]


class DistrictSerializer(serializers.ModelSerializer[District]):
    state = serializers.CharField(source="state.code", read_only=True)
    state_name = serializers.CharField(source="state.name", read_only=True)
    aliases = DistrictAliasSerializer(many=True, read_only=True)

    class Meta:
        model = District
        fields = [
            "code",
            "name",
            "state",
            "state_name",
            "lgd_code",
            "census2011_name",
            "latitude",
            "longitude",
            "pin_count",
            "aliases",
        ]


class PinCodeSerializer(serializers.ModelSerializer[PinCode]):
    district = serializers.CharField(source="district.code", read_only=True, allow_null=True)
    district_name = serializers.CharField(source="district.name", read_only=True, allow_null=True)

    class Meta:
        model = PinCode
        fields = ["pin", "district", "district_name", "latitude", "longitude"]


class ResolveQuerySerializer(serializers.Serializer[None]):
    state = serializers.CharField(max_length=200, help_text="Any spelling or code of the state")
    district = serializers.CharField(
        max_length=200, help_text="Any spelling (India Post, Census 2011, LGD) or LGD code"
    )
