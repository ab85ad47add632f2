"""In a browser: a stale verdict draft is not saved over a colleague's, and returned work is found from the queue."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from factcheck.verdicts.models import RatingScale, Verdict
from factcheck.verdicts.services import verdict_return, verdict_save_draft
from tests.factories import make_article, make_claim, make_evidence
from tests.verdicts.conftest import member, ready_for_review

SHOTS = Path(__file__).resolve().parents[2] / "shots"
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def rating(newsroom):
    return RatingScale.objects.get(newsroom=newsroom, label="Mostly true")


def _page(browser, live_server, as_user, user, viewport):
    context = browser.new_context(viewport=viewport, is_mobile=viewport["width"] < 500, has_touch=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    as_user(page, user)
    return context, page, errors


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"])
def test_a_stale_draft_is_refused_with_the_typed_text_kept(
    browser, live_server, as_user, newsroom, editor, colleague, rating, viewport
):
    # given: bob's draft, open in alice's browser
    claim = make_claim(make_article(newsroom), start=39, end=133)
    make_evidence(claim, colleague)
    verdict_save_draft(member=member(colleague), claim=claim, rating=rating, conclusion="First pass.")
    context, page, errors = _page(browser, live_server, as_user, editor, viewport)
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    conclusion = page.locator(f"#verdict-{claim.pk}-conclusion")
    expect(conclusion).to_have_value("First pass.")
    # when bob saves again meanwhile, and alice saves what she typed
    false = RatingScale.objects.get(newsroom=newsroom, label="False")
    verdict_save_draft(member=member(colleague), claim=claim, rating=false, conclusion="Bob's rewrite: it cost £52m.")
    conclusion.fill("Alice's rewrite: the audit says £52m.")
    page.get_by_role("button", name="Save draft").click()
    # then the panel says who saved and shows their version; her text is still in the form
    box = page.locator(f"#claim-{claim.pk}-verdict-conflict")
    expect(box).to_contain_text("Not saved: bob changed this draft just now")
    expect(box).to_contain_text("Bob's rewrite: it cost £52m.")
    expect(box.get_by_role("link", name="Reload the draft")).to_be_visible()
    expect(conclusion).to_have_value("Alice's rewrite: the audit says £52m.")
    box.scroll_into_view_if_needed()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"verdict-conflict-{viewport['width']}.png"))
    assert Verdict.objects.get().conclusion == "Bob's rewrite: it cost £52m."
    # and saving again, knowingly, replaces bob's text with hers
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator("#flash")).to_contain_text("Draft saved.")
    expect(box).to_have_count(0)
    assert Verdict.objects.get().conclusion == "Alice's rewrite: the audit says £52m."
    assert errors == []
    context.close()


def test_the_queue_finds_returned_work_and_work_waiting_for_review(
    browser, live_server, as_user, newsroom, editor, colleague, rating
):
    # given: alice's verdict returned by bob, and bob's waiting for a review, among other statements
    article = make_article(newsroom)
    returned, waiting, _other = (make_claim(article, start=s, end=s + 60) for s in (39, 80, 135))
    verdict = ready_for_review(returned, editor, rating)
    verdict_return(member=member(colleague), verdict=verdict, comment="Cite the audit.")
    ready_for_review(waiting, colleague, rating)
    context, page, errors = _page(browser, live_server, as_user, editor, {"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{reverse('claims:queue')}")
    expect(page.locator("table.queue tbody tr")).to_have_count(3)
    # when alice picks each verdict filter, the rows follow (htmx) and the address keeps the filter
    SHOTS.mkdir(exist_ok=True)
    for value, claim in (("returned", returned), ("waiting", waiting)):
        page.select_option("#id_review", value)
        expect(page.locator("table.queue tbody tr")).to_have_count(1)
        expect(page.locator(f"table.queue tbody tr a[href='{claim.get_absolute_url()}']").first).to_be_visible()
        assert f"review={value}" in page.url
        page.screenshot(path=str(SHOTS / f"queue-{value}-1280.png"))
    assert errors == []
    context.close()
