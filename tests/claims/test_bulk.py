"""The queue's bulk bar: an untouched person select assigns nobody, and the message counts what was already so."""

import pytest

from django.urls import reverse

from factcheck.claims.forms import BulkForm
from factcheck.claims.models import Claim
from factcheck.claims.workflow import BulkResult
from tests.factories import make_article, make_claim

HX = {"HX-Request": "true"}


@pytest.fixture
def two(newsroom, checker):
    """Two statements: the first assigned to the checker, the second to nobody."""
    article = make_article(newsroom)
    return make_claim(article, start=0, end=30, assignee=checker), make_claim(article, start=40, end=70)


def test_the_bulk_bars_person_select_starts_on_choose_and_ends_on_nobody(login, editor, checker):
    select = str(login(editor).get(reverse("claims:queue")).context["bulk"]["assignee"])
    options = select.split("<option")[1:]
    assert options[0].startswith(' value="" selected>— choose a person —<')
    assert options[-1].startswith(' value="nobody">Nobody (unassign)<')
    assert any(">carol<" in option for option in options[1:-1])


def test_it_refuses_an_untouched_bulk_bar_and_changes_nothing(login, editor, checker, two):
    # given: two rows selected, the bar as it opens (Assign to, no person chosen)
    ids = [c.pk for c in two]
    # when
    response = login(editor).post(reverse("claims:bulk"), {"ids": ids, "action": "assign", "assignee": ""}, headers=HX)
    # then
    assert response.status_code == 200
    assert BulkForm.CHOOSE_ERROR.encode() in response.content
    # only the message: the rows, with their ticks, stay for another try
    assert response["HX-Reswap"] == "none" and b"queue-row" not in response.content
    assert Claim.objects.get(pk=two[0].pk).assignee == checker
    assert Claim.objects.get(pk=two[1].pk).assignee is None


def test_it_refuses_a_plain_post_without_a_person_too(login, editor, checker, two):
    client = login(editor)
    response = client.post(reverse("claims:bulk"), {"ids": [two[0].pk], "action": "assign"}, follow=True)
    assert BulkForm.CHOOSE_ERROR in [str(m) for m in response.context["messages"]]
    assert Claim.objects.get(pk=two[0].pk).assignee == checker


def test_nobody_unassigns_the_selected_statements(login, editor, two):
    ids = [c.pk for c in two]
    response = login(editor).post(
        reverse("claims:bulk"), {"ids": ids, "action": "assign", "assignee": "nobody"}, headers=HX
    )
    assert Claim.objects.filter(pk__in=ids, assignee__isnull=True).count() == 2
    assert b"Updated 1 of 2 selected statements (1 already so)." in response.content


def test_the_message_counts_what_was_already_so(login, editor, checker, two):
    ids = [c.pk for c in two]
    response = login(editor).post(
        reverse("claims:bulk"), {"ids": ids, "action": "assign", "assignee": checker.pk}, headers=HX
    )
    assert b"Updated 1 of 2 selected statements (1 already so)." in response.content
    assert Claim.objects.filter(pk__in=ids, assignee=checker).count() == 2


def test_the_message_names_statements_their_verdict_drives(login, editor, two):
    Claim.objects.filter(pk=two[0].pk).update(status=Claim.Status.IN_REVIEW)
    response = login(editor).post(
        reverse("claims:bulk"), {"ids": [c.pk for c in two], "action": "status", "status": "new"}, headers=HX
    )
    assert b"Updated 0 of 2 selected statements (1 already so, 1 in review or published)." in response.content


def test_a_bulk_result_says_updated_n_when_all_changed():
    assert BulkResult(selected=3, changed=3).summary() == "Updated 3 statements."
    assert BulkResult(selected=1, changed=1).summary() == "Updated 1 statement."
    assert BulkResult(selected=1, changed=0, missing=1).summary() == (
        "Updated 0 of 1 selected statement (1 no longer in the queue)."
    )
