from django.contrib import admin

from factcheck.factchecks.models import ClaimMatch, KnownFactCheck


@admin.register(KnownFactCheck)
class KnownFactCheckAdmin(admin.ModelAdmin):
    list_display = ["claim_text", "rating", "reviewer", "published_on", "origin", "newsroom"]
    list_filter = ["newsroom", "origin"]
    search_fields = ["claim_text", "reviewer", "claimant", "url"]
    readonly_fields = ["key", "verdict", "source_claim", "created_at", "updated_at"]
    list_select_related = ["newsroom"]


@admin.register(ClaimMatch)
class ClaimMatchAdmin(admin.ModelAdmin):
    list_display = ["claim", "known", "score", "method", "newsroom"]
    list_filter = ["newsroom", "method"]
    raw_id_fields = ["claim", "known"]
    list_select_related = ["newsroom", "claim", "known"]
