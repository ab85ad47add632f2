"""Screens of the claims room: queue, articles, submit, the article page, the statement page.

Views are the one layer that composes rooms: the statement page renders the review panels and the
queue's triage actions call the workflow services of `factcheck.verdicts` (models and services
keep the one-way import direction; only these views look right).
"""

import unicodedata
from functools import lru_cache

from django_htmx.http import reswap

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import F
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from factcheck.claims.checks import article_checks
from factcheck.claims.forms import (
    ArticleSubmitForm,
    BulkForm,
    ClaimStatusForm,
    QueueFilterForm,
    _outlet_choices,
    bulk_bar,
    paste_form_for,
    triage_forms,
    workers_of,
)
from factcheck.claims.models import Article, Claim, ExtractionRun, claim_band, claim_worthy
from factcheck.claims.pager import pager_queries
from factcheck.claims.queue import (
    COUNT_CAP,
    PAGE_SIZE,
    capped_count_sql,
    counted_page_ids,
    cursor_of,
    keyset,
    page_fetch,
    pairs,
    pairs_sql,
    queue_filter,
    queue_order,
    returned_exists,
)
from factcheck.claims.reasons import readable_reasons
from factcheck.claims.rows import QueueRow, queue_rows_html
from factcheck.claims.services import ExtractionAlreadyActive, article_submit, article_submit_url, extraction_request
from factcheck.claims.workflow import claim_assign, claim_status_set, claims_bulk_update
from factcheck.core.forms import form_errors_add
from factcheck.core.people import display_name, display_name_sql, name_columns
from factcheck.newsrooms.access import get_for_member, get_membership, require_editor, require_writer
from factcheck.newsrooms.services import membership_queue_seen_sql

# What a queue row reads (claims.rows), and nothing else: each column not loaded saves its decoding, the
# datetimes above all (the four models' created/updated times were a third of the rows' fetch time).
QUEUE_ROW_FIELDS = (
    *("id", "text", "checkworthiness", "checkworthy", "status", "dismissed_reason", "types", "speaker"),
    *("has_failed_check", "has_known_match", "created_at", "article_id", "assignee_id"),
)


def queue_row_columns(qs):
    """`qs` with the columns a queue row shows: the statement's own, and its article's title, outlet name,
    assignee's name (people.display_name_sql) and whether its open verdict was returned (queue.returned_exists)
    as annotations (one model instance a row, not four through
    select_related: about 1 ms of CPU less a page)."""
    return qs.only(*QUEUE_ROW_FIELDS).annotate(
        article_title=F("article__title"),
        outlet_name=F("article__outlet__name"),
        assignee_name=display_name_sql("assignee__"),
        returned=returned_exists(),
    )


def queue_row_values(qs):
    """queue_row_columns(qs) as tuples in QueueRow's column order (no model instances)."""
    return queue_row_columns(qs).values_list(*QueueRow.COLUMNS)


# --- article text ---------------------------------------------------------------------------


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


def _article_context(request, article):
    membership = get_membership(request)
    claims = list(article.claims.select_related("assignee"))
    threshold = membership.newsroom.checkworthy_threshold
    for claim in claims:
        claim.band = claim_band(claim, threshold)
        claim.top_reasons = readable_reasons(claim.reasons)[:4]
    runs = list(article.runs.select_related("requested_by")[:10])
    last_done = next((r for r in runs if r.status == ExtractionRun.Status.SUCCEEDED), None)
    return {
        "article": article,
        "claims": claims,
        "segments": article_segments(article, claims),
        "runs": runs,
        "run": runs[0] if runs else None,
        "checks": article_checks(last_done, claims),
        "worthy_count": sum(1 for c in claims if claim_worthy(c, threshold)),
        "paste_form": paste_form_for(article),
    }


# --- queue ----------------------------------------------------------------------------------


def _url_maker(name):
    """`reverse(name, args=[pk])` for a page of rows: reversed once, then formatted per pk (an <int:pk> route)."""
    marker = 9_876_543_210
    before, after = reverse(name, args=[marker]).rsplit(str(marker), 1)
    return lambda pk: f"{before}{pk}{after}"


def _truncated(text, length):
    """text shortened to at most `length` characters with "…", cut after a whole word ("rise 12%", not
    "rise 1…") unless the last space is in the first half."""
    text = unicodedata.normalize("NFC", text)
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    space = cut.rfind(" ")
    if space > length // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def _queue_rows_show(rows):
    """What each row shows, worked out once for the page instead of by template tags and filters per row:
    the links (four reverse() calls a row before) and the truncated statement and article title."""
    claim_url, article_url = _url_maker("verdicts:claim"), _url_maker("claims:article")
    assign_url = _url_maker("claims:claim_assign")
    for claim in rows:
        claim.url = claim_url(claim.pk)
        claim.assign_url = assign_url(claim.pk)
        claim.short_text = _truncated(claim.text, 220)
        claim.article_url = article_url(claim.article_id)
        claim.article_short_title = _truncated(claim.article_title, 70)
    return rows


def _queue_page(qs, data, extras, write):
    """(capped count, sort, up to PAGE_SIZE + 1 rows of the page, the values of `extras`) of the filtered queue
    `qs`: the rows, the count and the `extras` (page_fetch) in one query, but for a search, whose count comes
    first (counted_page_ids, and it picks the plan of the page)."""
    sort, after = data.get("sort") or "score", data.get("after")
    extras = dict(extras)
    count = None
    if data.get("q") and connection.vendor == "postgresql":
        count, ids = counted_page_ids(qs, sort, after, PAGE_SIZE + 1)
        if ids is not None:  # few matches: the page's ids are known, in order
            found, values = page_fetch(queue_row_values(Claim.objects.filter(pk__in=ids)), extras, write)
            by_id = {row[0]: row for row in found}
            return count, sort, [QueueRow(by_id[pk]) for pk in ids if pk in by_id], values
    else:
        extras["count"] = capped_count_sql(qs)
    qs, sort = queue_order(qs, data, many_matches=count is not None and count > COUNT_CAP)
    found, values = page_fetch(queue_row_values(keyset(qs, sort, after))[: PAGE_SIZE + 1], extras, write)
    return values.pop("count", count), sort, [QueueRow(row) for row in found], values


def queue_results(request, membership, params, extras=None, write=None):
    """Rows, pagination and counts for the queue, from the query-string `params`; with the values of `extras`
    ({name: (sql, params)} of one value each, fetched with the rows) as context["extras"]. `write`: an UPDATE
    sent first in the same round trip (queue.page_fetch)."""
    form = QueueFilterForm(params, newsroom=membership.newsroom, can_review=membership.can_edit)
    valid = form.is_valid()  # an unusable filter is left out (and named on the page: form.ignored())
    data = form.cleaned_data if valid else {k: v for k, v in form.cleaned_data.items() if k not in form.errors}
    qs = queue_filter(membership, data)
    extras = dict(extras or {})
    if membership.can_write and data.get("review") != "returned":  # "1 verdict returned to you — show"
        extras["returned"] = capped_count_sql(queue_filter(membership, {"review": "returned"}))
    count, sort, page, values = _queue_page(qs, data, extras, write)
    returned = values.pop("returned", 0) or 0
    has_next = len(page) > PAGE_SIZE
    rows = page[:PAGE_SIZE]
    previous_visit = membership.queue_previous_seen_at
    threshold = membership.newsroom.checkworthy_threshold
    for claim in rows:
        claim.band = claim_band(claim, threshold)
        claim.is_new = previous_visit is not None and claim.created_at > previous_visit
    base = params.copy()
    for name in ("after", "back"):
        base.pop(name, None)
    after = data.get("after") or ""
    next_cursor = cursor_of(rows[-1], sort) if has_next else ""
    queries = pager_queries(base, sort=sort, after=after, back=params.get("back", ""), next_cursor=next_cursor)
    rows = _queue_rows_show(rows)
    return {
        "form": form,
        "rows": rows,
        "rows_html": queue_rows_html(rows, request=request, membership=membership, type_filter=data.get("type")),
        "count": min(count, COUNT_CAP),
        "count_capped": count > COUNT_CAP,
        "is_first_page": not after,
        **queries,
        "sort": sort,
        "article_scope": data.get("article"),
        "returned_count": min(returned, COUNT_CAP),
        "extras": values,
        "ignored_filters": form.ignored(),
    }


@lru_cache(maxsize=256)
def _choices_sql(newsroom_id, outlet):
    """(sql, params) of the filter bar's outlets and of the bulk bar's people (pairs_sql), compiled once a
    process for a newsroom and a chosen outlet id: the SQL of a fixed query with these two parameters, not its
    rows, which are read on every page load (~0.9 ms of the ORM's compiling a page)."""
    user_model = get_user_model()
    workers = workers_of(newsroom_id, user_model).values_list(*name_columns())
    return pairs_sql(_outlet_choices(newsroom_id, outlet), "name"), pairs_sql(workers, *name_columns()[1:])


@require_GET
@login_required
def queue(request):
    membership = get_membership(request)
    if request.htmx:
        return render(request, "claims/partials/queue_results.html", queue_results(request, membership, request.GET))
    stamp = None
    if "after" not in request.GET:  # a new visit: what is new is counted from the one before
        stamp = membership_queue_seen_sql(member=membership)  # written with the rows' query (queue.page_fetch)
    previous = membership.queue_previous_seen_at
    # The full page's other figures come with the rows (queue.page_fetch): what is new since the last visit,
    # the filter bar's outlets and the bulk bar's people.
    outlet = request.GET.get("outlet", "")
    outlets, workers = _choices_sql(membership.newsroom_id, int(outlet) if outlet.isdigit() else None)
    extras = {"outlets": outlets}
    if previous:
        # capped like the queue's own count: after a long absence in a big newsroom, "more than 1000 new", not a
        # count of every statement found since
        new_since = Claim.objects.for_newsroom(membership.newsroom).filter(created_at__gt=previous)
        extras["new"] = capped_count_sql(new_since)
    extras["workers"] = workers  # the bulk bar's people, and the Assignee filter's
    context = queue_results(request, membership, request.GET, extras, write=stamp)
    values = context.pop("extras")
    form = context["form"].with_people(pairs(values["workers"]))
    form.fields["outlet"].choices = [("", "Any outlet"), *pairs(values["outlets"])]
    new = values.get("new") or 0
    context["previous_visit"] = previous
    context["new_count"] = min(new, COUNT_CAP) if previous else None
    context["new_capped"] = new > COUNT_CAP
    if membership.can_edit:
        context["bulk"] = bulk_bar(membership.newsroom, people=pairs(values["workers"]))
    else:
        context["bulk"] = None
    return render(request, "claims/queue.html", context)


@require_POST
@login_required
def claims_bulk(request):
    membership = get_membership(request)
    require_editor(membership)
    form = BulkForm(request.POST, newsroom=membership.newsroom)
    filters = QueryDict(request.POST.get("filters", ""), mutable=True)
    refused = True
    if form.is_valid():
        data = form.cleaned_data
        try:
            result = claims_bulk_update(
                member=membership,
                claim_ids=data["ids"],
                action=data["action"],
                assignee=data["assignee"],
                status=data["status"],
                reason=data["reason"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            refused = False
            messages.success(request, result.summary())
    else:
        messages.error(request, " ".join(m for ms in form.errors.values() for m in ms))
    if request.htmx and refused:
        # only the message: the rows stay as they are, with their ticks, for another try
        return reswap(render(request, "core/partials/flash_oob.html"), "none")
    if request.htmx:
        context = queue_results(request, membership, filters)
        context["oob_flash"] = True
        return render(request, "claims/partials/queue_results.html", context)
    url = reverse("claims:queue")
    return redirect(f"{url}?{filters.urlencode()}" if filters else url)


# --- submit, the article page, runs (the articles list and a pasted text: claims.articles) --------


@require_http_methods(["GET", "POST"])
@login_required
def submit(request):
    membership = get_membership(request)
    require_writer(membership)
    form = ArticleSubmitForm(request.POST or None, newsroom=membership.newsroom)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if form.by_url:
                result = article_submit_url(
                    newsroom=membership.newsroom,
                    user=request.user,
                    url=data["url"],
                    title=data["title"],
                    outlet=data["outlet"],
                    published_on=data["published_on"],
                )
            else:
                result = article_submit(newsroom=membership.newsroom, user=request.user, **data)
        except ValidationError as exc:
            form_errors_add(form, exc)
        else:
            # Only what is done: the run's box on the article page says how the fetch and extraction go (it
            # may already have failed when tasks run in-process, and a green "is fetched" beside it misled)
            if result.created and form.by_url:
                messages.success(request, "Article saved from its link; its extraction is shown below.")
            elif result.created:
                messages.success(request, "Article saved; its extraction is shown below.")
            else:
                messages.info(request, "This article was already submitted; here it is.")
            return redirect(result.article)
    return render(request, "claims/submit.html", {"form": form})


@require_GET
@login_required
def article(request, pk):
    article = get_for_member(request, Article.objects.select_related("outlet"), pk)
    context = _article_context(request, article)
    if request.htmx:
        return render(request, "claims/partials/article_body.html", context)
    return render(request, "claims/article.html", context)


@require_POST
@login_required
def article_extract(request, pk):
    article = get_for_member(request, Article.objects.select_related("outlet"), pk)
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
        run.refresh_from_db()  # without a broker (make run) the run has already finished here
        _run_started_message(request, run)
    if request.htmx:
        run.refresh_from_db()
        return _run_status_answer(request, run, article)
    return redirect(article)


def _run_started_message(request, run):
    if run.status == ExtractionRun.Status.FAILED:
        messages.error(request, f"Extraction failed again: {run.message}".rstrip(": "))
    elif run.status == ExtractionRun.Status.SUCCEEDED:
        messages.success(request, "Extraction finished.")
    else:
        messages.success(request, "Extraction queued.")


def _run_status_answer(request, run, article):
    """The self-replacing status fragment; once finished on the article page, the statements come too."""
    context = {"run": run, "article": article, "oob_flash": True}
    on_article_page = request.htmx.current_url_abs_path == article.get_absolute_url()
    if not run.is_active and on_article_page:
        context.update(_article_context(request, article))
        context.update({"run": run, "oob_article": True})
    return render(request, "claims/partials/run_status.html", context)


@require_GET
@login_required
def run_status(request, pk):
    run = get_for_member(request, ExtractionRun.objects.select_related("article", "article__outlet"), pk)
    if request.htmx:
        return _run_status_answer(request, run, run.article)
    return render(request, "claims/run.html", {"run": run, "article": run.article})


# --- the statement page's triage actions (the page itself: factcheck.verdicts.statement) -----------


@require_POST
@login_required
def claim_assign_view(request, pk):
    """Assign the statement: `assignee` is a user id, 'me', or empty to unassign."""
    claim = get_for_member(request, Claim.objects.with_page_rows(), pk, level="write")
    membership = get_membership(request)
    wanted = request.POST.get("assignee", "")
    assignee = None
    if wanted == "me":
        assignee = request.user
    elif wanted:
        assignee = get_user_model().objects.filter(pk=wanted if wanted.isdigit() else 0).first()
        if assignee is None:
            messages.error(request, "Unknown person.")
    try:
        if wanted == "" or assignee is not None:
            claim_assign(member=membership, claim=claim, assignee=assignee)
            messages.success(request, f"Assigned to {display_name(assignee)}." if assignee else "Unassigned.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    if request.htmx:
        return render(request, "claims/partials/assignee.html", {"claim": claim, "oob_flash": True})
    return redirect(request.POST.get("next") if _safe_next(request) else claim)


def _safe_next(request):
    return url_has_allowed_host_and_scheme(
        request.POST.get("next", ""), allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


@require_POST
@login_required
def claim_status(request, pk):
    claim = get_for_member(request, Claim.objects.with_page_rows(), pk, level="write")
    membership = get_membership(request)
    form = ClaimStatusForm(request.POST)
    if form.is_valid():
        try:
            claim_status_set(
                member=membership, claim=claim, status=form.cleaned_data["status"], reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Status set to {claim.get_status_display().lower()}.")
    else:
        messages.error(request, "Pick a status.")
    if request.htmx:
        claim.refresh_from_db(fields=["status", "dismissed_reason"])
        return render(
            request,
            "claims/partials/claim_triage.html",
            {"claim": claim, "oob_flash": True, **triage_forms(membership, claim, get_user_model())},
        )
    return redirect(claim)
