from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from factcheck.claims.forms import ArticleSubmitForm
from factcheck.claims.models import Article, Claim, ExtractionRun
from factcheck.claims.services import ExtractionAlreadyActive, article_submit, extraction_request
from factcheck.newsrooms.access import get_membership, require_editor, require_writer


def _get_article_for_user(request, pk):
    membership = get_membership(request)
    return get_object_or_404(Article.objects.for_newsroom(membership.newsroom), pk=pk)


def _get_claim_for_user(request, pk):
    membership = get_membership(request)
    return get_object_or_404(
        Claim.objects.for_newsroom(membership.newsroom).select_related("article", "article__outlet", "claimant"), pk=pk
    )


def _get_run_for_user(request, pk):
    membership = get_membership(request)
    return get_object_or_404(ExtractionRun.objects.for_newsroom(membership.newsroom).select_related("article"), pk=pk)


def article_segments(article, claims):
    """The article body cut into plain runs and highlighted statements, in order."""
    segments, cursor = [], 0
    for claim in sorted(claims, key=lambda c: (c.start, c.end)):
        if claim.start < cursor or claim.end > len(article.body):
            continue  # a kept statement overlapping a newer one is listed, not highlighted
        if claim.start > cursor:
            segments.append((article.body[cursor : claim.start], None))
        segments.append((article.body[claim.start : claim.end], claim))
        cursor = claim.end
    if cursor < len(article.body):
        segments.append((article.body[cursor:], None))
    return segments


@require_GET
@login_required
def queue(request):
    membership = get_membership(request)
    claims = Claim.objects.for_newsroom(membership.newsroom).open().ranked().select_related("article", "assignee")[:50]
    return render(request, "claims/queue.html", {"claims": claims})


@require_GET
@login_required
def articles(request):
    membership = get_membership(request)
    rows = Article.objects.for_newsroom(membership.newsroom).select_related("outlet")[:100]
    return render(request, "claims/articles.html", {"articles": rows})


@require_http_methods(["GET", "POST"])
@login_required
def submit(request):
    membership = get_membership(request)
    require_writer(membership)
    form = ArticleSubmitForm(request.POST or None, newsroom=membership.newsroom)
    if request.method == "POST" and form.is_valid():
        try:
            result = article_submit(newsroom=membership.newsroom, user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            if result.created:
                messages.success(request, "Article saved. Extraction is queued.")
            else:
                messages.info(request, "This article was already submitted; here it is.")
            return redirect(result.article)
    return render(request, "claims/submit.html", {"form": form})


@require_GET
@login_required
def article(request, pk):
    article = _get_article_for_user(request, pk)
    claims = list(article.claims.select_related("assignee"))
    runs = list(article.runs.all()[:10])
    context = {
        "article": article,
        "claims": claims,
        "segments": article_segments(article, claims),
        "runs": runs,
        "run": runs[0] if runs else None,
    }
    return render(request, "claims/article.html", context)


@require_POST
@login_required
def article_extract(request, pk):
    article = _get_article_for_user(request, pk)
    membership = get_membership(request)
    last = article.runs.first()
    if last is not None and last.status == ExtractionRun.Status.FAILED:
        require_writer(membership)  # anyone who can submit can retry a failed run
    else:
        require_editor(membership)  # re-extracting a finished article is an editor's call
    try:
        run = extraction_request(article=article, user=request.user)
    except ExtractionAlreadyActive as exc:
        run = exc.run
        messages.info(request, "An extraction of this article is already under way.")
    else:
        messages.success(request, "Extraction queued.")
    if request.htmx:
        return render(request, "claims/partials/run_status.html", {"run": run, "article": article})
    return redirect(article)


@require_GET
@login_required
def run_status(request, pk):
    run = _get_run_for_user(request, pk)
    template = "claims/partials/run_status.html" if request.htmx else "claims/run.html"
    return render(request, template, {"run": run, "article": run.article})


@require_GET
@login_required
def claim(request, pk):
    claim = _get_claim_for_user(request, pk)
    return render(request, "claims/claim.html", {"claim": claim, "article": claim.article})
