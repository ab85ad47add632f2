"""Review screens: evidence and the verdict panel of the statement page, the history tab.

The dashboard lives in `factcheck.verdicts.dashboard`.

The statement page itself is `claims:claim`; it renders the panels built here with
`review_context()`. Each POST below answers an htmx request with the panel it changed plus
out-of-band updates (the statement's status badge, the evidence counter, flash messages), and a
plain POST with a redirect back to the statement.
"""

import contextlib
import re

from django_htmx.http import trigger_client_event

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import OperationalError, connection, transaction
from django.db.models import F, FloatField, Func, Value
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from factcheck.claims import similar
from factcheck.claims.forms import triage_forms
from factcheck.claims.models import Claim
from factcheck.core.forms import form_errors_add
from factcheck.core.trigrams import trigram_similarity
from factcheck.newsrooms.access import get_for_member, get_membership, require_editor
from factcheck.verdicts.forms import CorrectionForm, EvidenceForm, ReturnForm, VerdictForm
from factcheck.verdicts.models import Evidence, Verdict
from factcheck.verdicts.services import (
    VerdictConflict,
    evidence_attach,
    evidence_lock_reason,
    evidence_remove,
    evidence_source,
    verdict_approve,
    verdict_correct,
    verdict_rating_warning,
    verdict_return,
    verdict_save_and_submit,
    verdict_save_draft,
    verdict_submit,
    verdict_withdraw,
)

EVIDENCE_PANEL = "verdicts/partials/evidence.html"
SIMILAR_LIMIT = 5
# The candidate set is bounded (issue 15, factcheck.claims.similar): the SIMILAR_CANDIDATES statements sharing
# most word keys with the statement (or, for a text of short words, the most similar of the newest), then
# ranked by similarity.
SIMILAR_CANDIDATES = 60
SIMILAR_MIN = 0.3
# The panel's budget, a guard: past it the search is stopped and the panel says so. The bounded search takes
# 2-17 ms at 10,000 and at a million statements; the GiST walk it replaced took up to 1-2 s at a million.
SIMILAR_TIMEOUT_MS = 250


# --- reads used by the statement page ------------------------------------------------------


def similar_candidates(claim, text):
    """Ids of at most SIMILAR_CANDIDATES statements of `claim`'s newsroom, other articles, likely similar to
    `text` (PostgreSQL): `factcheck.claims.similar.candidates`, whose cost is the same in any newsroom."""
    return similar.candidates(
        newsroom_id=claim.newsroom_id, text=text, limit=SIMILAR_CANDIDATES, article_id=claim.article_id or 0
    )


def _ranked(others, candidates, text, limit):
    """The `limit` candidates most similar to `text` (ties: newest first), at least SIMILAR_MIN, with their
    articles. Ranked on the statements alone first, then only those joined to their articles: at a million
    statements each candidate's rows are random reads, and the panel shows a handful of the 60."""
    # a Func on F("text"), not RawSQL naming claims_claim: inside the subquery the table has another alias
    similarity = Func(F("text"), Value(text), function="similarity", output_field=FloatField())
    ranked = others.filter(pk__in=candidates).alias(similarity=similarity).filter(similarity__gte=SIMILAR_MIN)
    shown = ranked.order_by("-similarity", "-pk").values("pk")[:limit]
    rows = others.filter(pk__in=shown).select_related("article").defer("article__body")  # bodies: kilobytes each
    return list(rows.annotate(similarity=similarity).order_by("-similarity", "-pk"))


class SimilarRows(list):
    """The panel's rows; `timed_out` when the search was stopped at `budget_ms` (then empty)."""

    timed_out = False
    budget_ms = SIMILAR_TIMEOUT_MS


def similar_claims(claim, limit=SIMILAR_LIMIT):
    """Other statements of the newsroom with similar text, most similar first, with their verdicts.

    PostgreSQL: the candidates of `similar_candidates` (a bounded set found by word keys) ranked by pg_trgm's
    similarity (ties: newest first) and cut at SIMILAR_MIN. The exact nearest-neighbour walk over the GiST
    trigram index (claims 0008) it replaced grew with the newsroom (issue 15): to prove nothing is nearer,
    it opened every page whose signature could not rule that out, i.e. the newsroom's whole index for a
    statement with no close neighbour (about 1 s at a million statements, 15 ms at 10,000) and thousands
    of pages for one whose nearest are near copies (0.2-2 s for 1-2% of a sample at a million). On 300
    statements of each bench archive the keys find 93% of what the walk found (score for score); the panel
    takes 7-13 ms (p50-p95) at both sizes, 4-6 ms for a statement with no neighbour. A statement similar
    only in short words, or only to statements past the newest PER_KEY of each key, is missed; a statement
    of short words only is compared with the newsroom's newest RECENT statements (claims.similar).
    SIMILAR_TIMEOUT_MS guards the search: past it the panel says it stopped (`timed_out`, no rows).
    Elsewhere (SQLite, make run): pg_trgm's similarity computed in Python over the newsroom's 2,000 most
    recent statements, so SIMILAR_MIN means the same (difflib's ratio had put unrelated statements at 0.3-0.4).
    """
    others = Claim.objects.filter(newsroom_id=claim.newsroom_id)
    others = others.exclude(pk=claim.pk).exclude(article_id=claim.article_id)
    timed_out = False
    if connection.vendor == "postgresql":
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL statement_timeout = %s", [SIMILAR_TIMEOUT_MS])
                candidates = similar_candidates(claim, claim.text)
        except OperationalError:  # the timeout fired: say so rather than hang (or pretend there is nothing)
            candidates, timed_out = [], True
        rows = _ranked(others, candidates, claim.text, limit)
    else:
        scored = []
        for other in others.select_related("article").defer("article__body").order_by("-pk")[:2000]:
            similarity = trigram_similarity(claim.text, other.text)
            if similarity >= SIMILAR_MIN:
                other.similarity = similarity
                scored.append(other)
        rows = sorted(scored, key=lambda c: (-c.similarity, -c.pk))[:limit]
    if rows:
        verdicts = {
            v.claim_id: v
            for v in Verdict.objects.filter(claim__in=rows, status=Verdict.Status.PUBLISHED).select_related("rating")
        }
        for row in rows:
            row.published_verdict = verdicts.get(row.pk)
    rows = SimilarRows(rows)
    rows.timed_out, rows.budget_ms = timed_out, SIMILAR_TIMEOUT_MS
    return rows


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


def review_context(request, claim, *, evidence_form=None, verdict_form=None, return_form=None, correction_form=None):
    """Everything the evidence list and verdict panel need, in a fixed number of queries.

    The panels offer only what the services allow: evidence controls while the current version is a
    draft (or there is none), Approve/Return only to editors who never touched the open version.
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
    return {
        "claim": claim,
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
            (u for u in contributors if u.pk != open_verdict.author_id), key=lambda u: u.get_username()
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


def claim_history(claim):
    """Every recorded change of the statement, its evidence and its verdicts, newest first.

    Values are shown as people read them: choice labels, names for foreign keys, yes/no.
    """
    tracked = {
        "statement": (Claim.history.filter(id=claim.pk), ["status", "assignee", "dismissed_reason", "priority"]),
        "evidence": (
            Evidence.history.filter(claim_id=claim.pk),
            ["source", "url", "quote", "stance", "is_primary", "is_private", "note"],
        ),
        "verdict": (
            Verdict.history.filter(claim_id=claim.pk),
            ["status", "rating", "conclusion", "review_comment", "correction_reason", "reviewer"],
        ),
    }
    entries, wanted = [], {}
    for label, (records, fields) in tracked.items():
        previous = {}
        for record in records.select_related("history_user").order_by("history_date", "history_id"):
            before = previous.get(record.id)
            changes = []
            for name in fields:
                field = record._meta.get_field(name)
                new, old = getattr(record, field.attname), getattr(before, field.attname) if before else None
                if before is not None and old == new:
                    continue
                if before is None and (
                    new in (None, "", False) or (record.history_type == "~" and new == field.default)
                ):
                    continue  # a first record only shows what differs from a blank row
                if field.is_relation:
                    wanted.setdefault(field.related_model, set()).update(v for v in (old, new) if v is not None)
                changes.append([field, old, new])
            previous[record.id] = record
            kind = {"+": "created", "~": "changed", "-": "removed"}[record.history_type]
            if changes or kind != "changed":
                entries.append(
                    {
                        "what": label,
                        "object_id": record.id,
                        "kind": kind,
                        "when": record.history_date,
                        "who": record.history_user,
                        "reason": record.history_change_reason or "",
                        "changes": changes if kind != "removed" else [],
                        "version": getattr(record, "version", None),
                    }
                )
    names = {model: {o.pk: str(o) for o in model._base_manager.filter(pk__in=pks)} for model, pks in wanted.items()}
    for entry in entries:
        entry["changes"] = [
            (field.name.replace("_", " "), _shown(field, old, names), _shown(field, new, names))
            for field, old, new in entry["changes"]
        ]
    entries.sort(key=lambda e: e["when"], reverse=True)
    return entries


def _shown(field, value, names):
    if value is None or value == "":
        return None
    if field.is_relation:
        return names.get(field.related_model, {}).get(value, f"#{value}")
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


# --- responses ------------------------------------------------------------------------------


def _panel_response(request, claim, template, status=200, **forms):
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


# --- evidence -------------------------------------------------------------------------------


@require_POST
@login_required
def evidence_add(request, pk):
    claim = get_for_member(request, Claim.objects.with_page_rows(), pk, level="write")
    membership = get_membership(request)
    form = EvidenceForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            source = None
            if data["source"]:
                source = evidence_source(member=membership, name=data["source"], url=data["source_url"])
            evidence_attach(
                member=membership,
                claim=claim,
                source=source,
                url=data["url"],
                quote=data["quote"],
                stance=data["stance"],
                is_primary=data["is_primary"],
                is_private=data["is_private"],
                note=data["note"],
            )
        except ValidationError as exc:
            form_errors_add(form, exc)  # a locked panel shows why in place of the form
        else:
            messages.success(request, "Evidence added.")
            if not request.htmx:
                return redirect(claim)
            return _panel_response(request, claim, EVIDENCE_PANEL)
    if request.htmx:
        return _panel_response(request, claim, EVIDENCE_PANEL, evidence_form=form)
    messages.error(request, "The evidence was not added: " + " ".join(_flat(form.errors)))
    return redirect(claim)


@require_POST
@login_required
def evidence_delete(request, pk):
    evidence = get_for_member(request, Evidence.objects.select_related("claim"), pk, level="write")
    membership = get_membership(request)
    claim = get_for_member(request, Claim.objects.with_page_rows(), evidence.claim_id)
    try:
        evidence_remove(member=membership, evidence=evidence)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Evidence removed.")
    if request.htmx:
        return _panel_response(request, claim, EVIDENCE_PANEL)
    return redirect(claim)


def _flat(errors):
    return [message for messages_ in errors.values() for message in messages_]


# --- verdict workflow -----------------------------------------------------------------------


@require_POST
@login_required
def verdict_save(request, pk):
    """Save the draft; with action=submit, also submit it for review."""
    claim = get_for_member(request, Claim.objects.with_page_rows(), pk, level="write")
    membership = get_membership(request)
    form = VerdictForm(request.POST, newsroom=membership.newsroom)
    submit = request.POST.get("action") == "submit"
    if form.is_valid():
        fields = {"rating": form.cleaned_data["rating"], "conclusion": form.cleaned_data["conclusion"]}
        try:
            if submit:
                verdict_save_and_submit(member=membership, claim=claim, **fields)
                messages.success(request, "Submitted for review. Another editor will approve or return it.")
            else:
                verdict_save_draft(member=membership, claim=claim, **fields)
                messages.success(request, "Draft saved.")
        except ValidationError as exc:
            if submit:
                # Nothing was saved. Through htmx the form is redrawn as typed; a plain form post is answered
                # with a redirect, which would lose what was typed, so there it is kept as the draft.
                if not request.htmx and (fields["rating"] or fields["conclusion"].strip()):
                    _draft_keep(membership, claim, fields)
                form.errors_heading = "Not submitted yet:"
                exc = ValidationError(_messages(exc))
            form_errors_add(form, exc)
        except VerdictConflict as exc:
            form.add_error(None, str(exc))
    return _verdict_answer(request, claim, verdict_form=form if form.errors else None)


def _draft_keep(membership, claim, fields):
    # what cannot be a draft either is still named by the submit's errors
    with contextlib.suppress(ValidationError, VerdictConflict):
        verdict_save_draft(member=membership, claim=claim, **fields)


def _messages(exc):
    if hasattr(exc, "error_dict"):
        return [m for ms in exc.message_dict.values() for m in ms]
    return exc.messages


def _verdict_answer(request, claim, **forms):
    if request.htmx:
        return _panel_response(request, claim, "verdicts/partials/verdict_panel.html", **forms)
    for form in forms.values():
        if form is not None and form.errors:
            messages.error(request, " ".join([getattr(form, "errors_heading", ""), *_flat(form.errors)]).strip())
    return redirect(claim)


def _transition(request, pk, action, form_class=None, form_key=None):
    verdict = get_for_member(request, Verdict.objects.select_related("claim", "claim__article"), pk, level="write")
    membership = get_membership(request)
    if action in (verdict_approve, verdict_return):
        require_editor(membership)
    claim = get_for_member(request, Claim.objects.with_page_rows(), verdict.claim_id)
    form = form_class(request.POST) if form_class else None
    extra = {}
    if form is not None and not form.is_valid():
        return _verdict_answer(request, claim, **{form_key: form})
    if form is not None:
        extra = form.cleaned_data
    try:
        action(member=membership, verdict=verdict, **extra)
    except ValidationError as exc:
        if form is None:
            messages.error(request, " ".join(_messages(exc)))
        else:
            form_errors_add(form, exc)
            return _verdict_answer(request, claim, **{form_key: form})
    except VerdictConflict as exc:
        messages.warning(request, str(exc))
    else:
        messages.success(request, SUCCESS[action.__name__])
    return _verdict_answer(request, claim)


SUCCESS = {
    "verdict_submit": "Submitted for review.",
    "verdict_withdraw": "Withdrawn to draft. Change it, then submit it again when it is ready.",
    "verdict_approve": "Verdict published.",
    "verdict_return": "Returned to the author with your comment.",
    "verdict_correct": "Correction opened as a new draft version.",
}


@require_POST
@login_required
def verdict_submit_view(request, pk):
    return _transition(request, pk, verdict_submit)


@require_POST
@login_required
def verdict_approve_view(request, pk):
    return _transition(request, pk, verdict_approve)


@require_POST
@login_required
def verdict_return_view(request, pk):
    return _transition(request, pk, verdict_return, ReturnForm, "return_form")


@require_POST
@login_required
def verdict_correct_view(request, pk):
    return _transition(request, pk, verdict_correct, CorrectionForm, "correction_form")


@require_POST
@login_required
def verdict_withdraw_view(request, pk):
    return _transition(request, pk, verdict_withdraw)
