"""Filters shared by the institution list page, its exports and the API."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from clusterdev.geography.models import State
from clusterdev.institutions.choices import Category
from clusterdev.institutions.models import Institution, Role, StatusRow
from clusterdev.registry.filtersets import CodeFilter, without_blanks


class InstitutionFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label="Search")
    category = django_filters.MultipleChoiceFilter(choices=Category.choices)
    state = CodeFilter(
        field_name="state__code",
        to_field_name="code",
        queryset=State.objects.all(),
        label="State",
    )
    role = CodeFilter(
        field_name="roles__code",
        to_field_name="code",
        queryset=Role.objects.all(),
        label="Role or focus",
        distinct=True,
    )
    cluster = django_filters.CharFilter(field_name="clusters__slug", label="Registry cluster slug")

    class Meta:
        model = Institution
        fields = ["q", "category", "state", "role", "cluster"]

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(without_blanks(data), *args, **kwargs)
        for name in ("category", "state", "role"):
            self.filters[name].field.widget = forms.CheckboxSelectMultiple()

    def filter_q(
        self, queryset: QuerySet[Institution], name: str, value: str
    ) -> QuerySet[Institution]:
        for term in value.split()[:8]:
            queryset = queryset.filter(
                Q(name__icontains=term)
                | Q(short_name__icontains=term)
                | Q(slug__icontains=term)
                | Q(description__icontains=term)
                | Q(objective__icontains=term)
            )
        return queryset


class StatusRowFilterSet(django_filters.FilterSet):
    table = django_filters.CharFilter(field_name="table__key")
    institution = django_filters.CharFilter(field_name="institution__slug")
    uncertain = django_filters.BooleanFilter()

    class Meta:
        model = StatusRow
        fields = ["table", "institution", "uncertain"]
