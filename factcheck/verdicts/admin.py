from simple_history.admin import SimpleHistoryAdmin

from django.contrib import admin

from factcheck.verdicts.models import Evidence, RatingScale, Verdict


@admin.register(RatingScale)
class RatingScaleAdmin(admin.ModelAdmin):
    list_display = ["label", "value", "on_scale", "colour", "newsroom", "active"]
    list_filter = ["newsroom", "on_scale"]


@admin.register(Evidence)
class EvidenceAdmin(SimpleHistoryAdmin):
    list_display = ["claim", "source", "stance", "is_primary", "is_private", "added_by", "created_at"]
    list_filter = ["stance", "is_private", "newsroom"]
    raw_id_fields = ["claim", "source"]


@admin.register(Verdict)
class VerdictAdmin(SimpleHistoryAdmin):
    """Read-mostly: the review workflow publishes verdicts; the admin must not bypass it."""

    list_display = ["claim", "rating", "status", "version", "author", "reviewer", "published_at"]
    list_filter = ["status", "newsroom"]
    raw_id_fields = ["claim"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
