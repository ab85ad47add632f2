"""Withdrawing a verdict to draft: its author takes back a verdict submitted by mistake, while no editor has
approved or returned it. The service, the panel and the history."""

import threading

import pytest

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import reverse

from factcheck.claims.models import Claim
from factcheck.newsrooms.models import Membership
from factcheck.verdicts.models import RatingScale, Verdict
from factcheck.verdicts.services import (
    NOT_THE_AUTHOR,
    VerdictConflict,
    verdict_approve,
    verdict_correct,
    verdict_return,
    verdict_save_draft,
    verdict_submit,
    verdict_withdraw,
)
from tests.factories import make_article, make_claim
from tests.verdicts.conftest import member, ready_for_review

HX = {"HX-Request": "true"}


@pytest.fixture
def rating(newsroom):
    return RatingScale.objects.get(newsroom=newsroom, label="False")


def _url(verdict):
    return reverse("verdicts:verdict_withdraw", args=[verdict.pk])


# --- the service ----------------------------------------------------------------------------


def test_it_withdraws_a_verdict_in_review_to_draft(claim, checker, rating):
    # given a checker's verdict in review
    verdict = ready_for_review(claim, checker, rating)
    # when its author withdraws it
    verdict_withdraw(member=member(checker), verdict=verdict)
    # then it is a draft again, marked withdrawn, and the statement is back in progress
    verdict.refresh_from_db()
    assert verdict.status == Verdict.Status.DRAFT
    assert verdict.withdrawn_at is not None and verdict.reviewer is None and verdict.review_comment == ""
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.IN_PROGRESS
    # recorded in the verdict's and the statement's history, as a return is
    assert verdict.history.first().history_change_reason == "withdrawn to draft by its author"
    assert Claim.history.filter(id=claim.pk).first().history_change_reason == "verdict withdrawn"
    # the draft can be changed and submitted again; submitting clears the withdrawal
    verdict_save_draft(member=member(checker), claim=claim, rating=rating, conclusion="It cost £48m.")
    verdict_submit(member=member(checker), verdict=verdict)
    verdict.refresh_from_db()
    assert (verdict.status, verdict.withdrawn_at) == (Verdict.Status.IN_REVIEW, None)


def test_only_the_author_may_withdraw(claim, checker, colleague, admin_member, viewer, rating):
    verdict = ready_for_review(claim, checker, rating)
    for other in (colleague, admin_member):  # an editor returns it instead; an admin is no exception
        with pytest.raises(PermissionDenied) as exc:
            verdict_withdraw(member=member(other), verdict=verdict)
        assert str(exc.value) == NOT_THE_AUTHOR
    with pytest.raises(PermissionDenied):
        verdict_withdraw(member=member(viewer), verdict=verdict)
    assert Verdict.objects.get().status == Verdict.Status.IN_REVIEW


def test_an_author_who_lost_the_right_to_write_cannot_withdraw(claim, checker, rating):
    verdict = ready_for_review(claim, checker, rating)
    Membership.objects.filter(user=checker).update(role=Membership.Role.VIEWER)
    with pytest.raises(PermissionDenied):
        verdict_withdraw(member=member(checker), verdict=verdict)


def test_it_cannot_withdraw_once_an_editor_acted(claim, editor, colleague, rating):
    # returned: it is a draft already
    verdict = ready_for_review(claim, editor, rating)
    verdict_return(member=member(colleague), verdict=verdict, comment="Which report?")
    with pytest.raises(VerdictConflict):
        verdict_withdraw(member=member(editor), verdict=verdict)
    # approved: published, changed only through a correction
    verdict_submit(member=member(editor), verdict=verdict)
    verdict_approve(member=member(colleague), verdict=verdict)
    with pytest.raises(VerdictConflict):
        verdict_withdraw(member=member(editor), verdict=verdict)
    verdict.refresh_from_db()
    assert verdict.status == Verdict.Status.PUBLISHED and verdict.withdrawn_at is None


def test_it_cannot_withdraw_a_draft(claim, checker, rating):
    verdict = verdict_save_draft(member=member(checker), claim=claim, rating=rating, conclusion="x")
    with pytest.raises(VerdictConflict):
        verdict_withdraw(member=member(checker), verdict=verdict)
    assert not Verdict.history.filter(history_change_reason="withdrawn to draft by its author").exists()


def test_a_withdrawn_correction_leaves_the_statement_published(claim, editor, colleague, rating):
    # given a published verdict and a correction of it in review
    verdict = ready_for_review(claim, editor, rating)
    verdict_approve(member=member(colleague), verdict=verdict)
    correction = verdict_correct(member=member(editor), verdict=verdict, reason="New figures.")
    verdict_submit(member=member(editor), verdict=correction)
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.IN_REVIEW
    # when the correction is withdrawn
    verdict_withdraw(member=member(editor), verdict=correction)
    # then the statement shows its live verdict again
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.PUBLISHED
    assert Verdict.objects.get(pk=verdict.pk).status == Verdict.Status.PUBLISHED


@pytest.mark.django_db(transaction=True)
def test_a_withdraw_racing_an_approval_gives_one_outcome(newsroom, editor, colleague):
    # given a verdict in review, its author withdrawing while a colleague approves, each on its own connection
    claim = make_claim(make_article(newsroom), start=39, end=133)
    verdict = ready_for_review(claim, editor, RatingScale.objects.get(newsroom=newsroom, label="False"))
    outcomes, start = {}, threading.Barrier(2)

    def act(name, action, user):
        try:
            start.wait()
            action(member=member(user), verdict=Verdict.objects.get(pk=verdict.pk))
            outcomes[name] = "done"
        except VerdictConflict:
            outcomes[name] = "conflict"
        finally:
            connection.close()

    threads = [
        threading.Thread(target=act, args=("withdraw", verdict_withdraw, editor)),
        threading.Thread(target=act, args=("approve", verdict_approve, colleague)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    # then exactly one of them happened, and the row says which
    assert sorted(outcomes.values()) == ["conflict", "done"]
    verdict.refresh_from_db()
    expected = Verdict.Status.DRAFT if outcomes["withdraw"] == "done" else Verdict.Status.PUBLISHED
    assert verdict.status == expected
    assert (verdict.withdrawn_at is not None) == (expected == Verdict.Status.DRAFT)


# --- the panel ------------------------------------------------------------------------------


def test_the_author_withdraws_from_the_panel(login, checker, claim, rating):
    # given the author's verdict in review: the panel offers to withdraw it
    verdict = ready_for_review(claim, checker, rating)
    client = login(checker)
    page = client.get(claim.get_absolute_url()).content.decode()
    assert f'action="{_url(verdict)}"' in page and "Withdraw to draft</button>" in page
    # when they withdraw it through htmx
    response = client.post(_url(verdict), headers=HX)
    # then the panel is the draft form again, saying it was withdrawn, with the status badge updated
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "Withdrawn to draft." in html  # the flash
    assert f'id="verdict-{verdict.pk}-withdrawn"' in html and "Withdrawn from review</strong> by carol just now" in html
    assert "Submit for review</button>" in html and "Withdraw to draft</button>" not in html
    assert f'id="claim-{claim.pk}-status" class="badge st-in_progress" hx-swap-oob="true"' in html
    assert Verdict.objects.get().status == Verdict.Status.DRAFT


def test_a_plain_post_withdraws_and_redirects(login, checker, claim, rating):
    verdict = ready_for_review(claim, checker, rating)
    response = login(checker).post(_url(verdict))
    assert response.status_code == 302 and response["Location"] == claim.get_absolute_url()
    assert Verdict.objects.get().status == Verdict.Status.DRAFT


def test_others_are_not_offered_withdraw_and_cannot_post_it(login, checker, colleague, viewer, claim, rating):
    verdict = ready_for_review(claim, checker, rating)
    for user in (colleague, viewer):
        assert b"Withdraw to draft" not in login(user).get(claim.get_absolute_url()).content
    assert login(colleague).post(_url(verdict), headers=HX).status_code == 403
    assert login(viewer).post(_url(verdict)).status_code == 403
    assert Verdict.objects.get().status == Verdict.Status.IN_REVIEW


def test_a_withdraw_after_an_approval_says_so(login, checker, colleague, claim, rating):
    # given the author's page still offering "Withdraw" while a colleague approves
    verdict = ready_for_review(claim, checker, rating)
    verdict_approve(member=member(colleague), verdict=verdict)
    response = login(checker).post(_url(verdict), headers=HX)
    assert response.status_code == 200
    assert b"This verdict is no longer in review: it was already approved, returned or withdrawn." in response.content
    assert Verdict.objects.get().status == Verdict.Status.PUBLISHED


def test_the_withdraw_route_refuses_get_and_hides_outsiders(login, checker, outsider, claim, rating):
    verdict = ready_for_review(claim, checker, rating)
    assert login(checker).get(_url(verdict)).status_code == 405
    assert login(outsider).post(_url(verdict), headers=HX).status_code == 404


def test_a_returned_then_withdrawn_draft_shows_both(login, checker, colleague, claim, rating):
    # given a verdict returned with a comment, submitted again, then withdrawn
    verdict = ready_for_review(claim, checker, rating)
    verdict_return(member=member(colleague), verdict=verdict, comment="Which report?")
    verdict_submit(member=member(checker), verdict=verdict)
    verdict_withdraw(member=member(checker), verdict=verdict)
    html = login(checker).get(claim.get_absolute_url()).content.decode()
    # then the withdrawal comes first and the earlier return is named as earlier
    assert html.index("Withdrawn from review</strong>") < html.index("Returned earlier by bob:</strong> Which report?")


def test_the_history_tab_shows_who_withdrew_it(login, checker, claim, rating):
    verdict = ready_for_review(claim, checker, rating)
    client = login(checker)
    client.post(_url(verdict), headers=HX)
    html = client.get(claim.get_absolute_url(), {"tab": "history"}, headers=HX).content.decode()
    assert '<strong>carol</strong> changed verdict v1 <span class="muted">— withdrawn to draft by its author' in html
    assert "<del>In review</del> → <ins>Draft</ins>" in html
