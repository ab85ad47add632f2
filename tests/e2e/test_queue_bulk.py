"""The queue in a browser: the bulk bar assigns nobody by default, and taking a colleague's statement asks first."""

from playwright.sync_api import expect

from django.urls import reverse

from factcheck.claims.forms import BulkForm
from factcheck.claims.models import Claim
from tests.factories import give_name, make_article, make_claim

DESKTOP = {"width": 1280, "height": 800}


def _two(newsroom, checker):
    article = make_article(newsroom)
    return make_claim(article, start=0, end=30, assignee=checker), make_claim(article, start=40, end=70)


def test_an_untouched_bulk_bar_unassigns_nobody(
    page, live_server, newsroom, editor, checker, as_user, console_errors, shot
):
    # given two rows, one of them the checker's, selected with the bar as it opens
    mine, free = _two(newsroom, checker)
    page.set_viewport_size(DESKTOP)
    as_user(page, editor)
    page.goto(f"{live_server.url}{reverse('claims:queue')}")
    person = page.locator("#bulk-assignee")
    assert person.input_value() == ""
    assert person.locator("option").last.inner_text() == "Nobody (unassign)"
    page.check(f'input[name="ids"][value="{mine.pk}"]')
    page.check(f'input[name="ids"][value="{free.pk}"]')
    shot(page, "queue-bulk-untouched")

    # when "Apply to selected" is pressed without choosing anyone
    with page.expect_response(lambda r: r.url.endswith(reverse("claims:bulk"))):
        page.click("#bulk-form button[type=submit]")

    # then the queue says what to choose, and the checker still has the statement
    page.locator(".flash-error").wait_for()
    assert BulkForm.CHOOSE_ERROR in page.locator(".flash-error").inner_text()
    assert Claim.objects.get(pk=mine.pk).assignee == checker
    assert Claim.objects.get(pk=free.pk).assignee is None

    # and the rows keep their ticks for another try
    expect(page.locator("[data-selected-count]")).to_have_text("2")
    expect(page.locator(f'input[name="ids"][value="{mine.pk}"]')).to_be_checked()

    # when Nobody is chosen on purpose, both are unassigned and the message counts the one already so
    page.select_option("#bulk-assignee", "nobody")
    with page.expect_response(lambda r: r.url.endswith(reverse("claims:bulk"))):
        page.click("#bulk-form button[type=submit]")
    page.locator(".flash-success").wait_for()
    assert "Updated 1 of 2 selected statements (1 already so)." in page.locator(".flash-success").inner_text()
    assert Claim.objects.get(pk=mine.pk).assignee is None
    assert console_errors == []


def test_the_a_key_and_take_over_ask_before_taking_a_colleagues_statement(
    page, live_server, newsroom, editor, checker, as_user, console_errors, shot
):
    # given a statement the checker (Carol Jones) has
    give_name(checker, "Carol", "Jones")
    theirs = make_claim(make_article(newsroom), start=0, end=30, assignee=checker)
    question = f"Take statement {theirs.pk} over from Carol Jones?"
    page.set_viewport_size(DESKTOP)
    as_user(page, editor)
    page.goto(f"{live_server.url}{reverse('claims:queue')}")
    row = page.locator(f"#claim-{theirs.pk}-row")
    expect(row.locator("form.assign-me button")).to_have_text("Take over")

    # when the editor presses a on its row and answers no
    console_errors.accept_confirms = False
    row.focus()
    row.press("a")
    # then the question named the checker, and the statement is still hers
    assert console_errors.confirms == [question]
    expect(row.locator(".who-chip")).to_have_text("Carol Jones")
    assert Claim.objects.get(pk=theirs.pk).assignee == checker

    # the button asks the same question
    row.locator("form.assign-me button").click()
    assert console_errors.confirms == [question, question]
    assert Claim.objects.get(pk=theirs.pk).assignee == checker

    # when the answer is yes, the editor has it
    console_errors.accept_confirms = True
    with page.expect_response(lambda r: "/assign/" in r.url):
        row.press("a")
    expect(row.locator(".who-chip")).to_have_text(editor.username)
    assert Claim.objects.get(pk=theirs.pk).assignee == editor
    assert console_errors == []


def test_escape_and_arrow_down_leave_the_search_box_for_the_first_row(
    page, live_server, newsroom, checker, as_user, console_errors
):
    # given a queue with statements, and the search box reached with /
    body = "".join(f"Drones number {i} flew over the harbour. " for i in range(3))
    article = make_article(newsroom, body=body)
    for i in range(3):
        make_claim(article, start=i * 39, end=i * 39 + 38)
    page.set_viewport_size(DESKTOP)
    as_user(page, checker)
    page.goto(f"{live_server.url}{reverse('claims:queue')}")
    search, first = page.locator("#id_q"), page.locator("tr.queue-row").first
    page.locator("body").press("/")
    expect(search).to_be_focused()
    with page.expect_response(lambda r: "q=drones" in r.url):
        page.keyboard.type("drones")
    page.wait_for_load_state("networkidle")

    # when Escape: the first row has the focus and the query is kept
    page.keyboard.press("Escape")
    expect(first).to_be_focused()
    expect(search).to_have_value("drones")

    # when / then ArrowDown: the same
    page.keyboard.press("/")
    expect(search).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    expect(search).to_have_value("drones")
    # and j moves on from there
    page.keyboard.press("j")
    expect(page.locator("tr.queue-row").nth(1)).to_be_focused()
    assert console_errors == []
