"""The statement page's review panels (evidence list, verdict panel) and the answers of the POSTs that change them.

Each POST answers an htmx request with the panel it changed plus out-of-band updates (the statement's status
badge, the triage card, the evidence counter, flash messages), and a plain POST with a redirect back to the
statement.
"""

import re

from django_htmx.http import trigger_client_event

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect, render

from factcheck.claims.forms import triage_forms
from factcheck.core.people import display_name
from factcheck.newsrooms.access import get_membership
from factcheck.verdicts.forms import CorrectionForm, EvidenceForm, ReturnForm, VerdictForm
from factcheck.verdicts.models import Verdict
from factcheck.verdicts.scale_services import verdict_rating_warning
from factcheck.verdicts.services import evidence_lock_reason, verdict_version

EVIDENCE_PANEL = "verdicts/partials/evidence.html"
VERDICT_PANEL = "verdicts/partials/verdict_panel.html"


SENTENCE_END = re.compile(r"[.!?][”\"’)]*\s+|\n+")


def claim_context_text(claim, window=320):
    """The sentences around the statement: text before and after, cut at sentence boundaries."""
    body = claim.article.body
    before = body[max(0, claim.start - window) : claim.start]
    if claim.start > window:
        first = SENTENCE_END.search(before)
        before = before[first.end() :] if first else before
    after = body[claim.end : claim.end + window]
    if claim.end + window < len(body):
        ends = list(SENTENCE_END.finditer(after))
        after = after[: ends[-1].start() + 1] if ends else after
    squeeze = re.compile(r"\n\s*\n+")  # paragraphs as single line breaks: dense, still readable
    return squeeze.sub("\n", before.lstrip()), squeeze.sub("\n", after.rstrip())


def review_context(
    request, claim, *, evidence_form=None, verdict_form=None, return_form=None, correction_form=None, conflict=None
):
    """Everything the evidence list and verdict panel need, in a fixed number of queries.

    The panels offer only what the services allow: evidence controls while the current version is a
    draft (or there is none), Approve/Return only to editors who never touched the open version.
    The verdict form carries the draft's version: as posted when it comes back with errors (a stale form
    stays stale), the draft's own otherwise, and after a `conflict` (VerdictStale) the one just shown to the
    person, so saving again replaces the colleague's text knowingly.
    """
    membership = get_membership(request)
    evidence = list(claim.evidence.select_related("source", "added_by"))
    verdicts = list(
        claim.verdicts.select_related("rating", "author", "reviewer")
        .prefetch_related("contributors")
        .order_by("-version")
    )
    open_verdict = next((v for v in verdicts if v.status in Verdict.OPEN), None)
    published = next((v for v in verdicts if v.status == Verdict.Status.PUBLISHED), None)
    contributors = list(open_verdict.contributors.all()) if open_verdict is not None else []
    touched = open_verdict is not None and request.user.pk in {open_verdict.author_id, *(u.pk for u in contributors)}
    evidence_locked = evidence_lock_reason(verdicts[0] if verdicts else None)
    public = [item for item in evidence if not item.is_private]
    # During a correction the published version stays live: its last public piece cannot go.
    keep = {public[0].pk} if published is not None and len(public) == 1 else set()
    in_review = open_verdict is not None and open_verdict.status == Verdict.Status.IN_REVIEW
    if verdict_form is None:
        initial = {}
        if open_verdict is not None:
            initial = {"rating": open_verdict.rating_id, "conclusion": open_verdict.conclusion}
        verdict_form = VerdictForm(initial=initial, newsroom=membership.newsroom)
    version = verdict_version(open_verdict)
    if verdict_form.is_bound and conflict is None:
        version = verdict_form.data.get("version", "")
    return {
        "claim": claim,
        "verdict_version": version,
        "verdict_conflict": conflict,
        "evidence": evidence,
        "verdicts": verdicts,
        "open_verdict": open_verdict,
        "published_verdict": published,
        "evidence_form": evidence_form or EvidenceForm(),
        "verdict_form": verdict_form,
        "return_form": return_form or ReturnForm(),
        "correction_form": correction_form or CorrectionForm(),
        "evidence_locked": evidence_locked,
        "evidence_kept": keep,
        "touched_open_verdict": touched,
        "open_verdict_editors": sorted(
            (u for u in contributors if u.pk != open_verdict.author_id), key=lambda u: display_name(u).casefold()
        ),
        "can_review": in_review and membership.can_edit and not touched,
        "can_withdraw": in_review and membership.can_write and open_verdict.author_id == request.user.pk,
        "rating_warning": verdict_rating_warning(
            rating=shown_rating(verdict_form, open_verdict), stances=[item.stance for item in evidence]
        ),
    }


def shown_rating(verdict_form, open_verdict):
    """The rating the verdict panel shows: the one in review, else the form's choice (as posted, after an error
    or in a rating check), else the open draft's."""
    if open_verdict is not None and open_verdict.status == Verdict.Status.IN_REVIEW:
        return open_verdict.rating
    if verdict_form.is_bound:
        verdict_form.is_valid()  # cleans once; a no-op when the view already did
        return verdict_form.cleaned_data.get("rating")
    return open_verdict.rating if open_verdict is not None else None


# --- responses ------------------------------------------------------------------------------


def panel_response(request, claim, template, status=200, **forms):
    """The htmx answer: the changed panel, then OOB status badge, triage card, evidence count and flash
    (saving a draft or submitting for review moves the statement's status, which the triage card shows).
    An evidence answer also fires `evidence-changed`, on which the verdict form's rating warning reloads."""
    claim.refresh_from_db(fields=["status", "assignee", "updated_at"])
    context = review_context(request, claim, **forms)
    context.update(triage_forms(get_membership(request), claim, get_user_model()), oob=True)
    response = render(request, template, context, status=status)
    if template == EVIDENCE_PANEL:
        trigger_client_event(response, "evidence-changed")
    return response


def verdict_answer(request, claim, **forms):
    """The verdict panel (htmx), or a redirect to the statement with each form's errors as a flash message."""
    if request.htmx:
        return panel_response(request, claim, VERDICT_PANEL, **forms)
    for form in forms.values():
        if form is not None and form.errors:
            messages.error(request, " ".join([getattr(form, "errors_heading", ""), *form_error_list(form)]).strip())
    return redirect(claim)


def form_error_list(form):
    """Every message of `form`'s errors, fields and non-field alike, in one list."""
    return [message for messages_ in form.errors.values() for message in messages_]


def error_messages(exc):
    """Every message of a ValidationError, whether it carries a dict of fields or a list."""
    if hasattr(exc, "error_dict"):
        return [m for ms in exc.message_dict.values() for m in ms]
    return exc.messages
