"""Filters shared by the cluster list page, its exports and the API."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from clusterdev.geography.models import District, State
from clusterdev.registry.choices import SizeBand, Status, Typology
from clusterdev.registry.models import (
    Cluster,
    Estimate,
    NationalFigure,
    Source,
    nic_code_validator,
)

SORTS = {
    "name": ("name", "Name (A–Z)"),
    "-name": ("-name", "Name (Z–A)"),
    "-units": ("-headline_units", "Most units"),
    "units": ("headline_units", "Fewest units"),
    "-employment": ("-headline_employment", "Most employment"),
    "-updated": ("-last_updated", "Recently changed"),
}


def without_blanks(data: Any) -> Any:
    """Drop empty values, so an untouched form field (``district=``) filters nothing."""
    if data is None or not hasattr(data, "getlist"):
        return data
    cleaned = data.copy()
    for key in list(cleaned.keys()):
        values = [value for value in cleaned.getlist(key) if value.strip()]
        if values:
            cleaned.setlist(key, values)
        else:
            del cleaned[key]
    return cleaned


def search_terms(queryset: QuerySet[Any], value: str, field: str) -> QuerySet[Any]:
    """Every word must appear (any case) in ``field``; works the same on SQLite and PostgreSQL."""
    for term in value.lower().split()[:8]:
        queryset = queryset.filter(**{f"{field}__contains": term})
    return queryset


@extend_schema_field(OpenApiTypes.STR)
class CodeFilter(django_filters.ModelMultipleChoiceFilter):
    """Rows chosen by code (repeat the parameter for several); the schema says: strings."""


class ClusterFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="Search")
    state = CodeFilter(
        field_name="districts__state__code",
        to_field_name="code",
        queryset=State.objects.all(),
        label="State",
        distinct=True,
    )
    district = CodeFilter(
        field_name="districts__code",
        to_field_name="code",
        queryset=District.objects.all(),
        label="District",
        distinct=True,
    )
    typology = django_filters.MultipleChoiceFilter(choices=Typology.choices)
    status = django_filters.MultipleChoiceFilter(choices=Status.choices)
    size_band = django_filters.MultipleChoiceFilter(choices=SizeBand.choices, label="Size")
    nic = django_filters.CharFilter(
        method="filter_nic",
        label="NIC 2008 code",
        help_text="Any level: 2-digit division to 5-digit subclass; matches codes below it.",
        validators=[nic_code_validator],
    )
    min_units = django_filters.NumberFilter(field_name="headline_units", lookup_expr="gte")
    max_units = django_filters.NumberFilter(field_name="headline_units", lookup_expr="lte")
    country = django_filters.CharFilter(field_name="country", lookup_expr="iexact")
    source = django_filters.CharFilter(field_name="source__key", label="Source key")
    sort = django_filters.ChoiceFilter(
        method="filter_sort",
        choices=[(key, label) for key, (_, label) in SORTS.items()],
        empty_label=None,
        label="Sort",
    )

    class Meta:
        model = Cluster
        fields = ["q", "state", "district", "typology", "status", "size_band", "nic", "country"]

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(without_blanks(data), *args, **kwargs)
        # Only the districts asked for are needed to validate; do not load ~750 as choices.
        self.filters["district"].queryset = District.objects.select_related("state")
        for name in ("typology", "status", "size_band", "state"):
            self.filters[name].field.widget = forms.CheckboxSelectMultiple()

    def filter_q(self, queryset: QuerySet[Cluster], name: str, value: str) -> QuerySet[Cluster]:
        return search_terms(queryset, value, "search_text")

    def filter_nic(self, queryset: QuerySet[Cluster], name: str, value: str) -> QuerySet[Cluster]:
        return queryset.filter(nic_codes__code__startswith=value.strip()).distinct()

    def filter_sort(self, queryset: QuerySet[Cluster], name: str, value: str) -> QuerySet[Cluster]:
        order = SORTS.get(value, SORTS["name"])[0]
        return queryset.order_by(order, "name", "pk")


class EstimateFilterSet(django_filters.FilterSet):
    cluster = django_filters.CharFilter(field_name="cluster__slug")
    source = django_filters.CharFilter(field_name="source__key")
    year = django_filters.NumberFilter()
    year_min = django_filters.NumberFilter(field_name="year", lookup_expr="gte")
    year_max = django_filters.NumberFilter(field_name="year", lookup_expr="lte")
    is_preferred = django_filters.BooleanFilter()

    class Meta:
        model = Estimate
        fields = ["cluster", "source", "year", "is_preferred"]


class SourceFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="Search")

    class Meta:
        model = Source
        fields = ["q", "year", "key"]

    def filter_q(self, queryset: QuerySet[Source], name: str, value: str) -> QuerySet[Source]:
        for term in value.split()[:8]:
            queryset = queryset.filter(
                Q(title__icontains=term) | Q(author_or_publisher__icontains=term)
            )
        return queryset


class NationalFigureFilterSet(django_filters.FilterSet):
    class Meta:
        model = NationalFigure
        fields = ["group", "measure", "estimator", "year"]
