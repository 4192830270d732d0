"""Curators edit institutions here; every save is recorded by auditlog with the curator."""

from django.contrib import admin

from clusterdev.institutions.models import (
    Institution,
    Role,
    StatusRow,
    StatusTable,
    TimelineEntry,
)


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "kind", "abbreviation", "code"]
    search_fields = ["name", "code"]


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["short_name", "name", "category", "state", "years_of_experience"]
    list_filter = ["category", "implementation_channel"]
    search_fields = ["short_name", "name", "slug"]
    prepopulated_fields = {"slug": ["short_name"]}
    autocomplete_fields = ["clusters", "source", "state"]
    filter_horizontal = ["roles"]


class StatusRowInline(admin.TabularInline):  # type: ignore[type-arg]
    model = StatusRow
    extra = 0
    autocomplete_fields = ["institution", "source"]
    fields = [
        "order",
        "institution",
        "name_as_written",
        "counts_as_written",
        "completed",
        "in_progress",
        "uncertain",
        "source",
        "source_section",
    ]


@admin.register(StatusTable)
class StatusTableAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "as_of", "stated_total"]
    autocomplete_fields = ["source"]
    inlines = [StatusRowInline]


@admin.register(TimelineEntry)
class TimelineEntryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["year", "institution", "listed", "cumulative_clusters"]
    list_filter = ["year", "listed"]
    autocomplete_fields = ["institution", "source"]
