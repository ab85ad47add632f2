"""Writes of the api room: tokens (create, revoke, authenticate, rate-limit) and webhooks.

Webhook deliveries are Job-like rows: `webhook_event_record` creates one per matching webhook (unique
on webhook + event id, so a repeated event converges) and enqueues its task after commit; the task
calls `webhook_deliver`, which posts the signed body through `factcheck.api.outbound`.
"""

import hashlib
import hmac
import json
import logging
import math
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from factcheck.api.models import TOKEN_PREFIX, ApiToken, Webhook, WebhookDelivery, token_digest
from factcheck.core.db import lazy_commit

logger = logging.getLogger(__name__)

TOUCH_EVERY = timezone.timedelta(minutes=1)
SIGNATURE_HEADER = "X-Factcheck-Signature"
TIMESTAMP_HEADER = "X-Factcheck-Timestamp"
EVENT_HEADER = "X-Factcheck-Event"
DELIVERY_HEADER = "X-Factcheck-Delivery"


# --- tokens ---------------------------------------------------------------------------------


@dataclass
class CreatedToken:
    token: ApiToken
    secret: str  # shown once, never stored


@transaction.atomic
def token_create(*, newsroom, user, name, role, expires_at=None) -> CreatedToken:
    """A new token; the returned secret is the only copy (the row keeps its SHA-256)."""
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": "The expiry must be in the future."})
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        newsroom=newsroom,
        name=name.strip(),
        role=role,
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        token_hash=token_digest(secret),
        created_by=user,
        expires_at=expires_at,
    )
    token.full_clean()
    token.save()
    return CreatedToken(token=token, secret=secret)


def token_revoke(*, token, user) -> bool:
    """Revoke a token (conditional UPDATE: revoking twice is harmless). True when this call revoked it."""
    now = timezone.now()
    changed = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=now, revoked_by=user, updated_at=now
    )
    token.refresh_from_db(fields=["revoked_at", "revoked_by"])
    return changed == 1


class TokenRefused(Exception):
    """The bearer token is unknown, revoked or expired (401)."""


def token_authenticate(secret) -> ApiToken:
    """The live token for `secret`, with its newsroom; raises TokenRefused saying why not."""
    if not secret or not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        raise TokenRefused("The bearer token is not a workbench API token.")
    token = ApiToken.objects.select_related("newsroom").filter(token_hash=token_digest(secret)).first()
    if token is None:
        raise TokenRefused("Unknown API token.")
    now = timezone.now()
    state = token.state(now)
    if state != "active":
        raise TokenRefused(f"This API token was {state}.")
    token_touch(token=token, now=now)
    return token


def token_touch(*, token, now):
    """Stamp last_used_at at most once a minute per token: one conditional UPDATE when it is due."""
    if token.last_used_at is not None and now - token.last_used_at < TOUCH_EVERY:
        return
    with lazy_commit():
        ApiToken.objects.filter(pk=token.pk).filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - TOUCH_EVERY)
        ).update(last_used_at=now)
    token.last_used_at = now


# --- rate limits ----------------------------------------------------------------------------

WINDOWS = {"second": 1, "minute": 60, "hour": 3600}


def rate_limit():
    count, unit = settings.API_RATE_LIMIT.split("/")
    return int(count), WINDOWS[unit]


class RateLimited(Exception):
    def __init__(self, retry_after, limit):
        super().__init__(f"Rate limit of {limit} reached.")
        self.retry_after = retry_after
        self.limit = limit


def rate_limit_hit(*, token_id, now=None):
    """Count one call of the token in the current fixed window; raise RateLimited above the limit.

    The counter lives in Django's cache: `add` then `incr`, both atomic in Redis, so processes
    share it. Returns (calls so far, limit, seconds left in the window).
    """
    limit, window = rate_limit()
    now = time.time() if now is None else now
    bucket = int(now // window)
    key = f"api:rate:{token_id}:{window}:{bucket}"
    cache.add(key, 0, timeout=window + 5)
    try:
        calls = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 5)
        calls = 1
    left = max(1, math.ceil((bucket + 1) * window - now))
    if calls > limit:
        raise RateLimited(retry_after=left, limit=settings.API_RATE_LIMIT)
    return calls, limit, left


# --- webhooks -------------------------------------------------------------------------------


def webhook_url_validate(url):
    if not url.lower().startswith(("http://", "https://")):
        raise ValidationError({"url": "Only http and https URLs can receive webhooks."})


@dataclass
class CreatedWebhook:
    webhook: Webhook
    secret: str  # shown once on the screen; stored to sign deliveries


@transaction.atomic
def webhook_create(*, newsroom, user, url, events) -> CreatedWebhook:
    webhook_url_validate(url)
    unknown = set(events) - set(Webhook.Event.values)
    if not events or unknown:
        raise ValidationError({"events": "Pick at least one event."})
    secret = "whsec_" + secrets.token_urlsafe(32)
    webhook = Webhook(newsroom=newsroom, url=url, secret=secret, events=sorted(events), created_by=user)
    webhook.full_clean()
    webhook.save()
    return CreatedWebhook(webhook=webhook, secret=secret)


def webhook_set_active(*, webhook, active) -> Webhook:
    Webhook.objects.filter(pk=webhook.pk).update(active=active, updated_at=timezone.now())
    webhook.active = active
    return webhook


def webhook_delete(*, webhook):
    webhook.delete()


def webhooks_wanting(*, newsroom_id, event) -> list[Webhook]:
    """The newsroom's active webhooks that asked for `event` (one query)."""
    hooks = Webhook.objects.filter(newsroom_id=newsroom_id, active=True)
    return [h for h in hooks if event in h.events]  # few per newsroom; JSON `contains` is not portable


def webhook_event_record(*, newsroom_id, event, event_id, data, hooks=None) -> list[WebhookDelivery]:
    """One PENDING delivery per active webhook of the newsroom that wants `event`; each sent after commit.

    Idempotent on (webhook, event_id). Called by the signal receivers, after the sender's commit.
    `data` may be a callable: it is then built only when some webhook wants the event. `hooks`: the
    newsroom's webhooks wanting `event`, when the caller already read them (webhooks_wanting).
    """
    created = []
    wanted = webhooks_wanting(newsroom_id=newsroom_id, event=event) if hooks is None else hooks
    if wanted and callable(data):
        data = data()
    for webhook in wanted:
        payload = {
            "id": f"{event_id}",
            "event": event,
            "created_at": timezone.now(),
            "newsroom": newsroom_id,
            "data": data,
        }
        payload = json.loads(json.dumps(payload, cls=DjangoJSONEncoder))
        try:
            with transaction.atomic():
                delivery = WebhookDelivery.objects.create(
                    webhook=webhook, event=event, event_id=event_id, payload=payload
                )
        except IntegrityError:
            continue  # already recorded for this webhook
        transaction.on_commit(lambda pk=delivery.pk: webhook_delivery_enqueue(delivery_id=pk))
        created.append(delivery)
    return created


def webhook_delivery_enqueue(*, delivery_id, countdown=None):
    from factcheck.api.tasks import api_webhook_deliver_task

    try:
        api_webhook_deliver_task.apply_async((delivery_id,), countdown=countdown)
    except Exception as exc:  # broker down: the row stays PENDING
        logger.warning("could not enqueue webhook delivery %s: %s", delivery_id, exc)
        return False
    return True


def webhook_signature(secret, timestamp, body: bytes) -> str:
    """HMAC-SHA256 over "<timestamp>.<body>", hex: what X-Factcheck-Signature carries after "sha256="."""
    signed = str(timestamp).encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()


def webhook_body(delivery) -> bytes:
    return json.dumps(delivery.payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class DeliveryRetry(Exception):
    """A transient failure: the task retries the delivery after `countdown` seconds."""

    def __init__(self, countdown, message):
        super().__init__(message)
        self.countdown = countdown


def retry_delay(attempt):
    """Back-off before the next attempt: base, 2×base, 4×base … capped at an hour."""
    return min(3600, settings.WEBHOOK_RETRY_BASE_SECONDS * 2 ** max(0, attempt - 1))


def webhook_deliver(*, delivery_id, post=None, retry_allowed=True):
    """Send one delivery. Returns the delivery, or None when it is gone or already finished.

    2xx → SUCCEEDED. A network error, 429 or 5xx → raises DeliveryRetry until WEBHOOK_MAX_ATTEMPTS,
    then FAILED. Any other status (a 4xx: the receiver refuses it) or a refused address → FAILED now.
    """
    from factcheck.api.outbound import OutboundRefused, post_json

    post = post or post_json
    Status = WebhookDelivery.Status
    now = timezone.now()
    taken = WebhookDelivery.objects.filter(pk=delivery_id, status__in=[Status.PENDING, Status.RUNNING]).update(
        status=Status.RUNNING, last_attempt_at=now, updated_at=now
    )
    if taken != 1:
        return None
    delivery = WebhookDelivery.objects.select_related("webhook").get(pk=delivery_id)
    webhook = delivery.webhook
    attempt = delivery.attempts + 1
    body = webhook_body(delivery)
    stamp = int(time.time())
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "FactcheckWorkbench-Webhooks/1.0",
        SIGNATURE_HEADER: "sha256=" + webhook_signature(webhook.secret, stamp, body),
        TIMESTAMP_HEADER: str(stamp),
        EVENT_HEADER: delivery.event,
        DELIVERY_HEADER: str(delivery.pk),
    }
    code, error, transient = None, "", False
    if not webhook.active:
        error = "The webhook was switched off before this delivery was sent."
    else:
        try:
            code = post(webhook.url, body, headers, timeout=settings.WEBHOOK_TIMEOUT)
        except OutboundRefused as exc:
            error = str(exc)
        except OSError as exc:  # connection refused, timeout, DNS, TLS
            error, transient = f"{exc.__class__.__name__}: {str(exc)[:300]}", True
        else:
            if not 200 <= code < 300:
                error = f"The receiver answered HTTP {code}."
                transient = code == 429 or code >= 500
    fields = {"attempts": attempt, "response_code": code, "error": error, "updated_at": timezone.now()}
    if code is not None and 200 <= code < 300:
        fields.update(status=Status.SUCCEEDED, delivered_at=timezone.now())
    elif transient and retry_allowed and attempt < settings.WEBHOOK_MAX_ATTEMPTS:
        fields.update(status=Status.PENDING)
    else:
        fields.update(status=Status.FAILED)
    WebhookDelivery.objects.filter(pk=delivery.pk, status=Status.RUNNING).update(**fields)
    delivery.refresh_from_db()
    if delivery.status == Status.PENDING:
        raise DeliveryRetry(retry_delay(attempt), error)
    return delivery


SWEEP_GRACE = timezone.timedelta(minutes=5)


def webhook_sweep(*, now=None) -> int:
    """Send again the PENDING deliveries whose message was lost (broker down at commit, Redis restarted).

    A delivery waiting for its back-off is left alone until that back-off plus SWEEP_GRACE has passed;
    a second message for one that is merely late is harmless (the first task to take it wins).
    """
    now = now or timezone.now()
    sent = 0
    pending = WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING, updated_at__lt=now - SWEEP_GRACE)
    for pk, attempts, updated_at in pending.values_list("pk", "attempts", "updated_at")[:500]:
        due = updated_at + timezone.timedelta(seconds=retry_delay(attempts) if attempts else 0) + SWEEP_GRACE
        if due <= now and webhook_delivery_enqueue(delivery_id=pk):
            sent += 1
    return sent


def webhook_redeliver(*, delivery) -> bool:
    """An admin sends a FAILED delivery again (attempts start over)."""
    Status = WebhookDelivery.Status
    changed = WebhookDelivery.objects.filter(pk=delivery.pk, status=Status.FAILED).update(
        status=Status.PENDING, attempts=0, error="", updated_at=timezone.now()
    )
    if changed:
        transaction.on_commit(lambda: webhook_delivery_enqueue(delivery_id=delivery.pk))
    return changed == 1
