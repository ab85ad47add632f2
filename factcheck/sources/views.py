from django_htmx.http import HttpResponseClientRedirect

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from factcheck.core.forms import form_errors_add
from factcheck.newsrooms.access import get_for_member, get_membership, require_admin
from factcheck.sources.forms import SourceCSVForm, SourceForm
from factcheck.sources.models import Source, clean_search_term
from factcheck.sources.services import source_save, sources_import_csv

SUGGEST_LIMIT = 12


@require_GET
@login_required
def source_list(request):
    membership = get_membership(request)
    term = clean_search_term(request.GET.get("q"))
    kind = request.GET.get("kind", "")
    sources = Source.objects.for_newsroom(membership.newsroom).search(term)
    if kind in Source.Kind.values:
        sources = sources.filter(kind=kind)
    # Two cheap counts per row from one grouped query: where the source was cited and how often it is an outlet.
    sources = sources.annotate(n_cited=Count("evidence", distinct=True), n_articles=Count("articles", distinct=True))[
        :200
    ]
    context = {"sources": sources, "q": term, "kind": kind, "kinds": Source.Kind.choices}
    template = "sources/partials/rows.html" if request.htmx else "sources/list.html"
    return render(request, template, context)


@require_GET
@login_required
def source_suggest(request):
    """Registry suggestions for search-as-you-type: <option> elements for a <datalist>."""
    membership = get_membership(request)
    term = clean_search_term(request.GET.get("q") or request.GET.get("source"))
    sources = Source.objects.for_newsroom(membership.newsroom).active().search(term)[:SUGGEST_LIMIT] if term else []
    return render(request, "sources/partials/suggest.html", {"sources": sources, "q": term})


@require_GET
@login_required
def source_detail(request, pk):
    source = get_for_member(request, Source.objects.all(), pk)
    cited = source.evidence.select_related("claim", "claim__article").order_by("-created_at")[:100]
    articles = source.articles.order_by("-created_at")[:50]
    context = {"source": source, "cited": cited, "articles": articles}
    return render(request, "sources/detail.html", context)


def _source_form(request, source=None):
    membership = get_membership(request)
    require_admin(membership)
    form = SourceForm(request.POST or None, instance=source)
    if request.method == "POST" and form.is_valid():
        try:
            saved = source_save(newsroom=membership.newsroom, source=source, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_add(form, exc)
        else:
            messages.success(request, f"Saved “{saved.name}”.")
            return redirect("sources:detail", pk=saved.pk)
    template = "sources/partials/form.html" if request.htmx else "sources/form.html"
    return render(request, template, {"form": form, "source": source})


@require_http_methods(["GET", "POST"])
@login_required
def source_create(request):
    return _source_form(request)


@require_http_methods(["GET", "POST"])
@login_required
def source_edit(request, pk):
    source = get_for_member(request, Source.objects.all(), pk)
    return _source_form(request, source)


def _imported_message(report):
    """The flash after an import that changed no registered source and had no bad rows."""
    rows = report.created + report.unchanged
    if not rows:
        return "The file had no rows to import."
    return f"Imported {rows} row{'s' if rows != 1 else ''}: {report.created} new, {report.unchanged} unchanged."


@require_http_methods(["GET", "POST"])
@login_required
def source_import(request):
    """Admins import sources from a CSV file. When the file only adds sources (or repeats them unchanged) the
    admin goes back to the list; when it changed a registered source or had bad rows, the page stays open
    with the summary, what changed in each updated source and the bad rows by line."""
    membership = get_membership(request)
    require_admin(membership)
    form = SourceCSVForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = sources_import_csv(newsroom=membership.newsroom, data=form.cleaned_data["file"].read())
        if report.ok and not report.updates:
            messages.success(request, _imported_message(report))
            return HttpResponseClientRedirect(reverse("sources:list")) if request.htmx else redirect("sources:list")
    template = "sources/partials/import.html" if request.htmx else "sources/import.html"
    context = {
        "form": form,
        "report": report,
        "kinds": Source.Kind.choices,
        "credibilities": Source.Credibility.choices,
    }
    return render(request, template, context)
