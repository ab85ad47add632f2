"""The queue's bulk bar in a browser: pressing "Apply to selected" without choosing a person changes nothing."""

from django.urls import reverse

from factcheck.claims.forms import BulkForm
from factcheck.claims.models import Claim
from tests.factories import make_article, make_claim

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

    # when Nobody is chosen on purpose, both are unassigned and the message counts the one already so
    page.check(f'input[name="ids"][value="{mine.pk}"]')
    page.check(f'input[name="ids"][value="{free.pk}"]')
    page.select_option("#bulk-assignee", "nobody")
    with page.expect_response(lambda r: r.url.endswith(reverse("claims:bulk"))):
        page.click("#bulk-form button[type=submit]")
    page.locator(".flash-success").wait_for()
    assert "Updated 1 of 2 selected statements (1 already so)." in page.locator(".flash-success").inner_text()
    assert Claim.objects.get(pk=mine.pk).assignee is None
    assert console_errors == []
