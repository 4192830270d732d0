"""Curators and admins extend the catalogue here without a migration."""

from django.contrib import admin

from clusterdev.monitoring import models


@admin.register(models.DataElement)
class DataElementAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit", "value_type", "source"]
    list_filter = ["value_type"]
    search_fields = ["code", "name"]


@admin.register(models.Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "unit", "formula", "source"]
    search_fields = ["code", "name", "formula"]


@admin.register(models.Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["initiative", "label", "start", "end", "approved_at", "approved_by"]
    raw_id_fields = ["initiative", "approved_by"]


admin.site.register(models.PeriodDecision)
admin.site.register(models.SustainabilityCheck)
