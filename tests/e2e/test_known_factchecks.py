"""Known fact-checks in a browser: an admin imports a ClaimReview feed file, then a matched statement's
page shows "Already checked elsewhere" and the queue's "Checked elsewhere" filter finds it."""

import json

from playwright.sync_api import expect

from django.urls import reverse

from factcheck.factchecks.models import ClaimMatch
from tests.factchecks.feedgen import claim_texts, claimreview, data_feed
from tests.factchecks.test_matching import KNOWN, PARAPHRASED, UNRELATED, statement


def test_an_admin_imports_a_feed_and_a_matched_statement_shows_the_panel(
    page, live_server, newsroom, admin_member, as_user, console_errors, shot, tmp_path
):
    # given: two statements, and a feed with the claim of one of them among 40 others and a bad record
    matched = statement(newsroom, PARAPHRASED, title="Election debate in Eastwick")
    statement(newsroom, UNRELATED, title="Ferry terminal opens")
    reviews = [claimreview(i, text) for i, text in enumerate(claim_texts(40), start=2)]
    reviews.insert(0, claimreview(1, KNOWN, reviewer="Harbour Checks", rating="Mostly false"))
    reviews.insert(5, {"@type": "ClaimReview", "url": "https://checks.example.org/broken"})
    feed = tmp_path / "claimreview-feed.json"
    feed.write_text(json.dumps(data_feed(reviews)))
    as_user(page, admin_member)

    # when: the admin imports the file
    page.goto(f"{live_server.url}{reverse('factchecks:list')}")
    page.click("text=Import ClaimReview")
    page.set_input_files("#id_file", str(feed))
    page.click("#known-import button[type=submit]")
    # then: the bad record is listed by position, the good ones are kept
    expect(page.locator("#import-errors tbody tr")).to_have_count(1)
    expect(page.locator("#import-errors tbody td").first).to_have_text("6")
    expect(page.locator("#known-import-report")).to_contain_text("41 created")
    shot(page, "90-known-import")
    assert ClaimMatch.objects.filter(claim=matched).exists()

    page.goto(f"{live_server.url}{reverse('factchecks:list')}")
    expect(page.locator("#known-total")).to_have_text("41")
    expect(page.locator("#known-matched")).to_have_text("1")
    shot(page, "91-known-list")

    # when: the statement is opened
    page.goto(f"{live_server.url}{matched.get_absolute_url()}")
    panel = page.locator(f"#claim-{matched.pk}-known")
    expect(panel).to_contain_text(KNOWN)
    expect(panel).to_contain_text("Mostly false")
    expect(panel).to_contain_text("Harbour Checks")
    expect(panel.locator("a[rel='noopener noreferrer nofollow']")).to_have_attribute(
        "href", "https://checks.example.org/reviews/1"
    )
    panel.scroll_into_view_if_needed()
    shot(page, "92-known-panel")

    # and the queue's filter finds exactly that statement
    page.goto(f"{live_server.url}{reverse('claims:queue')}?matched=on")
    expect(page.locator("a.row-link")).to_have_count(1)
    expect(page.locator("a.row-link")).to_have_text(PARAPHRASED)
    assert console_errors == []
