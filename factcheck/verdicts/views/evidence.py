"""Adding and removing a statement's evidence (the evidence panel's POSTs)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from factcheck.claims.models import Claim
from factcheck.core.forms import form_errors_add
from factcheck.newsrooms.access import get_for_member, get_membership
from factcheck.verdicts.forms import EvidenceForm
from factcheck.verdicts.models import Evidence
from factcheck.verdicts.services import evidence_attach, evidence_remove, evidence_source
from factcheck.verdicts.views.panels import EVIDENCE_PANEL, form_error_list, panel_response


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
            return panel_response(request, claim, EVIDENCE_PANEL)
    if request.htmx:
        return panel_response(request, claim, EVIDENCE_PANEL, evidence_form=form)
    messages.error(request, "The evidence was not added: " + " ".join(form_error_list(form)))
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
        return panel_response(request, claim, EVIDENCE_PANEL)
    return redirect(claim)
