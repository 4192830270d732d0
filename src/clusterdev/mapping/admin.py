from django.contrib import admin

from clusterdev.mapping.models import Candidate, MappingRun


@admin.register(MappingRun)
class MappingRunAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "status", "rules", "engine", "created", "started_by"]
    list_filter = ["status", "rules"]
    readonly_fields = ["progress", "summary", "error", "started", "finished", "out_dir"]


@admin.register(Candidate)
class CandidateAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["product_name", "district", "method", "diff_status", "decision", "units"]
    list_filter = ["diff_status", "decision", "method"]
    raw_id_fields = ["run", "registry_cluster"]
