from simple_history.admin import SimpleHistoryAdmin

from django.contrib import admin

from factcheck.claims.models import Article, Claim, ExtractionRun


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "newsroom", "outlet", "published_on", "created_at"]
    list_filter = ["newsroom"]
    search_fields = ["title", "url"]
    readonly_fields = ["content_hash", "created_at", "updated_at"]
    raw_id_fields = ["outlet", "submitted_by"]


@admin.register(ExtractionRun)
class ExtractionRunAdmin(admin.ModelAdmin):
    """Read-only: runs are written by the pipeline."""

    list_display = ["pk", "article", "status", "attempts", "extractor_version", "statements_found", "created_at"]
    list_filter = ["status", "newsroom"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "article", "status", "checkworthiness", "assignee"]
    list_filter = ["status", "newsroom", "checkworthy"]
    search_fields = ["text"]
    raw_id_fields = ["article", "claimant", "assignee"]
    readonly_fields = [
        "article",
        "start",
        "end",
        "text",
        "types",
        "checkworthiness",
        "reasons",
        "quantities",
        "relations",
    ]
