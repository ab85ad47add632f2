"""Screens: the articles list, and the text pasted into an article submitted by link whose page could not
be read (shown on the article page, factcheck.claims.views)."""

from django_htmx.http import HttpResponseClientRedirect

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from factcheck.claims.forms import ArticleTextForm
from factcheck.claims.models import Article, Claim, ExtractionRun
from factcheck.claims.services import ExtractionAlreadyActive, article_text_paste
from factcheck.claims.views import _article_context
from factcheck.core.forms import form_errors_add
from factcheck.newsrooms.access import get_for_member, get_membership

ARTICLES_SHOWN = 100


def articles_with_status(qs):
    """`qs` with each article's latest run status (`run_status`, None before any run) and its number of
    statements (`statement_count`), as subqueries of the one query: no query per row."""
    latest = ExtractionRun.objects.filter(article=OuterRef("pk")).order_by("-created_at", "-pk").values("status")[:1]
    counted = (
        Claim.objects.filter(article=OuterRef("pk")).order_by().values("article").annotate(n=Count("pk")).values("n")
    )
    return qs.annotate(
        run_status=Subquery(latest),
        statement_count=Coalesce(Subquery(counted, output_field=IntegerField()), Value(0)),
    )


@require_GET
@login_required
def articles(request):
    membership = get_membership(request)
    rows = articles_with_status(Article.objects.for_newsroom(membership.newsroom).select_related("outlet"))
    run_labels = dict(ExtractionRun.Status.choices)
    rows = list(rows.defer("body")[:ARTICLES_SHOWN])
    for row in rows:
        row.run_label = run_labels.get(row.run_status, "")
    return render(request, "claims/articles.html", {"articles": rows})


@require_POST
@login_required
def article_paste(request, pk):
    """Save the pasted text into an article whose page could not be read, and extract it."""
    article = get_for_member(request, Article.objects.select_related("outlet"), pk, level="write")
    form = ArticleTextForm(request.POST)
    if form.is_valid():
        try:
            article_text_paste(article=article, user=request.user, **form.cleaned_data)
        except ExtractionAlreadyActive:
            messages.info(request, "The page of this article is being fetched again: wait for that run.")
            return _to_article(request, article)
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):  # the article has its text: nothing to paste
                messages.error(request, " ".join(exc.messages))
                return _to_article(request, article)
            form_errors_add(form, exc)
        else:
            messages.success(request, "Text saved; its extraction is shown beside it.")
            return _to_article(request, article)
    article.refresh_from_db()  # the service may have set the text on this instance before refusing it
    if request.htmx:
        # the page's banner still says why the link failed; the refusal replaces it (oob_flash)
        context = {"article": article, "paste_form": form, "oob_flash": True}
        return render(request, "claims/partials/article_paste.html", context)
    context = _article_context(request, article)
    context["paste_form"] = form
    return render(request, "claims/article.html", context)


def _to_article(request, article):
    url = article.get_absolute_url()
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
