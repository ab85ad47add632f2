"""The triage card in a browser: the reason box appears only while "Dismissed" is chosen, on a desktop and a phone."""

import pytest
from playwright.sync_api import expect

from factcheck.claims.models import Claim
from tests.factories import make_article, make_claim


@pytest.mark.parametrize("size", [{"width": 1280, "height": 800}, {"width": 390, "height": 844}])
def test_the_reason_box_shows_only_for_dismissed(
    page, live_server, newsroom, checker, as_user, console_errors, shot, size
):
    # given a new statement the checker has
    claim = make_claim(make_article(newsroom), assignee=checker)
    page.set_viewport_size(size)
    as_user(page, checker)
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    card = page.locator(f"#claim-{claim.pk}-triage")
    reason = card.locator("input[name=reason]")
    expect(card.locator("button", has_text="Unassign")).to_be_visible()
    expect(reason).to_be_hidden()
    shot(page, f"triage-card-{size['width']}")

    # when Dismissed is chosen the box appears; back to In progress it goes
    status = card.locator("select[name=status]")
    status.select_option("dismissed")
    expect(reason).to_be_visible()
    shot(page, f"triage-card-dismissing-{size['width']}")
    status.select_option("in_progress")
    expect(reason).to_be_hidden()

    # then dismissing with a reason works
    status.select_option("dismissed")
    reason.fill("Opinion, not checkable")
    with page.expect_response(lambda r: "/status/" in r.url):
        card.locator("button", has_text="Set").click()
    expect(page.locator(f"#claim-{claim.pk}-status")).to_have_text("Dismissed")
    assert Claim.objects.get(pk=claim.pk).dismissed_reason == "Opinion, not checkable"
    assert console_errors == []
