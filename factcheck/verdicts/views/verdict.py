"""Saving the verdict draft, and submitting it for review in the same click (the verdict form's POST)."""

import contextlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.views.decorators.http import require_POST

from factcheck.claims.models import Claim
from factcheck.core.forms import form_errors_add
from factcheck.newsrooms.access import get_for_member, get_membership
from factcheck.verdicts.forms import VerdictForm
from factcheck.verdicts.services import VerdictConflict, VerdictStale, verdict_save_and_submit, verdict_save_draft
from factcheck.verdicts.statement import statement_page
from factcheck.verdicts.views.panels import (
    VERDICT_PANEL,
    error_messages,
    panel_response,
    review_context,
    verdict_answer,
)


@require_POST
@login_required
def verdict_save(request, pk):
    """Save the draft; with action=submit, also submit it for review. A draft changed since the form was
    loaded is not overwritten: the panel says who changed it and when, with the typed text kept."""
    claim = get_for_member(request, Claim.objects.with_page_rows(), pk, level="write")
    membership = get_membership(request)
    form = VerdictForm(request.POST, newsroom=membership.newsroom)
    submit = request.POST.get("action") == "submit"
    if form.is_valid():
        fields = {key: form.cleaned_data[key] for key in ("rating", "conclusion", "version")}
        try:
            if submit:
                verdict_save_and_submit(member=membership, claim=claim, **fields)
                who = "Another editor" if membership.can_edit else "An editor"  # a checker never reviews
                messages.success(request, f"Submitted for review. {who} will approve or return it.")
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
                exc = ValidationError(error_messages(exc))
            form_errors_add(form, exc)
        except VerdictStale as exc:
            return _stale_answer(request, claim, form, exc)
        except VerdictConflict as exc:
            form.add_error(None, str(exc))
    return verdict_answer(request, claim, verdict_form=form if form.errors else None)


def _stale_answer(request, claim, form, conflict):
    """The panel with the conflict and the form as typed: in place (htmx, 200 so that htmx swaps it), or the
    whole statement page (409: a redirect would drop what was typed)."""
    if request.htmx:
        return panel_response(request, claim, VERDICT_PANEL, verdict_form=form, conflict=conflict)
    context = review_context(request, claim, verdict_form=form, conflict=conflict)
    return statement_page(request, claim, context, tab="review", status=409)


def _draft_keep(membership, claim, fields):
    # what cannot be a draft either is still named by the submit's errors
    with contextlib.suppress(ValidationError, VerdictConflict):
        verdict_save_draft(member=membership, claim=claim, **fields)
