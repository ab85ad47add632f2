"""A malformed link says what is expected, on the submit form and on the evidence form, in a real browser
(both forms are novalidate: the server's message is the one shown)."""

from playwright.sync_api import expect

from django.urls import reverse

from tests.factories import make_article, make_claim

EXPECTED = "Enter a full web address starting with http:// or https://, such as https://example.org/page."
PHONE = {"width": 390, "height": 844}


def test_a_malformed_link_says_what_is_expected(page, live_server, newsroom, checker, as_user, console_errors, shot):
    claim = make_claim(make_article(newsroom))
    as_user(page, checker)

    # the submit form
    page.goto(f"{live_server.url}{reverse('claims:submit')}")
    page.fill("#id_url", "https://news example org/story")
    page.click("main button[type=submit]")
    expect(page.locator("#id_url-error")).to_have_text(EXPECTED)
    shot(page, "url-error-submit-1280")
    page.set_viewport_size(PHONE)
    shot(page, "url-error-submit-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    # the evidence form (htmx)
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    page.fill("input[name=url]", "www.gov example/report")
    page.click("button:has-text('Add evidence')")
    expect(page.locator(".evidence")).to_contain_text(EXPECTED)
    expect(page.locator(".evidence")).not_to_contain_text("Enter a valid URL.")
    shot(page, "url-error-evidence-1280")
    page.set_viewport_size(PHONE)
    shot(page, "url-error-evidence-390")
    assert console_errors == []
