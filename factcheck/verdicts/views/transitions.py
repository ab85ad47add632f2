"""The verdict's transitions: submit, withdraw, approve, return, correct (each a button of the verdict panel)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.views.decorators.http import require_POST

from factcheck.claims.models import Claim
from factcheck.core.forms import form_errors_add
from factcheck.newsrooms.access import get_for_member, get_membership, require_editor
from factcheck.verdicts.forms import CorrectionForm, ReturnForm
from factcheck.verdicts.models import Verdict
from factcheck.verdicts.services import (
    VerdictConflict,
    verdict_approve,
    verdict_correct,
    verdict_return,
    verdict_submit,
    verdict_withdraw,
)
from factcheck.verdicts.views.panels import error_messages, verdict_answer


def _transition(request, pk, action, form_class=None, form_key=None):
    verdict = get_for_member(request, Verdict.objects.select_related("claim", "claim__article"), pk, level="write")
    membership = get_membership(request)
    if action in (verdict_approve, verdict_return):
        require_editor(membership)
    claim = get_for_member(request, Claim.objects.with_page_rows(), verdict.claim_id)
    form = form_class(request.POST) if form_class else None
    extra = {}
    if form is not None and not form.is_valid():
        return verdict_answer(request, claim, **{form_key: form})
    if form is not None:
        extra = form.cleaned_data
    try:
        action(member=membership, verdict=verdict, **extra)
    except ValidationError as exc:
        if form is None:
            messages.error(request, " ".join(error_messages(exc)))
        else:
            form_errors_add(form, exc)
            return verdict_answer(request, claim, **{form_key: form})
    except VerdictConflict as exc:
        messages.warning(request, str(exc))
    else:
        messages.success(request, SUCCESS[action.__name__])
    return verdict_answer(request, claim)


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
