"""In a browser: a conclusion or an evidence passage typed and not saved is not lost silently. Leaving the
statement page (a link, Back, closing the tab) asks first (static/js/unsaved.js); once saved, it does not."""

import pytest
from playwright.sync_api import expect

from django.urls import reverse

from tests.factories import make_article, make_claim

TYPED = "The audit puts the cost at £52m, not £48m."
PASSAGE = "Total cost of the terminal: £52.1m (audited)."


@pytest.fixture
def statement(page, live_server, newsroom, checker, as_user):
    """The statement page open for a checker; every dialog is recorded and dismissed (the person stays), or
    accepted once a test sets page.accept_dialogs."""
    claim = make_claim(make_article(newsroom), start=39, end=133)
    page.set_viewport_size({"width": 1280, "height": 900})
    as_user(page, checker)
    page.goto(f"{live_server.url}{claim.get_absolute_url()}")
    page.dialogs, page.errors = [], []
    page.accept_dialogs = False
    page.on(
        "dialog",
        lambda dialog: (page.dialogs.append(dialog.type), dialog.accept() if page.accept_dialogs else dialog.dismiss()),
    )
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    return claim


def _queue_link(page):
    return page.locator("nav.crumbs").get_by_role("link", name="Queue")


def _leaving_asks(page, leave):
    """`leave()` raises the beforeunload dialog; dismissed, the page stays where it was."""
    url = page.url
    with page.expect_event("dialog") as dialog:
        leave()
    assert dialog.value.type == "beforeunload"
    assert page.url == url


def test_it_asks_before_leaving_a_typed_conclusion_and_not_once_it_is_saved(page, live_server, statement):
    # given a conclusion typed, not saved
    conclusion = page.locator(f"#verdict-{statement.pk}-conclusion")
    conclusion.fill(TYPED)
    # when the checker clicks a link to the queue, goes back or closes the tab, the browser asks first
    _leaving_asks(page, lambda: _queue_link(page).click(no_wait_after=True))
    _leaving_asks(page, lambda: page.evaluate("history.back()"))
    _leaving_asks(page, lambda: page.close(run_before_unload=True))
    expect(conclusion).to_have_value(TYPED)
    # then, the draft saved, the queue opens without a question
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator("#flash")).to_contain_text("Draft saved.")
    _queue_link(page).click()
    expect(page).to_have_url(f"{live_server.url}{reverse('claims:queue')}")
    assert page.dialogs == ["beforeunload"] * 3
    assert page.errors == []


def test_a_saved_rating_is_left_without_a_question(page, live_server, statement):
    page.select_option(f"#verdict-{statement.pk}-rating", label="False")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator("#flash")).to_contain_text("Draft saved.")
    _queue_link(page).click()
    expect(page).to_have_url(f"{live_server.url}{reverse('claims:queue')}")
    assert page.dialogs == [] and page.errors == []


def test_it_asks_before_leaving_typed_evidence_until_it_is_added(page, live_server, statement):
    # given a passage typed into the evidence form
    form = page.locator(f"#claim-{statement.pk}-evidence form.grid-form")
    quote = page.locator(f"#ev-{statement.pk}-quote")
    quote.fill(PASSAGE)
    _leaving_asks(page, lambda: _queue_link(page).click(no_wait_after=True))
    # when the form comes back with an error, what was typed is still unsaved: still asked
    page.fill(f"#ev-{statement.pk}-url", "ftp://port.example.gov/audit")
    form.get_by_role("button", name="Add evidence").click()
    expect(form.locator(".error")).to_be_visible()
    expect(quote).to_have_value(PASSAGE)
    _leaving_asks(page, lambda: _queue_link(page).click(no_wait_after=True))
    # and saving the verdict draft meanwhile (which redraws the evidence list) keeps the typed passage
    page.fill(f"#verdict-{statement.pk}-conclusion", TYPED)
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator("#flash")).to_contain_text("Draft saved.")
    expect(quote).to_have_value(PASSAGE)
    _leaving_asks(page, lambda: _queue_link(page).click(no_wait_after=True))
    # then, the evidence added, the queue opens without a question
    page.fill(f"#ev-{statement.pk}-url", "https://port.example.gov/audit")
    form.get_by_role("button", name="Add evidence").click()
    expect(page.locator(f"#claim-{statement.pk}-evidence .evidence-item")).to_have_count(1)
    _queue_link(page).click()
    expect(page).to_have_url(f"{live_server.url}{reverse('claims:queue')}")
    assert page.dialogs == ["beforeunload"] * 3
    assert page.errors == []


def test_the_history_tab_asks_before_swapping_out_typed_evidence(page, live_server, statement):
    # given a passage typed into the evidence form
    quote = page.locator(f"#ev-{statement.pk}-quote")
    quote.fill(PASSAGE)
    history_tab = page.get_by_role("tab", name="History")
    # when the checker opens the History tab and cancels the question, the typing stays
    with page.expect_event("dialog") as dialog:
        history_tab.click()
    assert dialog.value.type == "confirm"
    expect(quote).to_have_value(PASSAGE)
    # then, accepting it, the History tab opens (and no question is left behind for leaving the page)
    page.accept_dialogs = True
    with page.expect_event("dialog") as dialog:
        history_tab.click()
    assert dialog.value.type == "confirm"
    expect(page.locator(f"#claim-{statement.pk}-history-title")).to_be_visible()
    _queue_link(page).click()
    expect(page).to_have_url(f"{live_server.url}{reverse('claims:queue')}")
    assert page.dialogs == ["confirm", "confirm"]
    assert page.errors == []
