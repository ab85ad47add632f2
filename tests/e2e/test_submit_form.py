"""The submit form in a browser: a paste longer than the limit is counted, kept whole and refused with its length."""

from playwright.sync_api import expect

from django.urls import reverse

from factcheck.claims.models import Article


def test_a_long_paste_is_counted_kept_and_refused_whole(
    page, live_server, checker, as_user, console_errors, shot, settings
):
    settings.ARTICLE_MAX_CHARS = 1_000
    as_user(page, checker)
    page.goto(f"{live_server.url}{reverse('claims:submit')}")
    body = "Port traffic rose 4% to 1.2m containers last year. " * 25  # 1,275 characters
    page.fill("#id_body", body)
    # the count follows the text, and says by how much it is over
    expect(page.locator("#id_body-count")).to_have_text("1,275 of 1,000 characters: 275 over the limit")
    expect(page.locator("#id_body-count")).to_have_class("help char-count error")
    assert len(page.input_value("#id_body")) == len(body)  # no maxlength cut the paste
    shot(page, "05-submit-over-limit")
    page.click("button:has-text('Submit for extraction')")
    expect(page.locator("#id_body-error")).to_contain_text("1,275 characters long; the limit is 1,000")
    assert page.input_value("#id_body") == body  # the text is kept, whole
    expect(page.locator("#id_body-count")).to_have_text("1,275 of 1,000 characters: 275 over the limit")
    assert not Article.objects.exists()
    assert console_errors == []
