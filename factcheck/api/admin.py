"""Platform operators only (see newsrooms/admin.py): newsroom admins manage tokens and webhooks in the app."""

from django.contrib import admin

from factcheck.api.models import ApiToken, Webhook, WebhookDelivery


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "prefix", "newsroom", "role", "created_at", "expires_at", "last_used_at", "revoked_at"]
    list_filter = ["role", "newsroom"]
    readonly_fields = ["prefix", "token_hash", "last_used_at", "created_by", "revoked_by"]


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    list_display = ["url", "newsroom", "events", "active", "created_at"]
    list_filter = ["active", "newsroom"]
    exclude = ["secret"]


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = ["pk", "event", "webhook", "status", "attempts", "response_code", "created_at"]
    list_filter = ["status", "event"]
    readonly_fields = ["webhook", "event", "event_id", "payload", "attempts", "response_code", "error"]
