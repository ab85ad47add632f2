"""Taking a statement someone else has: the button says "Take over" and asks first, naming the person."""

from django.urls import reverse

from factcheck.claims.models import Claim
from tests.factories import give_name, make_article, make_claim

HX = {"HX-Request": "true"}
QUESTION = "Take statement {} over from Carol Jones?"


def _theirs_and_free(newsroom, checker):
    give_name(checker, "Carol", "Jones")
    article = make_article(newsroom)
    return make_claim(article, start=0, end=30, assignee=checker), make_claim(article, start=40, end=70)


def test_it_asks_an_editor_before_taking_a_colleagues_statement(login, editor, checker, newsroom):
    theirs, free = _theirs_and_free(newsroom, checker)
    client = login(editor)
    for response in (client.get(theirs.get_absolute_url()), client.get(reverse("claims:queue"))):
        html = response.content.decode()
        assert f'data-confirm="{QUESTION.format(theirs.pk)}">Take over</button>' in html
    # an unassigned statement is taken without a question
    page = client.get(free.get_absolute_url()).content.decode()
    assert ">Take</button>" in page and "Take over" not in page


def test_a_checker_is_not_offered_a_colleagues_statement(login, checker, colleague, newsroom):
    article = make_article(newsroom)
    theirs = make_claim(article, start=0, end=30, assignee=colleague)
    html = login(checker).get(theirs.get_absolute_url()).content.decode()
    assert "Take over" not in html and 'class="inline assign-me"' not in html


def test_taking_over_still_assigns_when_confirmed(login, editor, checker, newsroom):
    theirs, _ = _theirs_and_free(newsroom, checker)
    url = reverse("claims:claim_assign", args=[theirs.pk])
    response = login(editor).post(url, {"assignee": "me"}, headers=HX)
    assert Claim.objects.get(pk=theirs.pk).assignee == editor
    assert b"Take over" not in response.content
