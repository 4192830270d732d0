"""Curators and admins extend the catalogue here without a migration."""

from django.contrib import admin

from clusterdev.monitoring import models, services


@admin.register(models.DataElement)
class DataElementAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit", "value_type", "source"]
    list_filter = ["value_type"]
    search_fields = ["code", "name"]

    def has_delete_permission(self, request, obj=None):
        """Elements that values or formulas use stay (formulas never read unknown codes)."""
        if obj is not None and (obj.values.exists() or services.indicators_reading(obj.code)):
            return False
        return super().has_delete_permission(request, obj)


@admin.register(models.Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit", "formula", "source"]
    search_fields = ["code", "name", "formula"]


@admin.register(models.Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["initiative", "label", "start", "end", "approved_at", "approved_by"]
    raw_id_fields = ["initiative", "approved_by"]
    readonly_fields = ["approved_at", "approved_by"]  # approve and unlock on the M&E page


admin.site.register(models.PeriodDecision)
admin.site.register(models.SustainabilityCheck)
