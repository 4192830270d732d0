from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from clusterdev.gazetteer.normalise import normalise
from clusterdev.geography.models import District, PinCode, State


class StateFilterSet(django_filters.FilterSet):
    class Meta:
        model = State
        fields = ["code", "census2011_code", "lgd_code"]


class DistrictFilterSet(django_filters.FilterSet):
    state = django_filters.CharFilter(field_name="state__code", label="State code")
    q = django_filters.CharFilter(method="filter_q", label="Any spelling of the name")

    class Meta:
        model = District
        fields = ["state", "code", "lgd_code", "q"]

    def filter_q(self, queryset: QuerySet[District], name: str, value: str) -> QuerySet[District]:
        key = normalise(value)
        if not key:
            return queryset
        return queryset.filter(
            Q(aliases__normalised__startswith=key) | Q(name__icontains=value.strip())
        ).distinct()


class PinCodeFilterSet(django_filters.FilterSet):
    district = django_filters.CharFilter(field_name="district__code")
    state = django_filters.CharFilter(field_name="district__state__code")

    class Meta:
        model = PinCode
        fields = ["pin", "district", "state"]
