"""Curators edit the registry here; every save is recorded by auditlog with the curator."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from clusterdev.registry.models import (
    Breakdown,
    BreakdownItem,
    Cluster,
    Estimate,
    NationalFigure,
    NicCode,
    Source,
)


class EstimateInline(admin.StackedInline):  # type: ignore[type-arg]
    model = Estimate
    extra = 0
    autocomplete_fields = ["source"]
    fields = [
        ("source", "source_section", "year"),
        ("units", "employment", "looms"),
        ("turnover_inr_crore", "exports_inr_crore", "investment_inr_crore"),
        ("method", "is_preferred", "preferred_reason"),
        "notes",
    ]


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "typology", "status", "headline_units", "headline_employment"]
    list_filter = ["status", "typology", "size_band", "country"]
    search_fields = ["name", "product", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["districts", "nic_codes", "source"]
    readonly_fields = ["headline_units", "headline_employment", "size_band"]
    inlines = [EstimateInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "status", "typology", "product", "nic_codes"]}),
        ("Place", {"fields": ["country", "districts", ("latitude", "longitude"), "footprint"]}),
        (
            "Description and source",
            {"fields": ["description", "source", "source_section", "external_ids"]},
        ),
        ("Headline (from the preferred or latest estimate)", {"fields": readonly_fields}),
    ]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        form.instance.refresh_headline()
        form.instance.refresh_search_text()


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "author_or_publisher", "year", "licence"]
    search_fields = ["key", "title", "author_or_publisher"]
    prepopulated_fields = {"key": ["title"]}


@admin.register(NicCode)
class NicCodeAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["code", "title", "level"]
    list_filter = ["level", "section"]
    search_fields = ["code", "title"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(NationalFigure)
class NationalFigureAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["group_title", "estimator", "measure", "value", "unit"]
    list_filter = ["group"]
    autocomplete_fields = ["source"]


class BreakdownItemInline(admin.TabularInline):  # type: ignore[type-arg]
    model = BreakdownItem
    extra = 0
    autocomplete_fields = ["source"]


@admin.register(Breakdown)
class BreakdownAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "stated_total", "computed_total", "difference"]
    autocomplete_fields = ["source"]
    inlines = [BreakdownItemInline]
