import io

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods

from factcheck.core.forms import form_errors_add
from factcheck.core.people import full_name, public_name
from factcheck.newsrooms.access import get_for_member, get_membership, require_admin, require_editor
from factcheck.reports import claimreview, csvexport, pdf
from factcheck.reports.common import credited, statement_context
from factcheck.reports.forms import ReportForm
from factcheck.reports.models import ReportExport
from factcheck.reports.pack import evidence_pack as build_evidence_pack
from factcheck.reports.selection import filters_describe, report_rows, report_verdicts
from factcheck.reports.services import ITERATOR_CHUNK, inline_limit, report_export_request, report_runs_inline
from factcheck.verdicts.models import Evidence, Verdict


def _get_export_for_user(request, pk):
    """Editors see exports; an internal one (private evidence) only admins."""
    export = get_for_member(request, ReportExport.objects.select_related("newsroom", "requested_by"), pk, level="edit")
    if export.internal:
        require_admin(get_membership(request))
    return export


def _base_url(request):
    return request.build_absolute_uri("/")


def _summary(membership, form):
    """What the current filters select, for the builder's live summary."""
    if not form.is_valid():
        return None
    verdicts = report_verdicts(newsroom=membership.newsroom, filters=form.filters())
    counts = verdicts.order_by().aggregate(
        total=Count("pk"),
        unpublished=Count("pk", filter=~Q(status=Verdict.Status.PUBLISHED)),
        unrated=Count("pk", filter=Q(status=Verdict.Status.PUBLISHED, rating__isnull=True)),
    )
    fmt = form.cleaned_data["format"]
    return {
        **counts,
        "format": ReportExport.Format(fmt).label,
        "is_jsonld": fmt == ReportExport.Format.JSONLD,
        "inline": report_runs_inline(fmt=fmt, count=counts["total"]),
        "limit": inline_limit(fmt),
    }


def _recent(membership):
    exports = ReportExport.objects.for_newsroom(membership.newsroom).select_related("requested_by")
    if not membership.is_admin:
        exports = exports.filter(internal=False)
    published = (
        Verdict.objects.for_newsroom(membership.newsroom)
        .published()
        .select_related("rating", "claim")
        .order_by("-published_at", "-pk")
    )
    return {"exports": exports[:10], "published": published[:15]}


def _inline_response(export, verdicts):
    """Write a small report straight into the response (CSV and JSON-LD stream, PDF is built whole)."""
    filename = export.download_name
    content_type = ReportExport.CONTENT_TYPES[export.format]
    if export.format == ReportExport.Format.CSV:
        lines = csvexport.csv_lines(
            report_rows(verdicts, chunk_size=ITERATOR_CHUNK, internal=export.internal),
            base_url=export.base_url,
            bom=export.bom,
            internal=export.internal,
        )
        response = StreamingHttpResponse(lines, content_type=content_type)
    elif export.format == ReportExport.Format.JSONLD:
        skipped = []
        chunks = claimreview.jsonld_chunks(
            report_rows(verdicts, chunk_size=ITERATOR_CHUNK, internal=export.internal),
            base_url=export.base_url,
            bounds=claimreview.scale_bounds(export.newsroom),
            skipped=skipped,
        )
        response = StreamingHttpResponse(chunks, content_type=content_type)
    else:
        buffer = io.BytesIO()
        pdf.pdf_write(export=export, verdicts=report_rows(verdicts, internal=export.internal), target=buffer)
        response = HttpResponse(buffer.getvalue(), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
def builder(request):
    membership = get_membership(request)
    require_editor(membership)
    data = request.POST if request.method == "POST" else (request.GET or None)
    form = ReportForm(data, membership=membership)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        fields = {
            "newsroom": membership.newsroom,
            "requested_by": request.user,
            "format": d["format"],
            "filters": form.filters(),
            "internal": d.get("internal", False),
            "bom": d["bom"] and d["format"] == ReportExport.Format.CSV,
            "base_url": _base_url(request),
        }
        verdicts = report_verdicts(
            newsroom=membership.newsroom, filters=fields["filters"], with_body=d["format"] == ReportExport.Format.PDF
        )
        count = verdicts.count()
        cap = settings.REPORTS_MAX_VERDICTS_NON_ADMIN
        if not membership.is_admin and count > cap:
            form.add_error(
                None,
                f"This report would hold {count:,} verdicts; editors may export up to {cap:,} at a time. "
                "Narrow the filters (for example by date), or ask a newsroom admin.",
            )
            return render(request, "reports/builder.html", {"form": form, "summary": None, **_recent(membership)})
        if report_runs_inline(fmt=d["format"], count=count):
            export = ReportExport(**fields, created_at=timezone.now())  # never saved: describes the file
            return _inline_response(export, verdicts)
        try:
            export = report_export_request(
                **{k: v for k, v in fields.items() if k != "requested_by"}, user=request.user
            )
        except ValidationError as exc:
            form_errors_add(form, exc)
        else:
            messages.success(request, "The report is being prepared; this page shows its progress.")
            return redirect(export)
    summary = _summary(membership, form) if form.is_bound else None
    if request.htmx and request.method == "GET":
        return render(request, "reports/partials/summary.html", {"summary": summary, "form": form})
    return render(request, "reports/builder.html", {"form": form, "summary": summary, **_recent(membership)})


@require_GET
@login_required
def export(request, pk):
    export = _get_export_for_user(request, pk)
    if request.htmx:
        return render(request, "reports/partials/export_status.html", {"export": export})
    membership = get_membership(request)
    filters = filters_describe(newsroom=membership.newsroom, filters=export.filters)
    return render(request, "reports/export.html", {"export": export, "filters": filters})


@require_GET
@login_required
def export_download(request, pk):
    export = _get_export_for_user(request, pk)
    if not export.is_downloadable:
        raise Http404("This export has no file (not finished, failed or expired).")
    try:
        handle = default_storage.open(export.file.name, "rb")
    except FileNotFoundError:
        raise Http404("The export file is gone.")
    return FileResponse(
        handle,
        as_attachment=True,
        filename=export.download_name,
        content_type=ReportExport.CONTENT_TYPES[export.format],
    )


@require_GET
@login_required
def evidence_pack(request, pk):
    verdict = get_for_member(request, Verdict.objects.all(), pk, level="edit")
    internal = request.GET.get("internal") == "1"
    if internal:
        require_admin(get_membership(request))
    body = build_evidence_pack(verdict=verdict, base_url=_base_url(request), internal=internal)
    response = HttpResponse(body, content_type="application/zip")
    suffix = "-internal" if internal else ""
    response["Content-Disposition"] = f'attachment; filename="evidence-pack-{verdict.pk}{suffix}.zip"'
    return response


@require_GET
def public_verdict(request, pk):
    """A published verdict for anyone: no login, public evidence only, its ClaimReview embedded."""
    verdict = get_object_or_404(
        Verdict.objects.select_related(
            "newsroom", "rating", "author", "reviewer", "claim__article__outlet", "claim__claimant"
        ),
        pk=pk,
    )
    if verdict.status == Verdict.Status.SUPERSEDED:
        current = Verdict.objects.published().filter(claim_id=verdict.claim_id).first()
        if current is not None:
            return redirect("reports:public_verdict", pk=current.pk, permanent=True)
    if verdict.status != Verdict.Status.PUBLISHED:
        raise Http404("No published verdict here.")
    # Sources as the verdict was approved with them: a later registry edit does not rewrite a published page.
    evidence = credited(Evidence.all_objects.as_published(verdict).public().select_related("source"), published=True)
    try:
        doc = claimreview.claimreview_for(
            verdict, base_url=_base_url(request), bounds=claimreview.scale_bounds(verdict.newsroom)
        )
    except claimreview.Skip:
        doc = None
    before, statement, after = statement_context(verdict.claim)
    context = {
        "verdict": verdict,
        "claim": verdict.claim,
        "article": verdict.claim.article,
        "newsroom": verdict.newsroom,
        "evidence": evidence,
        "before": before,
        "statement": statement,
        "after": after,
        # Full names only, never a login: an unnamed checker is the newsroom's team.
        "author": public_name(verdict.author, verdict.newsroom),
        "reviewer": full_name(verdict.reviewer),
        "ld_json": mark_safe(claimreview.ld_json(doc)) if doc else None,  # noqa: S308 - escaped like json_script
    }
    return render(request, "reports/public_verdict.html", context)
