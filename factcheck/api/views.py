"""The admin screens of the API: tokens (create, show once, revoke) and webhooks with their delivery log.

Newsroom admins only (403 for other members); another newsroom's ids answer 404.
"""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
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
from factcheck.newsrooms.access import get_membership, require_admin

LOG_SIZE = 100


def _get_admin_membership(request):
    membership = get_membership(request)
    require_admin(membership)
    return membership


def _get_token_for_admin(request, pk):
    admin = _get_admin_membership(request)
    return get_object_or_404(ApiToken.objects.for_newsroom(admin.newsroom), pk=pk)


def _get_webhook_for_admin(request, pk):
    admin = _get_admin_membership(request)
    return get_object_or_404(Webhook.objects.for_newsroom(admin.newsroom), pk=pk)


def _get_delivery_for_admin(request, pk):
    admin = _get_admin_membership(request)
    return get_object_or_404(
        WebhookDelivery.objects.filter(webhook__newsroom=admin.newsroom).select_related("webhook"), pk=pk
    )


def _message(exc):
    return " ".join(exc.messages)


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
    admin = _get_admin_membership(request)
    return _render_tokens(request, admin)


@require_POST
@login_required
@never_cache  # the answer shows the token's secret once
def token_create_view(request):
    admin = _get_admin_membership(request)
    form = TokenCreateForm(request.POST)
    if form.is_valid():
        days = form.cleaned_data["expires_in"]
        try:
            created = token_create(
                newsroom=admin.newsroom,
                user=request.user,
                name=form.cleaned_data["name"],
                role=form.cleaned_data["role"],
                expires_at=timezone.now() + timezone.timedelta(days=days) if days else None,
            )
        except ValidationError as exc:
            form.add_error(None, _message(exc))
        else:
            # Rendered, not redirected: the secret must not travel through the session or a cookie.
            return _render_tokens(request, admin, created=created)
    return _render_tokens(request, admin, form=form)


@require_POST
@login_required
def token_revoke_view(request, pk):
    token = _get_token_for_admin(request, pk)
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
    admin = _get_admin_membership(request)
    return _render_webhooks(request, admin)


@require_POST
@login_required
@never_cache  # the answer shows the signing secret once
def webhook_create_view(request):
    admin = _get_admin_membership(request)
    form = WebhookCreateForm(request.POST)
    if form.is_valid():
        try:
            created = webhook_create(newsroom=admin.newsroom, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, _message(exc))
        else:
            return _render_webhooks(request, admin, created=created)
    return _render_webhooks(request, admin, form=form)


@require_POST
@login_required
def webhook_toggle(request, pk):
    webhook = _get_webhook_for_admin(request, pk)
    webhook_set_active(webhook=webhook, active=not webhook.active)
    messages.success(request, f"Deliveries to {webhook.url} {'resumed' if webhook.active else 'paused'}.")
    return redirect("api:webhooks")


@require_POST
@login_required
def webhook_delete_view(request, pk):
    webhook = _get_webhook_for_admin(request, pk)
    webhook_delete(webhook=webhook)
    messages.success(request, f"Webhook {webhook.url} was deleted with its delivery log.")
    return redirect("api:webhooks")


@require_GET
@login_required
def delivery_detail(request, pk):
    delivery = _get_delivery_for_admin(request, pk)
    delivery.payload_pretty = json.dumps(delivery.payload, indent=2, ensure_ascii=False)
    return render(request, "api/delivery.html", {"delivery": delivery})


@require_POST
@login_required
def delivery_redeliver(request, pk):
    delivery = _get_delivery_for_admin(request, pk)
    if webhook_redeliver(delivery=delivery):
        messages.success(request, "The delivery was queued again.")
    else:
        messages.info(request, "Only a failed delivery can be sent again.")
    return redirect("api:webhooks")
