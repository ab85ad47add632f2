"""The admin screens: API tokens (create, shown once, revoke) and webhooks with their delivery log."""

import pytest

from django.urls import reverse

from factcheck.api.models import ApiToken, Webhook, WebhookDelivery, token_digest
from factcheck.api.services import token_create, webhook_create


@pytest.fixture
def admin_client(login, admin_member):
    return login(admin_member)


def test_it_shows_the_token_screen_to_admins(admin_client, newsroom, admin_member):
    token_create(newsroom=newsroom, user=admin_member, name="CMS drafts", role="submit")
    response = admin_client.get(reverse("api:tokens"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "CMS drafts" in html and "Read and submit" in html and "fct_" in html
    assert 'href="/newsroom/api-tokens/"' in html  # the nav link


def test_it_refuses_the_token_screen_to_editors(login, editor):
    assert login(editor).get(reverse("api:tokens")).status_code == 403


def test_it_creates_a_token_and_shows_its_secret_once(admin_client, newsroom):
    # when
    response = admin_client.post(reverse("api:token_create"), {"name": "CMS", "role": "read", "expires_in": "30"})
    # then
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    secret = response.context["created"].secret
    assert secret in response.content.decode()
    token = ApiToken.objects.get()
    assert (token.newsroom, token.role, token.token_hash) == (newsroom, "read", token_digest(secret))
    assert token.expires_at is not None
    assert secret not in admin_client.get(reverse("api:tokens")).content.decode()  # never again


def test_it_re_renders_an_invalid_token_form(admin_client):
    response = admin_client.post(reverse("api:token_create"), {"name": "", "role": "root"})
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"name", "role"}
    assert not ApiToken.objects.exists()


def test_it_revokes_a_token(admin_client, newsroom, admin_member, client):
    created = token_create(newsroom=newsroom, user=admin_member, name="CMS", role="read")
    response = admin_client.post(reverse("api:token_revoke", args=[created.token.pk]))
    assert response.status_code == 302
    created.token.refresh_from_db()
    assert created.token.revoked_at is not None and created.token.revoked_by == admin_member
    answer = client.get("/api/queue", headers={"Authorization": f"Bearer {created.secret}"})
    assert answer.status_code == 401


def test_it_hides_another_newsrooms_token(login, outsider, newsroom, admin_member):
    created = token_create(newsroom=newsroom, user=admin_member, name="CMS", role="read")
    assert login(outsider).post(reverse("api:token_revoke", args=[created.token.pk])).status_code == 404
    created.token.refresh_from_db()
    assert created.token.revoked_at is None


def test_it_answers_405_to_a_get_on_revoke(admin_client, newsroom, admin_member):
    created = token_create(newsroom=newsroom, user=admin_member, name="CMS", role="read")
    assert admin_client.get(reverse("api:token_revoke", args=[created.token.pk])).status_code == 405


def test_it_adds_a_webhook_and_shows_its_secret_once(admin_client, newsroom):
    response = admin_client.post(
        reverse("api:webhook_create"), {"url": "https://hooks.example.org/in", "events": ["verdict.published"]}
    )
    assert response.status_code == 200
    webhook = Webhook.objects.get()
    assert webhook.newsroom == newsroom and webhook.events == ["verdict.published"]
    assert webhook.secret in response.content.decode()
    assert webhook.secret not in admin_client.get(reverse("api:webhooks")).content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9000/x",
        "http://localhost/x",
        "http://hooks.localhost/x",
        "http://10.0.0.8/x",
        "http://[::1]/x",
        "http://printer.local/x",
        "ftp://a.org/",
    ],
)
def test_it_refuses_a_webhook_to_a_private_address(admin_client, url):
    response = admin_client.post(reverse("api:webhook_create"), {"url": url, "events": ["verdict.published"]})
    assert response.status_code == 200
    assert "url" in response.context["form"].errors
    assert not Webhook.objects.exists()


def test_a_refused_webhook_says_why(admin_client):
    response = admin_client.post(
        reverse("api:webhook_create"), {"url": "http://printer.local/x", "events": ["verdict.published"]}
    )
    assert response.context["form"].errors["url"] == [
        "Webhooks are delivered only to public addresses: printer.local is a name on the local network."
    ]


def test_it_pauses_resumes_and_deletes_a_webhook(admin_client, newsroom, admin_member):
    webhook = webhook_create(
        newsroom=newsroom, user=admin_member, url="https://h.example.org/", events=["verdict.published"]
    ).webhook
    admin_client.post(reverse("api:webhook_toggle", args=[webhook.pk]))
    webhook.refresh_from_db()
    assert webhook.active is False
    admin_client.post(reverse("api:webhook_toggle", args=[webhook.pk]))
    webhook.refresh_from_db()
    assert webhook.active is True
    admin_client.post(reverse("api:webhook_delete", args=[webhook.pk]))
    assert not Webhook.objects.exists()


def test_it_shows_the_delivery_log_and_a_delivery(admin_client, newsroom, admin_member):
    webhook = webhook_create(
        newsroom=newsroom, user=admin_member, url="https://h.example.org/", events=["verdict.published"]
    ).webhook
    delivery = WebhookDelivery.objects.create(
        webhook=webhook, event="verdict.published", event_id="v1", payload={"event": "verdict.published"},
        status="failed", attempts=6, response_code=503, error="The receiver answered HTTP 503.",
    )  # fmt: skip
    html = admin_client.get(reverse("api:webhooks")).content.decode()
    assert f"delivery-{delivery.pk}-row" in html and "HTTP 503" in html and "Send again" in html
    detail = admin_client.get(reverse("api:delivery", args=[delivery.pk]))
    assert detail.status_code == 200 and "verdict.published" in detail.content.decode()


def test_it_sends_a_failed_delivery_again(admin_client, newsroom, admin_member, django_capture_on_commit_callbacks):
    webhook = webhook_create(
        newsroom=newsroom, user=admin_member, url="https://h.example.org/", events=["verdict.published"]
    ).webhook
    delivery = WebhookDelivery.objects.create(
        webhook=webhook, event="verdict.published", event_id="v1", payload={}, status="failed", attempts=6
    )
    with django_capture_on_commit_callbacks() as callbacks:
        admin_client.post(reverse("api:delivery_redeliver", args=[delivery.pk]))
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("pending", 0)
    assert len(callbacks) == 1


def test_it_hides_another_newsrooms_webhooks(login, outsider, newsroom, admin_member):
    webhook = webhook_create(
        newsroom=newsroom, user=admin_member, url="https://h.example.org/", events=["verdict.published"]
    ).webhook
    delivery = WebhookDelivery.objects.create(webhook=webhook, event="verdict.published", event_id="v1", payload={})
    client = login(outsider)
    assert "h.example.org" not in client.get(reverse("api:webhooks")).content.decode()
    assert client.get(reverse("api:delivery", args=[delivery.pk])).status_code == 404
    assert client.post(reverse("api:webhook_delete", args=[webhook.pk])).status_code == 404
    assert Webhook.objects.filter(pk=webhook.pk).exists()
