"""Routes of the api app for the URL matrix (tests/core/test_url_matrix.py).

ROUTES: URL name → function building its kwargs from the `world` dict (rows of newsroom A: article,
claim, source, evidence, verdict; create extra rows inside the function). POLICY: URL name → (least
role for GET, least role for POST), None when the method is not served. PUBLIC: routes that need no
session login (token-authenticated API routes, public pages); SPECIAL as in test_url_matrix.py.

The JSON API (namespace api:v1) ignores sessions: it is listed in PUBLIC only, without kwargs
builders, and tests/api/test_api.py checks each endpoint × token role × another newsroom's token.
"""


def _token(world):
    from factcheck.api.services import token_create

    newsroom = world["article"].newsroom
    return token_create(newsroom=newsroom, user=None, name="matrix", role="read").token


def _webhook(world):
    from factcheck.api.models import Webhook

    newsroom = world["article"].newsroom
    return Webhook.objects.create(newsroom=newsroom, url="https://hooks.example.org/in", secret="s", events=["x"])


def _delivery(world):
    from factcheck.api.models import WebhookDelivery

    return WebhookDelivery.objects.create(
        webhook=_webhook(world), event="verdict.published", event_id="matrix", payload={}
    )


ROUTES = {
    "api:tokens": lambda w: {},
    "api:token_create": lambda w: {},
    "api:token_revoke": lambda w: {"pk": _token(w).pk},
    "api:webhooks": lambda w: {},
    "api:webhook_create": lambda w: {},
    "api:webhook_toggle": lambda w: {"pk": _webhook(w).pk},
    "api:webhook_delete": lambda w: {"pk": _webhook(w).pk},
    "api:delivery": lambda w: {"pk": _delivery(w).pk},
    "api:delivery_redeliver": lambda w: {"pk": _delivery(w).pk},
}
POLICY = {
    "api:tokens": ("admin", None),
    "api:token_create": (None, "admin"),
    "api:token_revoke": (None, "admin"),
    "api:webhooks": ("admin", None),
    "api:webhook_create": (None, "admin"),
    "api:webhook_toggle": (None, "admin"),
    "api:webhook_delete": (None, "admin"),
    "api:delivery": ("admin", None),
    "api:delivery_redeliver": (None, "admin"),
}
# Bearer-token routes (401 without a token) and the public schema and docs pages.
PUBLIC = {
    "api:v1:api-root",
    "api:v1:openapi-json",
    "api:v1:openapi-view",
    "api:v1:submit_article",
    "api:v1:get_article",
    "api:v1:get_queue",
    "api:v1:get_verdicts",
}
SPECIAL = {}
