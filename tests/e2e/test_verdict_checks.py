"""The verdict panel's two safety nets in a browser, at 1280 and 390 px: the warning when the rating contradicts
all the evidence (reloaded by htmx as the rating or the evidence changes), and withdrawing a verdict submitted by
mistake back to draft."""

import pytest
from playwright.sync_api import expect

from factcheck.newsrooms.models import Membership
from factcheck.verdicts.models import RatingScale, Verdict
from factcheck.verdicts.services import verdict_save_draft, verdict_submit
from tests.factories import make_article, make_claim, make_evidence, make_source

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
WARNING = "All 3 evidence items refute this statement, but the rating is Mostly true."
PAGE_WIDTH = "document.documentElement.scrollWidth"


def _refuted_claim(newsroom, user):
    """A statement with three refuting evidence items."""
    claim = make_claim(make_article(newsroom), start=39, end=133)
    source = make_source(newsroom)
    for n, quote in enumerate(("Total cost: £61.5m.", "Final accounts: £61.5m.", "Audit: £61.5m, not £48m."), 1):
        make_evidence(claim, user, source=source, quote=quote, stance="refutes", url=f"https://port.example.gov/{n}")
    return claim


def _in_review(claim, author, label):
    member = Membership.objects.get(user=author)
    rating = RatingScale.objects.get(newsroom=claim.newsroom, label=label)
    verdict = verdict_save_draft(member=member, claim=claim, rating=rating, conclusion="The terminal cost £48m.")
    return verdict_submit(member=member, verdict=verdict)


@pytest.mark.parametrize(("size", "viewport"), [("1280", DESKTOP), ("390", PHONE)])
def test_the_warning_follows_the_rating_and_the_author_withdraws(
    page, live_server, newsroom, checker, as_user, console_errors, shot, size, viewport
):
    # given a statement whose three evidence items all refute it
    claim = _refuted_claim(newsroom, checker)
    page.set_viewport_size(viewport)
    as_user(page, checker)
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    warning = page.locator(f"#claim-{claim.pk}-rating-check .rating-warning")
    expect(warning).to_have_count(0)

    # choosing a rating on the true side warns at once; one on the false side clears it
    page.select_option("select[name=rating]", label="Mostly true")
    expect(warning).to_have_text(f"Check the rating: {WARNING}")
    warning.scroll_into_view_if_needed()
    shot(page, f"ui5-rating-warning-form-{size}")
    page.select_option("select[name=rating]", label="False")
    expect(warning).to_have_count(0)
    page.select_option("select[name=rating]", label="Unverifiable")  # off the scale: no side
    expect(warning).to_have_count(0)

    # the warning never blocks: submitted with Mostly true, it stays on the review panel
    page.select_option("select[name=rating]", label="Mostly true")
    expect(warning).to_be_visible()
    page.fill("textarea[name=conclusion]", "The terminal cost £48m, as the port authority said.")
    page.click("button[value=submit]")
    expect(page.locator(".waiting")).to_contain_text("Waiting for an editor's review.")
    expect(page.locator(".verdict-review .rating-warning")).to_contain_text(WARNING)
    withdraw = page.locator("button:has-text('Withdraw to draft')")
    expect(withdraw).to_be_visible()
    withdraw.scroll_into_view_if_needed()
    shot(page, f"ui5-in-review-withdraw-{size}")

    # the author withdraws it: the draft form is back, saying so, and the statement is in progress again
    withdraw.click()
    expect(page.locator(".flash")).to_contain_text("Withdrawn to draft.")
    expect(page.locator(".withdrawn")).to_contain_text("Withdrawn from review by carol just now.")
    expect(page.locator("[id$=-status].badge")).to_have_text("In progress")
    expect(page.locator("select[name=rating] option:checked")).to_have_text("Mostly true")
    expect(warning).to_have_text(f"Check the rating: {WARNING}")
    assert Verdict.objects.get().status == Verdict.Status.DRAFT
    page.locator(".withdrawn").scroll_into_view_if_needed()
    shot(page, f"ui5-withdrawn-draft-{size}")

    # evidence that supports the statement makes it mixed: the warning goes without touching the rating
    page.click("summary:has-text('Add evidence')")
    page.fill("input[name=url]", "https://port.example.gov/press-release")
    page.check("input[name=stance][value=supports]")
    page.click("button:has-text('Add evidence')")
    expect(page.locator(".evidence-item")).to_have_count(4)
    expect(warning).to_have_count(0)
    assert page.evaluate(PAGE_WIDTH) <= viewport["width"]
    assert console_errors == []


@pytest.mark.parametrize(("size", "viewport"), [("1280", DESKTOP), ("390", PHONE)])
def test_the_reviewer_sees_the_warning_above_approve(
    page, live_server, newsroom, checker, colleague, as_user, console_errors, shot, size, viewport
):
    # given a checker's verdict rated Mostly true against three refuting items, in review
    claim = _refuted_claim(newsroom, checker)
    _in_review(claim, checker, "Mostly true")
    page.set_viewport_size(viewport)
    as_user(page, colleague)
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    # then the reviewer reads the warning before the approve button, and is not offered to withdraw
    review = page.locator(".verdict-review")
    expect(review.locator(".rating-warning")).to_have_text(f"Check the rating: {WARNING}")
    expect(review.locator("button:has-text('Approve and publish')")).to_be_visible()
    expect(page.locator("button:has-text('Withdraw to draft')")).to_have_count(0)
    warning_box = review.locator(".rating-warning").bounding_box()
    approve_box = review.locator("button:has-text('Approve and publish')").bounding_box()
    assert warning_box["y"] + warning_box["height"] <= approve_box["y"]
    review.scroll_into_view_if_needed()
    shot(page, f"ui5-review-warning-{size}")
    assert page.evaluate(PAGE_WIDTH) <= viewport["width"]
    assert console_errors == []
