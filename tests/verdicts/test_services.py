import threading

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from factcheck.claims.models import Claim
from factcheck.claims.workflow import UNKNOWN_ASSIGNEE, claim_assign, claim_status_set, claims_bulk_update
from factcheck.sources.models import Source
from factcheck.verdicts.models import Evidence, RatingScale, Verdict
from factcheck.verdicts.services import (
    EVIDENCE_IN_REVIEW,
    EVIDENCE_PUBLISHED,
    SELF_REVIEW,
    VerdictConflict,
    evidence_attach,
    evidence_remove,
    evidence_source,
    verdict_approve,
    verdict_correct,
    verdict_return,
    verdict_save_draft,
    verdict_submit,
)
from tests.factories import make_article, make_claim, make_evidence, make_source, make_verdict
from tests.verdicts.conftest import member, ready_for_review


@pytest.fixture
def rating(newsroom):
    return RatingScale.objects.get(newsroom=newsroom, label="False")


# --- evidence -------------------------------------------------------------------------------


def test_it_attaches_evidence_and_starts_the_statement(claim, checker):
    source = make_source(claim.newsroom)
    evidence = evidence_attach(
        member=member(checker),
        claim=claim,
        source=source,
        url="https://port.example.gov/a",
        quote="£52m",
        stance="refutes",
    )
    assert evidence.added_by == checker
    assert evidence.stance == Evidence.Stance.REFUTES
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_PROGRESS
    assert claim.history.first().history_change_reason == "evidence added"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hi", "ftp://example.org/x", "JaVaScRiPt:x"])
def test_it_refuses_urls_that_are_not_http(claim, checker, url):
    with pytest.raises(ValidationError) as exc:
        evidence_attach(member=member(checker), claim=claim, url=url)
    assert "url" in exc.value.message_dict
    assert not Evidence.objects.exists()


def test_it_requires_a_source_or_a_url(claim, checker):
    with pytest.raises(ValidationError):
        evidence_attach(member=member(checker), claim=claim, quote="floating quote")


def test_viewers_cannot_attach_evidence(claim, viewer):
    with pytest.raises(PermissionDenied):
        evidence_attach(member=member(viewer), claim=claim, url="https://example.org/")


def test_it_refuses_a_source_of_another_newsroom(claim, checker, other_newsroom):
    foreign = make_source(other_newsroom, name="Foreign", url="https://foreign.example/")
    with pytest.raises(ValidationError):
        evidence_attach(member=member(checker), claim=claim, source=foreign, url="https://example.org/")


def test_it_refuses_members_of_another_newsroom(claim, outsider):
    with pytest.raises(PermissionDenied):
        evidence_attach(member=member(outsider), claim=claim, url="https://example.org/")


def test_it_removes_evidence(claim, checker):
    evidence = make_evidence(claim, checker)
    pk = evidence.pk
    evidence_remove(member=member(checker), evidence=evidence)
    assert not Evidence.objects.filter(pk=pk).exists()
    assert Evidence.history.filter(id=pk, history_type="-").exists()


def test_it_freezes_evidence_while_the_verdict_is_in_review(claim, editor, checker, rating):
    ready_for_review(claim, editor, rating)
    with pytest.raises(ValidationError) as exc:
        evidence_remove(member=member(checker), evidence=claim.evidence.get())
    assert exc.value.messages == [EVIDENCE_IN_REVIEW]
    with pytest.raises(ValidationError) as exc:
        evidence_attach(member=member(checker), claim=claim, url="https://example.org/late")
    assert exc.value.messages == [EVIDENCE_IN_REVIEW]
    assert claim.evidence.count() == 1


def test_it_finds_a_source_by_name_or_name_and_domain(newsroom, checker):
    source = make_source(newsroom)
    assert evidence_source(member=member(checker), name="port authority") == source
    assert evidence_source(member=member(checker), name="Port Authority (port.example.gov)") == source


def test_it_creates_a_source_on_the_spot_with_a_url(newsroom, checker):
    created = evidence_source(member=member(checker), name="Statistics Office", url="https://stats.example.org/")
    assert created.domain == "stats.example.org"
    assert created.newsroom == newsroom


def test_it_asks_for_a_url_to_create_a_source(newsroom, checker):
    with pytest.raises(ValidationError) as exc:
        evidence_source(member=member(checker), name="Nowhere Bureau")
    assert "home URL" in str(exc.value)
    assert not Source.objects.filter(name="Nowhere Bureau").exists()


# --- verdict state machine ------------------------------------------------------------------


def test_it_saves_a_draft_then_updates_it(claim, checker, rating):
    first = verdict_save_draft(member=member(checker), claim=claim, rating=None, conclusion="thinking")
    second = verdict_save_draft(member=member(checker), claim=claim, rating=rating, conclusion="It is false.")
    assert first.pk == second.pk
    assert second.version == 1
    assert second.status == Verdict.Status.DRAFT
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_PROGRESS


def test_it_refuses_a_rating_of_another_newsroom(claim, checker, other_newsroom):
    foreign = RatingScale.objects.filter(newsroom=other_newsroom).first()
    with pytest.raises(ValidationError):
        verdict_save_draft(member=member(checker), claim=claim, rating=foreign, conclusion="x")


def test_it_submits_only_a_complete_verdict(claim, checker, rating):
    verdict = verdict_save_draft(member=member(checker), claim=claim, rating=rating, conclusion="")
    with pytest.raises(ValidationError) as exc:
        verdict_submit(member=member(checker), verdict=verdict)
    assert "conclusion" in exc.value.message_dict
    assert "__all__" in exc.value.message_dict  # no evidence yet
    verdict.refresh_from_db()
    assert verdict.status == Verdict.Status.DRAFT


def test_it_submits_then_a_colleague_publishes(claim, editor, colleague, rating):
    # given
    verdict = ready_for_review(claim, editor, rating)
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW
    # when
    verdict_approve(member=member(colleague), verdict=verdict)
    # then
    verdict.refresh_from_db()
    claim.refresh_from_db()
    assert verdict.status == Verdict.Status.PUBLISHED
    assert verdict.reviewer == colleague
    assert verdict.published_at is not None
    assert claim.status == Claim.Status.PUBLISHED
    reasons = list(verdict.history.values_list("history_change_reason", flat=True))
    assert "approved and published" in reasons and "submitted for review" in reasons
    assert verdict.history.first().history_user is None or verdict.history.first().status == "published"


def test_the_author_cannot_approve_their_own_verdict(claim, editor, rating):
    verdict = ready_for_review(claim, editor, rating)
    with pytest.raises(PermissionDenied):
        verdict_approve(member=member(editor), verdict=verdict)
    verdict.refresh_from_db()
    assert verdict.status == Verdict.Status.IN_REVIEW


def test_checkers_cannot_approve(claim, editor, checker, rating):
    verdict = ready_for_review(claim, editor, rating)
    with pytest.raises(PermissionDenied):
        verdict_approve(member=member(checker), verdict=verdict)


def test_it_cannot_publish_a_draft(claim, editor, colleague, rating):
    make_evidence(claim, editor)
    verdict = verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="x")
    with pytest.raises(VerdictConflict):
        verdict_approve(member=member(colleague), verdict=verdict)


def test_publishing_requires_evidence_even_if_removed_after_submit(claim, editor, colleague, rating):
    verdict = make_verdict(claim, editor, status=Verdict.Status.IN_REVIEW, conclusion="x", rating=rating)
    with pytest.raises(ValidationError):
        verdict_approve(member=member(colleague), verdict=verdict)


def test_it_returns_a_verdict_with_a_comment(claim, editor, colleague, rating):
    verdict = ready_for_review(claim, editor, rating)
    with pytest.raises(ValidationError):
        verdict_return(member=member(colleague), verdict=verdict, comment="  ")
    verdict_return(member=member(colleague), verdict=verdict, comment="Cite the annual report.")
    verdict.refresh_from_db()
    claim.refresh_from_db()
    assert verdict.status == Verdict.Status.DRAFT
    assert verdict.review_comment == "Cite the annual report."
    assert claim.status == Claim.Status.IN_PROGRESS
    # the author fixes it and submits again
    verdict_submit(member=member(editor), verdict=verdict)
    verdict.refresh_from_db()
    assert verdict.status == Verdict.Status.IN_REVIEW


def test_a_verdict_in_review_cannot_be_edited(claim, editor, rating):
    ready_for_review(claim, editor, rating)
    with pytest.raises(VerdictConflict):
        verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="sneaky edit")


def test_the_second_of_two_approvals_loses(claim, editor, colleague, admin_member, rating):
    verdict = ready_for_review(claim, editor, rating)
    stale = Verdict.objects.get(pk=verdict.pk)  # both reviewers loaded it in review
    verdict_approve(member=member(colleague), verdict=verdict)
    with pytest.raises(VerdictConflict):
        verdict_approve(member=member(admin_member), verdict=stale)
    assert Verdict.objects.get(pk=verdict.pk).reviewer == colleague


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_approvers_publish_once(newsroom, editor, colleague, admin_member):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    # given
    claim = make_claim(make_article(newsroom), start=39, end=133)
    rating = RatingScale.objects.get(newsroom=newsroom, label="False")
    verdict = ready_for_review(claim, editor, rating)
    barrier = threading.Barrier(2)
    outcomes = []

    def approve(user):
        try:
            barrier.wait(timeout=10)
            verdict_approve(member=member(user), verdict=Verdict.objects.get(pk=verdict.pk))
            outcomes.append("published")
        except VerdictConflict:
            outcomes.append("conflict")
        finally:
            connection.close()

    # when
    threads = [threading.Thread(target=approve, args=(u,)) for u in (colleague, admin_member)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    # then
    assert sorted(outcomes) == ["conflict", "published"]
    assert Verdict.objects.filter(claim=claim, status=Verdict.Status.PUBLISHED).count() == 1


def test_a_published_verdict_is_corrected_by_a_new_version(claim, editor, colleague, rating):
    # given a published verdict
    verdict = ready_for_review(claim, editor, rating)
    verdict_approve(member=member(colleague), verdict=verdict)
    verdict.refresh_from_db()
    with pytest.raises(ValidationError):
        verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="edit in place")
    with pytest.raises(ValidationError):
        verdict_correct(member=member(editor), verdict=verdict, reason="")
    # when a correction is opened, submitted and approved
    correction = verdict_correct(member=member(editor), verdict=verdict, reason="The cost was revised to £55m.")
    assert (correction.version, correction.status) == (2, Verdict.Status.DRAFT)
    assert correction.conclusion == verdict.conclusion
    with pytest.raises(VerdictConflict):
        verdict_correct(member=member(editor), verdict=verdict, reason="again")
    verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="It cost £55m.")
    verdict_submit(member=member(editor), verdict=correction)
    assert Verdict.objects.get(pk=verdict.pk).status == Verdict.Status.PUBLISHED  # still live while in review
    verdict_approve(member=member(colleague), verdict=correction)
    # then
    assert Verdict.objects.get(pk=verdict.pk).status == Verdict.Status.SUPERSEDED
    live = Verdict.objects.get(claim=claim, status=Verdict.Status.PUBLISHED)
    assert (live.pk, live.version, live.conclusion) == (correction.pk, 2, "It cost £55m.")
    assert live.correction_reason == "The cost was revised to £55m."


# --- triage ---------------------------------------------------------------------------------


def test_a_checker_takes_a_statement_but_cannot_assign_others(claim, checker, editor):
    claim_assign(member=member(checker), claim=claim, assignee=checker)
    assert Claim.objects.get(pk=claim.pk).assignee == checker
    with pytest.raises(PermissionDenied):
        claim_assign(member=member(checker), claim=claim, assignee=editor)


def test_an_editor_cannot_assign_to_a_viewer(claim, editor, viewer):
    with pytest.raises(ValidationError):
        claim_assign(member=member(editor), claim=claim, assignee=viewer)


@pytest.mark.parametrize("role", ["editor", "checker"])
def test_it_treats_another_newsrooms_user_as_unknown(claim, editor, checker, outsider, role):
    actor = editor if role == "editor" else checker
    # a checker assigning someone else would get 403; for an outsider's id the answer must not differ
    # from the view's answer to an id that does not exist
    with pytest.raises(ValidationError) as exc:
        claim_assign(member=member(actor), claim=claim, assignee=outsider)
    assert exc.value.messages == [UNKNOWN_ASSIGNEE]
    assert Claim.objects.get(pk=claim.pk).assignee is None


def test_dismissing_needs_a_reason(claim, checker):
    with pytest.raises(ValidationError):
        claim_status_set(member=member(checker), claim=claim, status="dismissed")
    claim_status_set(member=member(checker), claim=claim, status="dismissed", reason="Opinion, not checkable")
    claim.refresh_from_db()
    assert (claim.status, claim.dismissed_reason) == ("dismissed", "Opinion, not checkable")
    claim_status_set(member=member(checker), claim=claim, status="new")
    claim.refresh_from_db()
    assert (claim.status, claim.dismissed_reason) == ("new", "")


def test_a_stale_dismiss_loses_to_a_verdict_submitted_meanwhile(claim, checker, colleague, rating):
    # given: a checker has the statement open (read while it was new) ...
    stale = Claim.objects.get(pk=claim.pk)
    assert stale.status == "new"
    # ... when a colleague submits a verdict on it (the statement moves to "in review")
    ready_for_review(claim, colleague, rating)
    assert Claim.objects.get(pk=claim.pk).status == "in_review"
    # then: the checker's dismiss, decided on the stale row, is refused and changes nothing
    with pytest.raises(ValidationError):
        claim_status_set(member=member(checker), claim=stale, status="dismissed", reason="Not checkable")
    fresh = Claim.objects.get(pk=claim.pk)
    assert (fresh.status, fresh.dismissed_reason) == ("in_review", "")
    assert stale.status == "in_review"  # the caller's instance is refreshed to what won


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_no", range(3))
def test_a_dismiss_racing_a_submission_never_loses_an_update(newsroom, checker, colleague, round_no):
    """Two writers at once, released together by a barrier: a checker dismisses the statement from a
    row read while it was new, a colleague submits a verdict. Whatever order the database serialises
    them in, the outcome is one of the two sequential ones — never both moves "succeeding" with the
    later silently overwriting the earlier."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's concurrent transactions")
    claim = make_claim(make_article(newsroom), start=39, end=133)
    rating = RatingScale.objects.get(newsroom=newsroom, label="False")
    make_evidence(claim, colleague)
    draft = verdict_save_draft(member=member(colleague), claim=claim, rating=rating, conclusion="It cost £52m.")
    stale = Claim.objects.get(pk=claim.pk)  # the checker's page, read before either write
    barrier = threading.Barrier(2)
    outcome = {}

    def dismiss():
        try:
            barrier.wait(timeout=10)
            claim_status_set(member=member(checker), claim=stale, status="dismissed", reason="Not checkable")
            outcome["dismiss"] = "done"
        except ValidationError:
            outcome["dismiss"] = "refused"
        finally:
            connection.close()

    def submit():
        try:
            barrier.wait(timeout=10)
            verdict_submit(member=member(colleague), verdict=Verdict.objects.get(pk=draft.pk))
            outcome["submit"] = "done"
        finally:
            connection.close()

    threads = [threading.Thread(target=dismiss), threading.Thread(target=submit)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert outcome.get("submit") == "done"
    final = Claim.objects.get(pk=claim.pk)
    moves = [h.history_change_reason for h in final.history.order_by("history_id")]
    if outcome["dismiss"] == "done":  # dismissed first: the submission found it dismissed and left it
        assert (final.status, final.dismissed_reason) == ("dismissed", "Not checkable")
        assert "verdict submitted" not in moves
    else:  # submitted first: the stale dismiss was refused and changed nothing
        assert (final.status, final.dismissed_reason) == ("in_review", "")
        assert "status set to dismissed" not in moves


def test_status_cannot_jump_to_published_by_hand(claim, editor):
    with pytest.raises(ValidationError):
        claim_status_set(member=member(editor), claim=claim, status="published")


def test_bulk_actions_are_for_editors_and_stay_in_the_newsroom(newsroom, other_newsroom, editor, checker):
    article = make_article(newsroom)
    mine = [make_claim(article, start=i * 40, end=i * 40 + 30) for i in range(3)]
    foreign = make_claim(make_article(other_newsroom))
    with pytest.raises(PermissionDenied):
        claims_bulk_update(member=member(checker), claim_ids=[mine[0].pk], action="assign", assignee=checker)
    result = claims_bulk_update(
        member=member(editor), claim_ids=[c.pk for c in mine] + [foreign.pk], action="assign", assignee=checker
    )
    assert result.changed == 3 and result.missing == 1
    assert Claim.objects.get(pk=foreign.pk).assignee is None
    with pytest.raises(ValidationError):
        claims_bulk_update(member=member(editor), claim_ids=[mine[0].pk], action="dismiss", reason="")
    assert (
        claims_bulk_update(member=member(editor), claim_ids=[mine[0].pk], action="dismiss", reason="dup").changed == 1
    )
    assert Claim.objects.get(pk=mine[0].pk).status == Claim.Status.DISMISSED


# --- four eyes: nobody who touched a version reviews it -------------------------------------


def test_it_records_everyone_who_touches_a_version(claim, editor, colleague, checker, rating):
    # given evidence gathered by the colleague before any verdict
    make_evidence(claim, colleague)
    # when the checker drafts, the editor edits and the checker submits
    verdict = verdict_save_draft(member=member(checker), claim=claim, rating=rating, conclusion="draft")
    verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="tightened")
    verdict_submit(member=member(checker), verdict=verdict)
    # then
    assert set(verdict.contributors.all()) == {checker, editor, colleague}


def test_an_editor_who_edited_the_draft_cannot_approve_it(claim, editor, colleague, checker, rating):
    # given a checker's draft that the editor edits before the checker submits it
    make_evidence(claim, checker)
    verdict = verdict_save_draft(member=member(checker), claim=claim, rating=rating, conclusion="draft")
    verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="the editor's words")
    verdict_submit(member=member(checker), verdict=verdict)
    # when / then
    with pytest.raises(PermissionDenied) as exc:
        verdict_approve(member=member(editor), verdict=verdict)
    assert str(exc.value) == SELF_REVIEW
    assert Verdict.objects.get(pk=verdict.pk).status == Verdict.Status.IN_REVIEW
    verdict_approve(member=member(colleague), verdict=verdict)
    assert Verdict.objects.get(pk=verdict.pk).reviewer == colleague


def test_an_editor_who_submitted_cannot_approve_or_return(claim, editor, colleague, checker, rating):
    make_evidence(claim, checker)
    verdict = verdict_save_draft(member=member(checker), claim=claim, rating=rating, conclusion="draft")
    verdict_submit(member=member(editor), verdict=verdict)
    with pytest.raises(PermissionDenied):
        verdict_approve(member=member(editor), verdict=verdict)
    with pytest.raises(PermissionDenied):
        verdict_return(member=member(editor), verdict=verdict, comment="my own work")
    assert Verdict.objects.get(pk=verdict.pk).status == Verdict.Status.IN_REVIEW
    verdict_return(member=member(colleague), verdict=verdict, comment="Cite the source.")
    assert Verdict.objects.get(pk=verdict.pk).status == Verdict.Status.DRAFT


def test_evidence_changed_during_the_draft_makes_a_contributor(claim, editor, colleague, checker, rating):
    # given the checker's draft
    make_evidence(claim, checker)
    verdict = verdict_save_draft(member=member(checker), claim=claim, rating=rating, conclusion="draft")
    # when the editor attaches evidence to it and the checker submits
    evidence_attach(member=member(editor), claim=claim, url="https://example.org/editors-find")
    verdict_submit(member=member(checker), verdict=verdict)
    # then the editor reviews their own evidence no more
    with pytest.raises(PermissionDenied):
        verdict_approve(member=member(editor), verdict=verdict)
    verdict_approve(member=member(colleague), verdict=verdict)


def test_a_reviewer_who_only_returned_may_approve_the_resubmission(claim, editor, colleague, rating):
    verdict = ready_for_review(claim, editor, rating)
    verdict_return(member=member(colleague), verdict=verdict, comment="Name the report.")
    verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="Per the annual report.")
    verdict_submit(member=member(editor), verdict=verdict)
    verdict_approve(member=member(colleague), verdict=verdict)
    assert Verdict.objects.get(pk=verdict.pk).status == Verdict.Status.PUBLISHED


def test_the_editor_who_opens_a_correction_cannot_approve_it(claim, editor, colleague, rating):
    # given v1 by the editor, approved by the colleague
    verdict = ready_for_review(claim, editor, rating)
    verdict_approve(member=member(colleague), verdict=verdict)
    verdict.refresh_from_db()
    # when the colleague opens and submits a correction
    correction = verdict_correct(member=member(colleague), verdict=verdict, reason="Revised figures.")
    verdict_submit(member=member(colleague), verdict=correction)
    # then the colleague may not approve it; v1's author, who did not touch v2, may
    with pytest.raises(PermissionDenied):
        verdict_approve(member=member(colleague), verdict=correction)
    verdict_approve(member=member(editor), verdict=correction)
    assert Verdict.objects.get(pk=correction.pk).status == Verdict.Status.PUBLISHED


def test_the_approval_update_itself_refuses_a_contributor(claim, editor, colleague, rating, monkeypatch):
    # given a check that (wrongly) let the author through, the conditional UPDATE still refuses
    from factcheck.verdicts import services

    verdict = ready_for_review(claim, editor, rating)
    monkeypatch.setattr(services, "verdict_is_contributor", lambda verdict, user: False)
    with pytest.raises(VerdictConflict):
        verdict_approve(member=member(editor), verdict=verdict)
    assert Verdict.objects.get(pk=verdict.pk).status == Verdict.Status.IN_REVIEW
    assert list(Verdict.objects.filter(pk=verdict.pk).reviewable_by(colleague)) == [verdict]
    assert list(Verdict.objects.filter(pk=verdict.pk).reviewable_by(editor)) == []


@pytest.mark.django_db(transaction=True)
def test_a_submit_in_flight_makes_the_submitter_a_contributor_before_approval(newsroom, editor, checker):
    """The editor submits a checker's draft and approves at once: the approval waits and is refused."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    from django.db import transaction

    claim = make_claim(make_article(newsroom), start=39, end=133)
    rating = RatingScale.objects.get(newsroom=newsroom, label="False")
    make_evidence(claim, checker)
    verdict = verdict_save_draft(member=member(checker), claim=claim, rating=rating, conclusion="draft")
    submitted, outcome = threading.Event(), []

    def approve():
        try:
            submitted.wait(timeout=10)
            verdict_approve(member=member(editor), verdict=Verdict.objects.get(pk=verdict.pk))
            outcome.append("published")
        except PermissionDenied:
            outcome.append("refused")
        except VerdictConflict:
            outcome.append("conflict")
        finally:
            connection.close()

    # when the submit has updated the row but not committed yet, the approval starts
    thread = threading.Thread(target=approve)
    thread.start()
    with transaction.atomic():
        verdict_submit(member=member(editor), verdict=verdict)
        submitted.set()
        thread.join(timeout=1)  # the approval is blocked on the row lock meanwhile
        assert outcome == []
    thread.join(timeout=30)
    # then
    assert outcome == ["refused"]
    assert Verdict.objects.get(pk=verdict.pk).status == Verdict.Status.IN_REVIEW


# --- evidence after publication ---------------------------------------------------------------


def _published(claim, author, reviewer, rating):
    verdict = ready_for_review(claim, author, rating)
    verdict_approve(member=member(reviewer), verdict=verdict)
    verdict.refresh_from_db()
    return verdict


def test_evidence_of_a_published_verdict_changes_only_through_a_correction(claim, editor, colleague, checker, rating):
    # given a published verdict
    verdict = _published(claim, editor, colleague, rating)
    evidence = claim.evidence.get()
    # when a checker tries to add or remove evidence, then it is refused
    with pytest.raises(ValidationError) as exc:
        evidence_attach(member=member(checker), claim=claim, url="https://example.org/new")
    assert exc.value.messages == [EVIDENCE_PUBLISHED]
    with pytest.raises(ValidationError) as exc:
        evidence_remove(member=member(checker), evidence=evidence)
    assert exc.value.messages == [EVIDENCE_PUBLISHED]
    assert list(claim.evidence.all()) == [evidence]
    # when a correction is opened, evidence changes again and goes with the correction
    correction = verdict_correct(member=member(checker), verdict=verdict, reason="A better source.")
    added = evidence_attach(member=member(colleague), claim=claim, url="https://example.org/better")
    evidence_remove(member=member(checker), evidence=evidence)
    assert set(correction.contributors.all()) == {checker, colleague}
    verdict_submit(member=member(checker), verdict=correction)
    with pytest.raises(PermissionDenied):
        verdict_approve(member=member(colleague), verdict=correction)
    verdict_approve(member=member(editor), verdict=correction)
    # then it is frozen again
    with pytest.raises(ValidationError):
        evidence_remove(member=member(checker), evidence=added)


def test_a_correction_keeps_the_last_public_evidence_of_the_live_verdict(claim, editor, colleague, checker, rating):
    # given a published verdict with one public and one private piece, and a correction open
    verdict = _published(claim, editor, colleague, rating)
    public = claim.evidence.get()
    verdict_correct(member=member(checker), verdict=verdict, reason="More context.")
    private = evidence_attach(member=member(checker), claim=claim, url="https://example.org/x", is_private=True)
    # when the public piece is removed, then it is refused: private evidence never reaches the public page
    with pytest.raises(ValidationError) as exc:
        evidence_remove(member=member(checker), evidence=public)
    assert "only public evidence" in exc.value.messages[0]
    # the private piece may go, and the public one once another public piece is there
    evidence_remove(member=member(checker), evidence=private)
    evidence_attach(member=member(checker), claim=claim, url="https://example.org/replacement")
    evidence_remove(member=member(checker), evidence=public)
    assert list(claim.evidence.public().values_list("url", flat=True)) == ["https://example.org/replacement"]


def test_a_first_draft_may_lose_all_its_evidence(claim, checker, rating):
    evidence = make_evidence(claim, checker)
    verdict_save_draft(member=member(checker), claim=claim, rating=rating, conclusion="draft")
    evidence_remove(member=member(checker), evidence=evidence)  # submitting checks it again
    assert not claim.evidence.exists()


# --- public evidence only -----------------------------------------------------------------------


def test_private_evidence_does_not_make_a_verdict_submittable(claim, checker, rating):
    make_evidence(claim, checker, is_private=True)
    verdict = verdict_save_draft(member=member(checker), claim=claim, rating=rating, conclusion="It is false.")
    with pytest.raises(ValidationError) as exc:
        verdict_submit(member=member(checker), verdict=verdict)
    assert "public evidence" in exc.value.message_dict["__all__"][0]
    assert Verdict.objects.get(pk=verdict.pk).status == Verdict.Status.DRAFT


def test_private_evidence_does_not_make_a_verdict_publishable(claim, editor, colleague, rating):
    make_evidence(claim, editor, is_private=True)
    verdict = make_verdict(claim, editor, status=Verdict.Status.IN_REVIEW, conclusion="x", rating=rating)
    with pytest.raises(ValidationError):
        verdict_approve(member=member(colleague), verdict=verdict)
    assert Verdict.objects.get(pk=verdict.pk).status == Verdict.Status.IN_REVIEW
