"""In a browser: an editor returns a verdict, and its author sees it come back on the queue (the row's "Returned"
chip, the "returned to you" line and its link to the filter), on the verdict panel and on the dashboard."""

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from factcheck.verdicts.models import RatingScale
from tests.factories import give_name, make_article, make_claim
from tests.verdicts.conftest import ready_for_review

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def rating(newsroom):
    return RatingScale.objects.get(newsroom=newsroom, label="Mostly true")


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, PHONE], ids=["desktop", "phone"])
def test_a_returned_verdict_is_back_in_front_of_its_author(
    browser, live_server, as_user, newsroom, editor, colleague, rating, viewport, shot
):
    # given alice's verdict in review, among other statements
    give_name(colleague, "Bob", "Reviewer")
    article = make_article(newsroom)
    claim, other = (make_claim(article, start=s, end=s + 60) for s in (39, 135))
    ready_for_review(claim, editor, rating)
    context = browser.new_context(viewport=viewport, is_mobile=viewport["width"] < 500, has_touch=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    size = viewport["width"]

    # when bob returns it with a comment from the statement page
    as_user(page, colleague)
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    page.locator("summary", has_text="Return with a comment").click()
    page.get_by_label("What needs to change").fill("Cite the audit, not the press release.")
    page.get_by_role("button", name="Return to").click()
    title = page.locator(f"#claim-{claim.pk}-verdict-title")
    expect(title.locator(".badge.st-returned")).to_have_text("Returned by Bob Reviewer")

    # then alice's queue marks the statement and tells her, with a link to the filter
    page.context.clear_cookies()
    as_user(page, editor)
    page.goto(f"{live_server.url}{reverse('claims:queue')}")
    expect(page.locator(f"#claim-{claim.pk}-row .chip-returned")).to_have_text("Returned")
    expect(page.locator(f"#claim-{other.pk}-row .chip-returned")).to_have_count(0)
    note = page.locator("#queue-returned")
    expect(note).to_contain_text("1 verdict returned to you")
    shot(page, f"returned-queue-{size}")
    note.get_by_role("link", name="show").click()
    expect(page).to_have_url(f"{live_server.url}{reverse('claims:queue')}?review=returned")
    expect(page.locator("#id_review")).to_have_value("returned")
    expect(page.locator("table.queue tbody tr")).to_have_count(1)
    expect(page.locator("#queue-returned")).to_have_count(0)

    # the verdict panel says Draft and Returned, with the comment
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    expect(title.locator(".badge.st-draft")).to_have_text("Draft")
    expect(title.locator(".badge.st-returned")).to_have_text("Returned by Bob Reviewer")
    expect(page.locator(".verdict-panel .returned")).to_contain_text("Cite the audit, not the press release.")
    shot(page, f"returned-panel-{size}")

    # and the dashboard's tile counts it and leads to the same list
    page.goto(f"{live_server.url}{reverse('verdicts:dashboard')}")
    tile = page.locator("a.tile-returned")
    expect(tile.locator(".tile-n")).to_have_text("1")
    shot(page, f"returned-dashboard-{size}")
    tile.click()
    expect(page).to_have_url(f"{live_server.url}{reverse('claims:queue')}?review=returned")
    assert errors == []
    context.close()
