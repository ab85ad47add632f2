"""The statement page: a statement in its article's context with the review room's panels (evidence,
verdict, history) and the similar statements. Its triage actions (assign, status) are the claims
room's (`claims:claim_assign`, `claims:claim_status`). `rating_check` answers the verdict form's rating
warning when the chosen rating or the evidence changes (htmx).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from factcheck.claims.forms import triage_forms
from factcheck.claims.models import Claim, claim_band
from factcheck.claims.reasons import why_context
from factcheck.newsrooms.access import get_for_member, get_membership
from factcheck.verdicts.forms import VerdictForm
from factcheck.verdicts.scale_services import verdict_rating_warning
from factcheck.verdicts.views import claim_context_text, claim_history, review_context, shown_rating, similar_claims


@require_GET
@login_required
def statement(request, pk):
    """The statement page: the statement in context, its triage, and the review panels of this room."""
    claim = get_for_member(request, Claim.objects.with_page_rows(), pk)
    tab = request.GET.get("tab", "review")
    if tab == "similar" and request.htmx:
        # The similar-statements panel loads after the page: a trigram search should never slow the page.
        return render(request, "claims/partials/similar.html", {"claim": claim, "similar": similar_claims(claim)})
    if tab == "history":
        context = {"claim": claim, "history": claim_history(claim), "tab": tab}
        if request.htmx:
            return render(request, "verdicts/partials/history.html", context)
    else:
        tab = "similar" if tab == "similar" else "review"
        context = review_context(request, claim)
        if request.htmx:
            return render(request, "verdicts/partials/review.html", context)
    return statement_page(request, claim, context, tab=tab)


def statement_page(request, claim, context, *, tab, status=200):
    """The whole statement page around a tab's `context` (also the answer of a plain verdict POST that must keep
    what was typed: factcheck.verdicts.views.verdict)."""
    membership = get_membership(request)
    before, after = claim_context_text(claim)
    context.update(
        {
            "tab": tab,
            "article": claim.article,
            "before": before,
            "after": after,
            "band": claim_band(claim, membership.newsroom.checkworthy_threshold),
            "why": why_context(claim, membership.newsroom.checkworthy_threshold),
            "similar": similar_claims(claim) if tab == "similar" else None,
            **triage_forms(membership, claim, get_user_model()),
        }
    )
    return render(request, "claims/claim.html", context, status=status)


@require_GET
@login_required
def rating_check(request, pk):
    """The verdict form's warning for `?rating=<id>` against the statement's evidence (an htmx fragment;
    without htmx, the statement page: its form shows the warning for the saved rating)."""
    claim = get_for_member(request, Claim.objects.all(), pk)
    if not request.htmx:
        return redirect(claim)
    rating = shown_rating(VerdictForm(request.GET, newsroom=get_membership(request).newsroom), None)
    warning = verdict_rating_warning(rating=rating, stances=claim.evidence.values_list("stance", flat=True))
    return render(request, "verdicts/partials/rating_warning.html", {"claim": claim, "rating_warning": warning})
