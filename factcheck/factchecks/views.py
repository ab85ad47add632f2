"""Screens of known fact-checks: the list, the import (admins) and a statement's "checked elsewhere" panel."""

from django_htmx.http import HttpResponseClientRedirect

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from factcheck.claims.models import Claim
from factcheck.factchecks.forms import KnownImportForm
from factcheck.factchecks.models import ClaimMatch, KnownFactCheck
from factcheck.factchecks.services import known_import, known_import_url
from factcheck.newsrooms.access import get_for_member, get_membership, require_admin
from factcheck.sources.models import clean_search_term

LIST_LIMIT = 100
PANEL_LIMIT = 10


@require_GET
@login_required
def known_list(request):
    membership = get_membership(request)
    term = clean_search_term(request.GET.get("q"))
    origin = request.GET.get("origin", "")
    known = KnownFactCheck.objects.for_newsroom(membership.newsroom)
    counts = known.aggregate(
        total=Count("pk"),
        imported=Count("pk", filter=Q(origin=KnownFactCheck.Origin.IMPORTED)),
        own=Count("pk", filter=Q(origin=KnownFactCheck.Origin.OWN)),
    )
    counts["matched_statements"] = Claim.objects.for_newsroom(membership.newsroom).filter(has_known_match=True).count()
    rows = known.search(term)
    if origin in KnownFactCheck.Origin.values:
        rows = rows.filter(origin=origin)
    rows = list(rows.annotate(n_matches=Count("matches"))[: LIST_LIMIT + 1])
    context = {
        "rows": rows[:LIST_LIMIT],
        "more": len(rows) > LIST_LIMIT,
        "q": term,
        "origin": origin,
        "origins": KnownFactCheck.Origin.choices,
        "counts": counts,
    }
    template = "factchecks/partials/rows.html" if request.htmx else "factchecks/list.html"
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
@login_required
def known_import_view(request):
    """Admins import other organisations' ClaimReview: bad records are listed by position, good ones kept."""
    membership = get_membership(request)
    require_admin(membership)
    posted = request.method == "POST"
    form = KnownImportForm(request.POST if posted else None, request.FILES if posted else None)
    report = None
    if posted and form.is_valid():
        if form.cleaned_data["file"]:
            report = known_import(newsroom=membership.newsroom, user=request.user, raw=form.cleaned_data["file"].read())
        else:
            report = known_import_url(newsroom=membership.newsroom, user=request.user, url=form.cleaned_data["url"])
        if report.ok:
            messages.success(
                request,
                f"Imported {report.read} fact-check{'s' if report.read != 1 else ''}: {report.created} new, "
                f"{report.updated} updated, {report.unchanged} unchanged. Matching runs in the background.",
            )
            url = reverse("factchecks:list")
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
        # Otherwise the page stays open with the summary and the table of bad records.
    template = "factchecks/partials/import.html" if request.htmx else "factchecks/import.html"
    return render(request, template, {"form": form, "report": report})


@require_GET
@login_required
def claim_matches(request, pk):
    """The statement page's "Already checked elsewhere" panel (htmx), or the same list as a page."""
    claim = get_for_member(request, Claim.objects.select_related("article"), pk)
    matches = ClaimMatch.objects.for_newsroom(claim.newsroom_id).filter(claim=claim).select_related("known")
    matches = list(matches[:PANEL_LIMIT])
    context = {"claim": claim, "matches": matches}
    template = "factchecks/partials/claim_matches.html" if request.htmx else "factchecks/claim_matches.html"
    return render(request, template, context)
