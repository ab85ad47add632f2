"""The submit form's errors on a phone: what was refused shows at the top of the form, focused, with a link
to the field, instead of under a 16-line text box below the fold."""

from playwright.sync_api import expect

from django.urls import reverse

from factcheck.claims.models import Article

PHONE = {"width": 390, "height": 844}


def test_an_oversize_paste_is_refused_at_the_top_of_the_form_and_focused(
    browser, live_server, checker, as_user, shot, settings
):
    # given a phone, and a paste over the limit
    settings.ARTICLE_MAX_CHARS = 1_000
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    as_user(page, checker)
    page.goto(f"{live_server.url}{reverse('claims:submit')}")
    page.fill("#id_body", "Port traffic rose 4% to 1.2m containers last year. " * 25)

    # when it is submitted
    page.click("button:has-text('Submit for extraction')")

    # then the reason is at the top, focused and on the first screen, and links to the text box
    summary = page.locator("#submit-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("1,275 characters long; the limit is 1,000")
    box = summary.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    expect(summary.locator("a[href='#id_body']")).to_have_text("Article text")
    shot(page, "submit-390-error")
    # the field keeps its own message too
    expect(page.locator("#id_body-error")).to_contain_text("the limit is 1,000")
    assert not Article.objects.exists()
    context.close()
