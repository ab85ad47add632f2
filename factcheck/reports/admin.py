from django.contrib import admin

from factcheck.reports.models import ReportExport


@admin.register(ReportExport)
class ReportExportAdmin(admin.ModelAdmin):
    """Read-only: exports are written by the report jobs."""

    list_display = [
        "pk",
        "newsroom",
        "format",
        "internal",
        "status",
        "rows",
        "requested_by",
        "created_at",
        "expired_at",
    ]
    list_filter = ["status", "format", "internal", "newsroom"]
    readonly_fields = [f.name for f in ReportExport._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
