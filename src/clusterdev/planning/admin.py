"""Admins see and tidy saved scenarios; owners manage their own on the planner pages."""

from django.contrib import admin

from clusterdev.planning.models import SavedScenario


@admin.register(SavedScenario)
class SavedScenarioAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "slug", "owner", "last_updated"]
    search_fields = ["name", "slug", "owner__username"]
    readonly_fields = ["created", "last_updated"]
    raw_id_fields = ["owner"]
