from django.contrib import admin

from clusterdev.initiatives import models


class StepRecordInline(admin.TabularInline):
    model = models.StepRecord
    extra = 0


@admin.register(models.Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["title", "institution", "cluster", "status", "step", "published"]
    list_filter = ["status", "step", "published"]
    search_fields = ["title"]
    raw_id_fields = ["institution", "cluster", "ta"]
    filter_horizontal = ["cdas"]
    readonly_fields = ["step"]  # moved only through the gate (advance), never typed in
    inlines = [StepRecordInline]


admin.site.register(models.InstitutionMembership)
admin.site.register(models.StepReview)
admin.site.register(models.TrustEvent)
admin.site.register(models.SelectionScore)
