"""The admin screens of the API: tokens (create, show once, revoke) and webhooks with their delivery log.

Newsroom admins only (403 for other members); another newsroom's ids answer 404.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from factcheck.api.forms import TokenCreateForm, WebhookCreateForm
from factcheck.api.models import ApiToken, Webhook, WebhookDelivery
from factcheck.api.services import (
    token_create,
    token_revoke,
    webhook_create,
    webhook_delete,
    webhook_redeliver,
    webhook_set_active,
)
from factcheck.core.forms import secret_once_create
from factcheck.newsrooms.access import get_for_member, get_member_with

LOG_SIZE = 100


# --- tokens ---------------------------------------------------------------------------------


def _render_tokens(request, admin, *, form=None, created=None):
    tokens = list(ApiToken.objects.for_newsroom(admin.newsroom).select_related("created_by", "revoked_by"))
    now = timezone.now()
    for token in tokens:
        token.current_state = token.state(now)
    context = {"tokens": tokens, "form": form or TokenCreateForm(), "created": created}
    return render(request, "api/tokens.html", context)


@require_GET
@login_required
def token_list(request):
    admin = get_member_with(request, "admin")
    return _render_tokens(request, admin)


@require_POST
@login_required
@never_cache  # the answer shows the token's secret once
def token_create_view(request):
    admin = get_member_with(request, "admin")

    def create(data):
        days = data["expires_in"]
        expires_at = timezone.now() + timezone.timedelta(days=days) if days else None
        return token_create(
            newsroom=admin.newsroom, user=request.user, name=data["name"], role=data["role"], expires_at=expires_at
        )

    return secret_once_create(
        TokenCreateForm(request.POST), create, lambda **shown: _render_tokens(request, admin, **shown)
    )


@require_POST
@login_required
def token_revoke_view(request, pk):
    token = get_for_member(request, ApiToken.objects.all(), pk, level="admin")
    if token_revoke(token=token, user=request.user):
        messages.success(request, f"Token “{token.name}” was revoked: calls with it now get 401.")
    else:
        messages.info(request, f"Token “{token.name}” was already revoked.")
    return redirect("api:tokens")


# --- webhooks -------------------------------------------------------------------------------


def _render_webhooks(request, admin, *, form=None, created=None):
    webhooks = list(Webhook.objects.for_newsroom(admin.newsroom))
    deliveries = list(
        WebhookDelivery.objects.filter(webhook__newsroom=admin.newsroom)
        .select_related("webhook")
        .defer("payload")
        .order_by("-created_at", "-pk")[:LOG_SIZE]
    )
    context = {
        "webhooks": webhooks,
        "deliveries": deliveries,
        "log_size": LOG_SIZE,
        "form": form or WebhookCreateForm(),
        "created": created,
    }
    return render(request, "api/webhooks.html", context)


@require_GET
@login_required
def webhook_list(request):
    admin = get_member_with(request, "admin")
    return _render_webhooks(request, admin)


@require_POST
@login_required
@never_cache  # the answer shows the signing secret once
def webhook_create_view(request):
    admin = get_member_with(request, "admin")
    return secret_once_create(
        WebhookCreateForm(request.POST),
        lambda data: webhook_create(newsroom=admin.newsroom, user=request.user, **data),
        lambda **shown: _render_webhooks(request, admin, **shown),
    )


@require_POST
@login_required
def webhook_toggle(request, pk):
    webhook = get_for_member(request, Webhook.objects.all(), pk, level="admin")
    webhook_set_active(webhook=webhook, active=not webhook.active)
    messages.success(request, f"Deliveries to {webhook.url} {'resumed' if webhook.active else 'paused'}.")
    return redirect("api:webhooks")


@require_POST
@login_required
def webhook_delete_view(request, pk):
    webhook = get_for_member(request, Webhook.objects.all(), pk, level="admin")
    webhook_delete(webhook=webhook)
    messages.success(request, f"Webhook {webhook.url} was deleted with its delivery log.")
    return redirect("api:webhooks")


@require_GET
@login_required
def delivery_detail(request, pk):
    delivery = get_for_member(
        request, WebhookDelivery.objects.select_related("webhook"), pk, level="admin", newsroom_path="webhook__newsroom"
    )
    delivery.payload_pretty = json.dumps(delivery.payload, indent=2, ensure_ascii=False)
    return render(request, "api/delivery.html", {"delivery": delivery})


@require_POST
@login_required
def delivery_redeliver(request, pk):
    delivery = get_for_member(
        request, WebhookDelivery.objects.select_related("webhook"), pk, level="admin", newsroom_path="webhook__newsroom"
    )
    if webhook_redeliver(delivery=delivery):
        messages.success(request, "The delivery was queued again.")
    else:
        messages.info(request, "Only a failed delivery can be sent again.")
    return redirect("api:webhooks")
