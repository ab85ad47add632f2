"""The statement page's triage card: an "Unassign" button, and a reason box only for dismissing (CSS in app.css;
the server asks for the reason either way)."""

from django.urls import reverse

from factcheck.claims.models import Claim
from tests.factories import make_article, make_claim

HX = {"HX-Request": "true"}


def test_it_offers_unassign_for_my_own_statement(login, checker, newsroom):
    claim = make_claim(make_article(newsroom), assignee=checker)
    html = login(checker).get(claim.get_absolute_url()).content.decode()
    assert f'aria-label="Unassign statement {claim.pk}">Unassign</button>' in html
    assert "let go" not in html


def test_the_reason_box_is_marked_for_dismissing_only(login, checker, newsroom):
    claim = make_claim(make_article(newsroom))
    html = login(checker).get(claim.get_absolute_url()).content.decode()
    assert 'class="dismiss-reason"' in html and "Reason, to dismiss" not in html


def test_dismissing_without_a_reason_is_still_refused(login, checker, newsroom):
    claim = make_claim(make_article(newsroom))
    url = reverse("claims:claim_status", args=[claim.pk])
    response = login(checker).post(url, {"status": "dismissed", "reason": ""}, headers=HX)
    assert b"Say why the statement is dismissed." in response.content
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.NEW
