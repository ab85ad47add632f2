"""Writes and workflows of the claims room: submit, extract, re-extract, retry, sweep.

The Celery task calls `extraction_run`; everything it does is idempotent. A run is taken with a
conditional UPDATE (PENDING → RUNNING), the extractor runs outside any transaction, and the
results are written in one short transaction that upserts statements on (article, start, end)
and finishes the run with a second conditional UPDATE. A redelivered, retried or racing task
therefore converges on one set of statements.
"""

import logging
import time
import unicodedata
from dataclasses import dataclass

from celery.exceptions import SoftTimeLimitExceeded

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from factcheck.claims.jobs import (
    EXTRACTION_JOB,
    extraction_enqueue,
    extraction_enqueue_batch,
    fetch_time_limit_message,
    time_limit_message,
)
from factcheck.claims.models import Article, ExtractionRun, content_hash, url_hash
from factcheck.claims.pages import PageUnreadable, page_article, url_normalise
from factcheck.claims.results import results_write
from factcheck.core.fetch import FetchRefused, fetch, link_refusal
from factcheck.core.forms import error_text
from factcheck.core.jobs import JobProgress, job_fail, job_mine, job_sweep, job_take
from factcheck.sources.models import Source
from factcheck.sources.services import source_find_or_create

logger = logging.getLogger(__name__)

Status = ExtractionRun.Status


class ExtractionAlreadyActive(Exception):
    """The article already has a pending or running extraction."""

    def __init__(self, run):
        super().__init__(f"Extraction run {run.pk} is already {run.status}")
        self.run = run


@dataclass
class SubmitResult:
    article: Article
    created: bool
    run: ExtractionRun | None


# --- submit -------------------------------------------------------------------------------


def article_text_validate(body):
    """Reject what is not an article's text, with a message a person can act on."""
    if body is None or not body.strip():
        raise ValidationError({"body": "Paste the article's text: it is empty."})
    if len(body) > settings.ARTICLE_MAX_CHARS:
        raise ValidationError(
            {
                "body": f"The text is {len(body):,} characters long; the limit is "
                f"{settings.ARTICLE_MAX_CHARS:,}. Split it into parts or paste the article alone."
            }
        )
    if "\x00" in body:
        raise ValidationError({"body": "The text contains NUL bytes: it looks like a binary file, not text."})
    try:
        body.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(
            {"body": "The text contains invalid Unicode (a lone surrogate): it cannot be stored."}
        ) from None
    controls = sum(1 for ch in body if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(10, len(body) // 100):
        raise ValidationError({"body": "The text is mostly control characters: it looks like a binary file, not text."})
    if not any(ch.isalpha() for ch in body):
        raise ValidationError({"body": "The text has no letters in it: there is nothing to check."})
    _prose_validate(body)


def _prose_validate(body):
    """Refuse text that is mostly punctuation or symbols, or that has no sentence-length run of words.

    News prose is about 80% letters and digits (of its non-space characters) and, in any script, has
    runs of several words; a page of dots, emoji or a single giant token has neither.
    """
    ink = [ch for ch in body if not ch.isspace()]
    words = sum(1 for ch in ink if ch.isalnum())
    if words < len(ink) * 0.5:
        share = 100 - round(100 * words / len(ink))
        raise ValidationError(
            {"body": f"Most of the text ({share}%) is punctuation or symbols: paste the article's prose."}
        )
    if not _has_sentence(body):
        raise ValidationError(
            {"body": "The text has no sentence in it (no run of three or more words): there is nothing to check."}
        )


def _has_sentence(body):
    """True when some line has three words in a row (tokens with a letter or digit), or a CJK-style run."""
    run = 0
    for token in body.split():
        if any(ch.isalnum() for ch in token) and len(token) <= 60:
            run += 1
            if run >= 3:
                return True
        else:
            run = 0
    # Scripts written without spaces (Chinese, Japanese, Thai…): a run of their letters is a sentence.
    return any(sum(1 for ch in token[:200] if _unspaced_script(ch)) >= 8 for token in body.split())


def _unspaced_script(ch):
    return ch.isalpha() and unicodedata.name(ch, "").startswith(_UNSPACED_SCRIPTS)


_UNSPACED_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN")


# An article's newsroom and user come from the caller's checked membership: full_clean need not SELECT them
# again (an import saves one query per line). The outlet is still checked: a row a caller cached may be gone.
CALLER_CHECKED = ["newsroom", "submitted_by"]


@transaction.atomic
def article_submit(
    *, newsroom, user, title, body, url="", outlet=None, published_on=None, enqueue=True
) -> SubmitResult:
    """Save an article and a PENDING extraction run; enqueue the run once the transaction commits.

    The same text submitted again in the newsroom returns the existing article (created=False).
    enqueue=False leaves the run to the caller (an import sends its runs in batches).
    """
    body, digest = article_text_prepare(body)
    existing = Article.objects.filter(newsroom=newsroom, content_hash=digest).first()
    if existing is not None:
        return SubmitResult(article=existing, created=False, run=None)
    article = article_build(
        newsroom=newsroom, user=user, title=title, body=body, digest=digest, url=url, outlet=outlet,
        published_on=published_on,
    )  # fmt: skip
    return _article_create(article, user=user, enqueue=enqueue)


def article_text_prepare(body):
    """(the text as stored, its content_hash) of a pasted article; ValidationError when it is no article."""
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n")
    article_text_validate(body)
    return body, content_hash(body)


def article_build(*, newsroom, user, title, body, digest, url="", outlet=None, published_on=None, exclude=()):
    """The unsaved, validated Article of a prepared text (article_text_prepare). `exclude`: fields the
    caller has checked itself (an import checks its outlets in bulk), beside the newsroom and user."""
    if outlet is not None and outlet.newsroom_id != newsroom.pk:
        raise ValidationError({"outlet": "Unknown outlet."})
    if url:  # the link kept beside pasted text: the same rule as a link that is fetched
        _url_address_check(url)
    article = Article(
        newsroom=newsroom,
        title=((title or "").strip() or _title_from(body))[:500],
        body=body,
        url=url_normalise(url) if url else "",  # as article_submit_url stores it, so either finds the other
        outlet=outlet,
        published_on=published_on,
        submitted_by=user,
        content_hash=digest,
    )
    article.full_clean(exclude=[*CALLER_CHECKED, *exclude], validate_constraints=False)
    return article


def articles_create(*, articles, user):
    """Save new articles (built by article_build, none of them in the database yet) and a PENDING run
    for each, in two INSERTs; returns the runs, in the articles' order. Nothing is enqueued: the caller
    sends the runs (an import, in batches, once its chunk commits). A concurrent submit of one of the
    texts makes the article INSERT raise IntegrityError: the caller then saves them one by one."""
    articles = Article.objects.bulk_create(articles)
    runs = [ExtractionRun(newsroom_id=a.newsroom_id, article=a, requested_by=user) for a in articles]
    return ExtractionRun.objects.bulk_create(runs)


def _article_create(article, *, user, enqueue=True):
    """Save a new article and its PENDING run. A concurrent submit of the same text (or URL, see
    article_submit_url) that won the race on (newsroom, content_hash) is returned instead."""
    try:
        with transaction.atomic():
            article.save()
    except IntegrityError:
        winner = Article.objects.get(newsroom_id=article.newsroom_id, content_hash=article.content_hash)
        return SubmitResult(article=winner, created=False, run=None)
    return SubmitResult(article=article, created=True, run=_run_create(article=article, user=user, enqueue=enqueue))


def _title_from(body):
    first = body.strip().split("\n", 1)[0].strip()
    return first[:120] or "Untitled article"


@transaction.atomic
def article_submit_url(*, newsroom, user, url, title="", outlet=None, published_on=None) -> SubmitResult:
    """Save an article to be read from `url` and a PENDING run; enqueue the run once the transaction commits.

    The run fetches the page (factcheck.core.fetch: public addresses only, size and time limits), reads
    its text, title, author, date and outlet (trafilatura), then extracts statements as for pasted text.
    A page that cannot be fetched or holds no article text fails the run with the reason; the article
    keeps its URL and a retry (extraction_request) fetches again.

    The URL is stored normalised (scheme and host lower-case, no default port, no fragment). The same
    URL already in the newsroom, submitted by URL or pasted with this link, returns that article
    (created=False, run=None). Raises ValidationError({"url": ...}) for a link that is not http(s), is
    malformed, or names a private or reserved IP address, localhost or a *.local name (link_refusal).
    `title`, `outlet` and `published_on` (the import's optional fields) win over what the page says.
    """
    url = url_normalise(url)
    _url_address_check(url)
    existing = Article.objects.filter(newsroom=newsroom, url=url).order_by("pk").first()
    if existing is not None:
        return SubmitResult(article=existing, created=False, run=None)
    if outlet is not None and outlet.newsroom_id != newsroom.pk:
        raise ValidationError({"outlet": "Unknown outlet."})
    # Until the page is read the title is the URL and content_hash is url_hash(url): the unique
    # (newsroom, content_hash) constraint then also catches two concurrent submits of one URL.
    digest = url_hash(url)
    article = Article(
        newsroom=newsroom,
        title=(title or "").strip()[:500] or url[:500],
        body="",
        url=url,
        outlet=outlet,
        published_on=published_on,
        submitted_by=user,
        content_hash=digest,
    )
    article.full_clean(exclude=["body", *CALLER_CHECKED], validate_constraints=False)
    return _article_create(article, user=user)


@transaction.atomic
def article_text_paste(*, article, user, title="", body) -> ExtractionRun:
    """Give an article submitted by link whose page could not be read the text a person pasted, and start
    its extraction. The article keeps its URL; an empty title takes the text's first line.

    Raises ValidationError({"body": ...}) for text that is no article's (article_text_validate) or that is
    already another article of the newsroom, ValidationError (no field) when the article has its text
    already, and ExtractionAlreadyActive while a fetch or extraction of it is under way.
    """
    if not article.awaits_fetch:
        raise ValidationError("This article has its text already: re-extract it instead.")
    active = ExtractionRun.objects.active().filter(article=article).first()
    if active is not None:
        raise ExtractionAlreadyActive(active)
    body, digest = article_text_prepare(body)
    twin = Article.objects.filter(newsroom_id=article.newsroom_id, content_hash=digest).exclude(pk=article.pk).first()
    if twin is not None:
        raise ValidationError(
            {"body": f"This text is already in the newsroom as the article “{twin.title[:120]}” (no. {twin.pk})."}
        )
    article.title = ((title or "").strip() or _title_from(body))[:500]
    article.body, article.content_hash = body, digest
    article.full_clean(exclude=CALLER_CHECKED, validate_constraints=False)
    try:
        with transaction.atomic():
            # conditional: a fetch that read the page meanwhile (or a second paste) keeps its text
            changed = Article.objects.filter(pk=article.pk, body="").update(
                title=article.title, body=body, content_hash=digest, updated_at=timezone.now()
            )
    except IntegrityError:  # the same text was submitted meanwhile
        raise ValidationError({"body": "This text was just submitted as another article: work on that one."}) from None
    if changed != 1:
        raise ValidationError("This article has its text already: re-extract it instead.")
    return extraction_request(article=article, user=user)


def _url_address_check(url):
    """Refuse at once a link to a private or reserved IP address, localhost or a *.local name (other names are
    checked when the fetch resolves them)."""
    refusal = link_refusal(url)
    if refusal:
        raise ValidationError({"url": refusal})


def outlet_for(*, newsroom, name, url=""):
    """The newsroom's Source for an article's outlet (by the site's domain, else by name), added as a
    news outlet when missing; None when there is neither a name nor a usable domain."""
    try:
        return source_find_or_create(newsroom=newsroom, name=name, url=url, kind=Source.Kind.NEWS_OUTLET)
    except ValidationError:  # a home URL or name the registry refuses: the article simply has no outlet
        return None


def _run_create(*, article, user, enqueue=True):
    run = ExtractionRun.objects.create(newsroom=article.newsroom, article=article, requested_by=user)
    if enqueue:
        transaction.on_commit(lambda: extraction_enqueue(run_id=run.pk))
    return run


@transaction.atomic
def extraction_request(*, article, user, enqueue=True):
    """Start a new extraction of `article` (re-extract or retry) unless one is pending or running.

    enqueue=False leaves the run to the caller (extraction_retry_failed sends its runs in batches)."""
    active = ExtractionRun.objects.active().filter(article=article).first()
    if active is not None:
        raise ExtractionAlreadyActive(active)
    try:
        with transaction.atomic():
            return _run_create(article=article, user=user, enqueue=enqueue)
    except IntegrityError:  # the partial unique index caught a concurrent request
        raise ExtractionAlreadyActive(ExtractionRun.objects.active().get(article=article)) from None


# --- the run --------------------------------------------------------------------------------


def extraction_run(*, run_id, extract=None):
    """Run one extraction. Idempotent: returns early when the run is gone, taken or finished."""
    if not job_take(EXTRACTION_JOB, run_id):
        return None
    run = ExtractionRun.objects.select_related("article").get(pk=run_id)
    return extraction_run_taken(run=run, extract=extract)


def extraction_run_taken(*, run, extract=None):
    """Fetch (for a link), extract and write a run this attempt has taken (`run.attempts` is the attempt)."""
    if extract is None:
        from factcheck.extraction import extract
    run_id = run.pk
    progress = JobProgress(EXTRACTION_JOB, run_id, run.attempts)
    started = time.perf_counter()
    fetching = run.article.awaits_fetch
    try:
        if fetching:
            run.article = _article_fetch(run)
            fetching = False
            started = time.perf_counter()  # the run's duration is the extraction's, as for pasted text
        extraction = extract(run.article.body, on_progress=progress)
        duration_ms = round((time.perf_counter() - started) * 1000)
        total = progress.total or 1
        return results_write(run=run, extraction=extraction, duration_ms=duration_ms, progress_total=total)
    except (FetchRefused, PageUnreadable) as exc:
        logger.info("extraction run %s: page of article %s not read: %s", run_id, run.article_id, exc.message)
        job_fail(EXTRACTION_JOB, run_id, run.attempts, exc.message)
        return None
    except SoftTimeLimitExceeded:
        logger.warning("extraction run %s stopped at its time limit", run_id)
        message = fetch_time_limit_message() if fetching else time_limit_message()
        job_fail(EXTRACTION_JOB, run_id, run.attempts, message)
        return None
    except DatabaseError:
        raise  # transient: the task's autoretry (or the sweep) runs it again
    except Exception as exc:  # the extractor's failure is the run's failure, not the worker's
        logger.exception("extraction run %s failed", run_id)
        what = "Fetching or reading the page failed" if fetching else "The extractor failed on this text"
        job_fail(EXTRACTION_JOB, run_id, run.attempts, extractor_failed_message(what, exc))
        return None


def extractor_failed_message(what, exc):
    return f"{what} ({exc.__class__.__name__}: {str(exc)[:300]})."


def _article_fetch(run):
    """Fetch the page of the run's article, read the article in it and save it. Returns the article.

    Writes the FETCHING message first (the status page shows it) and clears it when the text is saved.
    Raises FetchRefused or PageUnreadable, with the article left as it was (its URL, no text).
    """
    mine = job_mine(EXTRACTION_JOB, run.pk, run.attempts)
    mine.update(message=ExtractionRun.FETCHING, heartbeat_at=timezone.now())
    page = page_article(fetch(run.article.url))
    try:
        article_text_validate(page.body)
    except ValidationError as exc:
        raise PageUnreadable(f"The page's text cannot be used: {error_text(exc)}") from None
    article = _article_fill(run.article, page)
    mine.update(message="", heartbeat_at=timezone.now())
    return article


@transaction.atomic
def _article_fill(article, page):
    """Save the page's article on a row still waiting for it (a conditional UPDATE: a redelivered run
    that already filled it leaves it as it is). What the submitter gave (title, outlet, date) wins."""
    digest = content_hash(page.body)
    twin = Article.objects.filter(newsroom_id=article.newsroom_id, content_hash=digest).exclude(pk=article.pk).first()
    if twin is not None:
        raise PageUnreadable(
            f"This page's text is already in the newsroom as the article “{twin.title[:120]}” "
            f"(no. {twin.pk}): work on that one."
        )
    untitled = article.title == article.url[:500]
    outlet = article.outlet or outlet_for(newsroom=article.newsroom, name=page.site_name, url=page.home_url)
    try:
        with transaction.atomic():
            Article.objects.filter(pk=article.pk, body="").update(
                title=(page.title or _title_from(page.body))[:500] if untitled else article.title,
                body=page.body,
                author=page.author,
                published_on=article.published_on or page.published_on,
                outlet=outlet,
                content_hash=digest,
                updated_at=timezone.now(),
            )
    except IntegrityError:  # the same text was pasted meanwhile
        raise PageUnreadable("This page's text was just submitted as another article: work on that one.") from None
    article.refresh_from_db()
    return article


# --- the sweep ------------------------------------------------------------------------------


def extraction_sweep(*, now=None):
    """Re-send, take back or fail stuck runs: the shared policy of core.jobs.job_sweep."""
    return job_sweep(EXTRACTION_JOB, now=now)


def extraction_retry_failed(*, newsroom=None, user=None):
    """Start a new run for every article whose latest run FAILED, sent in batches (EXTRACTION_BATCH_SIZE
    runs a task) once the caller commits. Returns the number started."""
    from django.db.models import OuterRef, Subquery

    latest = ExtractionRun.objects.filter(article=OuterRef("pk")).order_by("-created_at", "-pk").values("status")[:1]
    articles = Article.objects.annotate(latest_status=Subquery(latest)).filter(latest_status=Status.FAILED)
    if newsroom is not None:
        articles = articles.filter(newsroom=newsroom)
    run_ids = []
    for article in articles.iterator():
        try:
            run_ids.append(extraction_request(article=article, user=user, enqueue=False).pk)
        except ExtractionAlreadyActive:
            continue
    transaction.on_commit(lambda: extraction_enqueue_batch(run_ids=run_ids))
    return len(run_ids)
