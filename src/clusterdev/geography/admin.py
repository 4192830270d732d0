"""Geography is reference data (reloaded by load_geography): read-only in the admin."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from clusterdev.geography.models import District, PinCode, State


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(State)
class StateAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "census2011_code", "lgd_code"]
    search_fields = ["name", "code"]


@admin.register(District)
class DistrictAdmin(ReadOnlyAdmin):
    list_display = ["name", "state", "code", "lgd_code"]
    list_filter = ["state"]
    search_fields = ["name", "code", "aliases__name", "state__name"]


@admin.register(PinCode)
class PinCodeAdmin(ReadOnlyAdmin):
    list_display = ["pin", "district"]
    search_fields = ["pin"]
