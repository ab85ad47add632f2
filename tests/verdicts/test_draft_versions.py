"""No silent overwrite of a verdict draft (the version the form was loaded at), and the statement taken by
whoever starts working on it (evidence or a draft on an unassigned statement)."""

import re

import pytest

from django.test import Client
from django.urls import reverse

from factcheck.claims.models import Claim
from factcheck.verdicts.models import RatingScale, Verdict
from factcheck.verdicts.services import (
    VerdictStale,
    evidence_attach,
    verdict_save_and_submit,
    verdict_save_draft,
    verdict_version,
)
from tests.factories import make_evidence
from tests.verdicts.conftest import member

HX = {"HX-Request": "true"}


@pytest.fixture
def false(newsroom):
    return RatingScale.objects.get(newsroom=newsroom, label="False")


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _loaded_version(client, claim):
    """The version the statement page's verdict form carries, as a browser would post it back."""
    html = client.get(claim.get_absolute_url()).content.decode()
    return re.search(r'<input type="hidden" name="version" value="([^"]*)">', html).group(1)


def _save(client, claim, version, conclusion, rating, headers=None, action="draft"):
    data = {"rating": rating.pk, "conclusion": conclusion, "action": action, "version": version}
    return client.post(reverse("verdicts:verdict_save", args=[claim.pk]), data, headers=headers or {})


# --- the service ------------------------------------------------------------------------------


def test_it_refuses_a_save_against_an_older_version_and_names_who_saved(editor, checker, claim, rating, false):
    # given a draft both loaded, then saved by the checker
    draft = verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="Mine.")
    loaded = verdict_version(draft)
    verdict_save_draft(member=member(checker), claim=claim, rating=false, conclusion="Theirs.", version=loaded)
    # when the editor saves against the version they loaded
    with pytest.raises(VerdictStale) as caught:
        verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="Mine again.", version=loaded)
    # then nothing is overwritten, and the refusal names the checker and the draft as it is now
    draft.refresh_from_db()
    assert (draft.conclusion, draft.rating) == ("Theirs.", false)
    stale = caught.value
    assert stale.who == checker and not stale.you and stale.verdict.conclusion == "Theirs."
    assert stale.when == draft.updated_at and str(stale).startswith("Not saved: carol changed this draft at ")


def test_it_saves_against_the_current_version_and_moves_it(editor, claim, rating):
    draft = verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="One.", version="")
    before = verdict_version(draft)
    saved = verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="Two.", version=before)
    assert saved.conclusion == "Two." and verdict_version(saved) != before
    assert verdict_version(saved) == verdict_version(Verdict.objects.get())


def test_a_form_loaded_before_any_draft_cannot_overwrite_one(editor, colleague, claim, rating):
    verdict_save_draft(member=member(colleague), claim=claim, rating=rating, conclusion="First.", version="")
    with pytest.raises(VerdictStale) as caught:
        verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="Second.", version="")
    assert caught.value.who == colleague and Verdict.objects.get().conclusion == "First."


def test_it_calls_an_earlier_save_of_ones_own_another_tab(editor, claim, rating):
    loaded = verdict_version(verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="A."))
    verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="B.", version=loaded)
    with pytest.raises(VerdictStale) as caught:
        verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="C.", version=loaded)
    assert caught.value.you and str(caught.value).startswith("Not saved: You (in another tab or window)")


def test_a_stale_save_and_submit_submits_nothing(editor, colleague, claim, rating):
    make_evidence(claim, editor)
    loaded = verdict_version(verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="A."))
    verdict_save_draft(member=member(colleague), claim=claim, rating=rating, conclusion="B.", version=loaded)
    with pytest.raises(VerdictStale):
        verdict_save_and_submit(member=member(editor), claim=claim, rating=rating, conclusion="C.", version=loaded)
    draft = Verdict.objects.get()
    assert (draft.status, draft.conclusion) == (Verdict.Status.DRAFT, "B.")


def test_no_version_means_no_check_for_callers_without_a_form(editor, colleague, claim, rating):
    verdict_save_draft(member=member(colleague), claim=claim, rating=rating, conclusion="B.")
    assert verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="C.").conclusion == "C."


# --- the view ---------------------------------------------------------------------------------


def test_it_answers_a_stale_htmx_save_with_the_conflict_and_the_typed_text(editor, colleague, claim, rating, false):
    # given two editors with the statement open, and the colleague's save first
    mine, theirs = _client(editor), _client(colleague)
    loaded = _loaded_version(mine, claim)
    assert _save(theirs, claim, _loaded_version(theirs, claim), "Their text.", false, HX).status_code == 200
    # when the editor saves the version they loaded
    response = _save(mine, claim, loaded, "My text.", rating, HX)
    # then: refused in place, saying who and showing their version, with my text still in the form
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert f'id="claim-{claim.pk}-verdict-conflict"' in html
    assert "<strong>Not saved:</strong> bob changed this draft just now" in html and "Their text." in html
    assert ">My text.</textarea>" in html and "Draft saved." not in html
    assert f'href="{claim.get_absolute_url()}">Reload the draft</a>' in html
    assert Verdict.objects.get().conclusion == "Their text."
    # and the form now carries the version it showed: saving again replaces theirs, knowingly
    shown = re.search(r'name="version" value="([^"]*)"', html).group(1)
    assert shown == verdict_version(Verdict.objects.get()) != loaded
    assert b"Draft saved." in _save(mine, claim, shown, "My text.", rating, HX).content
    assert Verdict.objects.get().conclusion == "My text."


def test_it_answers_a_stale_plain_save_with_the_whole_page_not_a_redirect(editor, colleague, claim, rating):
    mine = _client(editor)
    loaded = _loaded_version(mine, claim)
    verdict_save_draft(member=member(colleague), claim=claim, rating=rating, conclusion="Their text.")
    response = _save(mine, claim, loaded, "My text.", rating)
    html = response.content.decode()
    assert response.status_code == 409 and "<html" in html
    assert "<strong>Not saved:</strong> bob changed this draft" in html and ">My text.</textarea>" in html
    assert Verdict.objects.get().conclusion == "Their text."


def test_a_post_without_a_version_cannot_overwrite_a_draft(login, editor, colleague, claim, rating):
    verdict_save_draft(member=member(colleague), claim=claim, rating=rating, conclusion="Their text.")
    url = reverse("verdicts:verdict_save", args=[claim.pk])
    response = login(editor).post(url, {"rating": rating.pk, "conclusion": "Mine."}, headers=HX)
    assert b"Not saved:" in response.content and Verdict.objects.get().conclusion == "Their text."


def test_a_form_with_errors_keeps_the_version_it_was_loaded_at(login, editor, colleague, claim, rating):
    # given a stale form (loaded before the colleague's draft) posted with a rating that is not on the scale
    client = login(editor)
    loaded = _loaded_version(client, claim)
    verdict_save_draft(member=member(colleague), claim=claim, rating=rating, conclusion="Their text.")
    data = {"rating": 999_999, "conclusion": "Mine.", "action": "draft", "version": loaded}
    response = client.post(reverse("verdicts:verdict_save", args=[claim.pk]), data, headers=HX)
    # then the redrawn form is still the stale one: its next save is refused, not an overwrite
    html = response.content.decode()
    assert "Select a valid choice" in html and f'name="version" value="{loaded}"' in html
    assert b"Not saved:" in _save(client, claim, loaded, "Mine.", rating, HX).content


def test_the_plain_page_carries_the_drafts_version(login, editor, claim, rating):
    draft = verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="A.")
    assert _loaded_version(login(editor), claim) == verdict_version(draft)


# --- taking the statement ---------------------------------------------------------------------


def test_adding_evidence_takes_an_unassigned_statement(checker, claim):
    evidence_attach(member=member(checker), claim=claim, url="https://port.example.gov/r")
    claim.refresh_from_db()
    assert claim.assignee == checker
    taken = claim.history.filter(history_change_reason="assigned to the person working on it").get()
    assert taken.assignee_id == checker.pk


def test_saving_a_draft_takes_an_unassigned_statement(editor, claim, rating):
    verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="A.")
    assert Claim.objects.get(pk=claim.pk).assignee == editor


def test_it_never_takes_a_statement_assigned_to_someone_else(editor, checker, claim, rating):
    Claim.objects.filter(pk=claim.pk).update(assignee=checker)
    evidence_attach(member=member(editor), claim=claim, url="https://port.example.gov/r")
    verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="A.")
    assert Claim.objects.get(pk=claim.pk).assignee == checker


def test_the_triage_card_shows_who_took_it(login, checker, claim):
    url = reverse("verdicts:evidence_add", args=[claim.pk])
    response = login(checker).post(url, {"stance": "supports", "url": "https://port.example.gov/r"}, headers=HX)
    triage = response.content.decode().split(f'id="claim-{claim.pk}-triage"', 1)[1]
    assert '<span class="who-chip me">carol</span>' in triage
