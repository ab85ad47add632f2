"""API & webhooks in a browser: an admin creates a token, sees it once, uses it, revokes it; the
webhook delivery log; the API docs page listing every endpoint offline under the site's CSP."""

import json
import urllib.error
import urllib.request

from playwright.sync_api import expect

from factcheck.api.models import ApiToken, WebhookDelivery
from factcheck.api.services import webhook_create

ENDPOINTS = ["/api/articles", "/api/articles/{article_id}", "/api/queue", "/api/verdicts"]


def _get(url, token):
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - the live test server
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_an_admin_creates_a_token_sees_it_once_and_revokes_it(
    page, live_server, newsroom, admin_member, as_user, console_errors, shot
):
    # given a newsroom admin in the app
    as_user(page, admin_member)

    # when they open API & webhooks from the nav and create a submit token
    page.click("nav >> text=Settings")
    page.click("nav >> text=API & webhooks")
    expect(page.locator("h1")).to_have_text("API & webhooks")
    page.fill("#id_name", "CMS drafts")
    page.select_option("#id_role", "submit")
    page.select_option("#id_expires_in", "90")
    page.click("#token-add button[type=submit]")

    # then the secret is shown once, works against the API, and only its hash is stored
    expect(page.locator(".created-member h2")).to_have_text("Token “CMS drafts” created")
    secret = page.locator("#token-secret").inner_text().strip()
    token = ApiToken.objects.get()
    assert secret.startswith(token.prefix) and token.role == "submit"
    expect(page.locator(f"#token-{token.pk}-state")).to_have_text("active")
    shot(page, "80-api-token-created")
    status, body = _get(f"{live_server.url}/api/queue", secret)
    assert status == 200 and body == {"items": [], "next_cursor": None}

    # and it is not shown again
    page.click("nav >> text=Settings")
    page.click("nav >> text=API & webhooks")
    expect(page.locator("#token-secret")).to_have_count(0)
    assert secret not in page.content()

    # when they click Revoke and answer no to the question, nothing changes
    console_errors.accept_confirms = False
    page.click(f"#token-{token.pk}-row button:text('Revoke')")
    assert console_errors.confirms == ["Revoke the token “CMS drafts”? Anything that uses it stops working at once."]
    expect(page.locator(f"#token-{token.pk}-state")).to_have_text("active")
    token.refresh_from_db()
    assert token.revoked_at is None

    # when they revoke it, answering yes
    console_errors.accept_confirms = True
    page.click(f"#token-{token.pk}-row button:text('Revoke')")

    # then the screen says so and the API refuses the token
    expect(page.locator(".flash-success")).to_contain_text("was revoked")
    expect(page.locator(f"#token-{token.pk}-state")).to_have_text("revoked")
    shot(page, "81-api-token-revoked")
    status, body = _get(f"{live_server.url}/api/queue", secret)
    assert status == 401 and body["error"]["code"] == "unauthorized"
    assert console_errors == []


def test_an_admin_adds_a_webhook_and_reads_the_delivery_log(
    page, live_server, newsroom, admin_member, as_user, console_errors, shot
):
    # given a webhook with a delivered and a failed delivery
    webhook = webhook_create(
        newsroom=newsroom,
        user=admin_member,
        url="https://cms.example.org/hooks/factcheck",
        events=["verdict.published"],
    ).webhook
    WebhookDelivery.objects.create(
        webhook=webhook, event="verdict.published", event_id="verdict-1", payload={"event": "verdict.published"},
        status="succeeded", attempts=1, response_code=200,
    )  # fmt: skip
    failed = WebhookDelivery.objects.create(
        webhook=webhook, event="verdict.published", event_id="verdict-2", payload={"event": "verdict.published"},
        status="failed", attempts=6, response_code=503, error="The receiver answered HTTP 503.",
    )  # fmt: skip
    as_user(page, admin_member)

    # when they open the webhooks tab and add another webhook
    page.click("nav >> text=Settings")
    page.click("nav >> text=API & webhooks")
    page.click(".subnav >> text=Webhooks")
    expect(page.locator(f"#delivery-{failed.pk}-status")).to_have_text("failed")
    page.fill("#id_url", "https://newsletter.example.org/in")
    page.check("input[value='extraction.finished']")
    page.click("#webhook-add button[type=submit]")

    # then the signing secret is shown once and the log is listed
    expect(page.locator("#webhook-secret")).to_contain_text("whsec_")
    expect(page.locator("#webhooks")).to_contain_text("newsletter.example.org")
    shot(page, "82-webhooks-delivery-log")

    # and a failed delivery can be opened and sent again
    page.click(f"#delivery-{failed.pk}-row a")
    expect(page.locator("h1")).to_have_text(f"Delivery {failed.pk}")
    expect(page.locator(".payload")).to_contain_text("verdict.published")
    shot(page, "83-webhook-delivery")
    assert console_errors == []


def test_the_api_docs_page_lists_every_endpoint_offline(page, live_server, db, console_errors, shot):
    # given no network beyond the test server: any other request would fail
    outside = []
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(live_server.url)
            else (outside.append(route.request.url), route.abort())
        ),
    )
    # when
    page.goto(f"{live_server.url}/api/docs")
    # then every operation of the schema is listed
    expect(page.locator(".opblock").first).to_be_visible()
    for path in ENDPOINTS:
        expect(page.locator(f".opblock-summary-path[data-path='{path}']")).to_have_count(1)
    expect(page.locator(".opblock")).to_have_count(len(ENDPOINTS))
    shot(page, "84-api-docs")
    assert outside == []
    assert console_errors == []


def test_the_api_docs_page_has_the_top_bar_and_a_breadcrumb(
    page, live_server, admin_member, as_user, console_errors, shot
):
    as_user(page, admin_member)
    for name, viewport in (("desktop", {"width": 1280, "height": 900}), ("phone", {"width": 390, "height": 844})):
        # when an admin opens the docs on a desktop and on a phone
        page.set_viewport_size(viewport)
        page.goto(f"{live_server.url}/api/docs")
        expect(page.locator(".opblock").first).to_be_visible()
        shot(page, f"api-docs-{name}")
        # then the app's top bar and a breadcrumb back to API & webhooks are there, within the screen
        if name == "desktop":
            expect(page.locator("header.topbar nav[aria-label=Main]")).to_be_visible()
        else:  # a phone folds the links under "Menu"
            expect(page.locator("header.topbar #mainmenu > summary")).to_be_visible()
            page.locator("#mainmenu > summary").click()
            expect(page.locator("header.topbar nav[aria-label=Main]")).to_be_visible()
            shot(page, "api-docs-phone-menu")
            page.locator("#mainmenu > summary").click()
        expect(page.locator("nav.crumbs a")).to_have_text("API & webhooks")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], name
    page.click("nav.crumbs a")
    expect(page.locator("h1")).to_contain_text("API")
    assert console_errors == []
