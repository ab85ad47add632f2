"""Batch import of articles from JSON lines (`manage.py import_articles`): each line is submitted like a
pasted article (or a link), bad lines are reported by number with the field named, good ones kept.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction

from factcheck.claims.jobs import extraction_enqueue_batch
from factcheck.claims.models import Article
from factcheck.claims.services import (
    article_build,
    article_submit,
    article_submit_url,
    article_text_prepare,
    articles_create,
    outlet_for,
)
from factcheck.core.forms import error_text


@dataclass
class ImportReport:
    imported: int = 0
    duplicates: int = 0
    errors: list = None  # (line number, reason)

    def __post_init__(self):
        self.errors = self.errors or []

    @property
    def lines(self):
        return self.imported + self.duplicates + len(self.errors)


@dataclass
class _Line:
    """One import line's fields, checked in Python (no query)."""

    number: int
    raw: str
    url: str
    text: str
    title: str
    published_on: Any
    outlet_name: str
    digest: str = ""
    article: Any = None  # the unsaved Article of a pasted text


def _import_fields(number, raw):
    item = _import_json(raw)
    url = _import_str(item, "url")
    text = _import_str(item, "text", required=not url)
    title = _import_str(item, "title") if isinstance(item.get("title"), str) else ""
    if url and not url.lower().startswith(("http://", "https://")):
        raise ValidationError("'url' must be an http(s) link")
    published_on = _import_date(item.get("published"))
    outlet_name = _import_str(item, "outlet", coerce=True).strip()[:200]
    return _Line(number, raw, url, text, title, published_on, outlet_name)


def _outlet(*, newsroom, name, outlets):
    if not name:
        return None
    if name not in outlets:
        outlets[name] = outlet_for(newsroom=newsroom, name=name)
    return outlets[name]


def _import_line(*, newsroom, user, line, outlets):
    """One line on its own (a link, or a line of a chunk the database refused in bulk), as article_submit."""
    outlet = _outlet(newsroom=newsroom, name=line.outlet_name, outlets=outlets)
    common = {"newsroom": newsroom, "user": user, "title": line.title, "outlet": outlet}
    if not line.text:  # a link alone: the page is fetched and read by its own extraction run, sent at once
        return article_submit_url(url=line.url, published_on=line.published_on, **common)
    # the chunk's runs are sent in batches when it commits (articles_import)
    return article_submit(body=line.text, url=line.url, published_on=line.published_on, enqueue=False, **common)


def _import_json(raw):
    import json

    try:
        item = json.loads(raw)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, or an integer past 4,300 digits
        raise ValidationError(f"malformed JSON ({exc.__class__.__name__}: {str(exc)[:80]})") from None
    if not isinstance(item, dict):
        raise ValidationError("each line must be a JSON object with at least a 'text'")
    return item


def _import_str(item, key, *, required=False, coerce=False):
    """A string field of an import line: '' when absent; refuses NUL and lone surrogates by name."""
    value = item.get(key)
    if value is None or value == "":
        if required:
            raise ValidationError(f"'{key}' is missing or not a string")
        return ""
    if not isinstance(value, str):
        if coerce and isinstance(value, int | float):
            return str(value)
        raise ValidationError(f"'{key}' is missing or not a string" if required else f"'{key}' must be a string")
    if "\x00" in value:
        raise ValidationError(f"'{key}' contains a NUL character: it looks like binary data, not text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(f"'{key}' contains invalid Unicode (a lone surrogate escape such as \\ud800)") from None
    return value


def _import_date(published):

    if not published:
        return None
    try:
        return datetime.date.fromisoformat(str(published)[:10])
    except ValueError:
        raise ValidationError(f"'published' {str(published)[:40]!r} is not a date (YYYY-MM-DD)") from None


def _line_error(exc):
    if isinstance(exc, DataError):  # a value the database refuses: this line only (its savepoint)
        return f"the database refused a value ({str(exc).strip()[:120]})"
    return error_text(exc)


def articles_import(*, newsroom, user, lines, chunk_size=500, on_progress=None) -> ImportReport:
    """Import articles from JSON lines ({"title", "text", "url"?, "published"?, "outlet"?}).

    A line with a "url" and no "text" becomes an article submitted by URL (article_submit_url): its run
    fetches and reads the page; the same URL already in the newsroom counts as a duplicate.

    Each chunk of lines is one transaction (so 10,000 articles never build one giant transaction). Its
    pasted texts are checked line by line in Python (a bad line is reported with its number and skipped),
    then saved together: one SELECT of the texts already there, one INSERT of the articles, one of their
    runs (_chunk_save). If the database refuses that INSERT (a value it cannot store, a text submitted
    concurrently), the chunk's lines are saved one by one instead, each in a savepoint, so only the line
    at fault is reported and nothing is half-saved. Links go one by one too. Runs are enqueued when their
    chunk commits, EXTRACTION_BATCH_SIZE to a task (claims_extract_batch_task: one write transaction per
    batch); a link's run goes alone. Re-importing is idempotent: a text already in the newsroom counts as
    a duplicate.
    """
    report = ImportReport()
    outlets = {}
    chunk = []

    def flush():
        with transaction.atomic():
            batch = []
            transaction.on_commit(lambda: extraction_enqueue_batch(run_ids=batch))
            _chunk_import(newsroom=newsroom, user=user, chunk=chunk, outlets=outlets, report=report, batch=batch)
        chunk.clear()
        report.errors.sort(key=lambda error: error[0])
        if on_progress:
            on_progress(report)

    for number, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                report.errors.append((number, "the line is not UTF-8 text"))
                continue
        if not raw.strip():
            continue  # blank lines are allowed between records
        chunk.append((number, raw))
        if len(chunk) >= chunk_size:
            flush()
    if chunk:
        flush()
    return report


def _chunk_import(*, newsroom, user, chunk, outlets, report, batch):
    """One chunk inside its transaction: `batch` receives the pks of the runs to send in batches."""
    texts, singles = [], []
    for number, raw in chunk:
        try:
            line = _import_fields(number, raw)
            if line.text:
                line.text, line.digest = article_text_prepare(line.text)
        except ValidationError as exc:
            report.errors.append((number, _line_error(exc)))
            continue
        (texts if line.text else singles).append(line)
    fresh = _fresh_lines(newsroom=newsroom, user=user, lines=texts, report=report)
    if not _chunk_save(newsroom=newsroom, user=user, lines=fresh, outlets=outlets, report=report, batch=batch):
        singles = fresh + singles  # the database refused the bulk INSERT: line by line, as before
    for line in sorted(singles, key=lambda line: line.number):
        _line_save(newsroom=newsroom, user=user, line=line, outlets=outlets, report=report, batch=batch)


def _fresh_lines(*, newsroom, user, lines, report):
    """The lines whose text is new to the newsroom (and to the chunk), each with its checked Article."""
    seen = _known_digests(newsroom, [line.digest for line in lines])
    fresh = []
    for line in lines:
        if line.digest in seen:
            report.duplicates += 1
            continue
        try:  # the outlet is found or created once the chunk's lines are known good (_chunk_save)
            line.article = article_build(
                newsroom=newsroom, user=user, title=line.title, body=line.text, digest=line.digest, url=line.url,
                published_on=line.published_on, exclude=["outlet"],
            )  # fmt: skip
        except ValidationError as exc:
            report.errors.append((line.number, _line_error(exc)))
            continue
        seen.add(line.digest)
        fresh.append(line)
    return fresh


def _known_digests(newsroom, digests):
    """The content hashes among `digests` of texts already in the newsroom (one query)."""
    if not digests:
        return set()
    known = Article.objects.filter(newsroom=newsroom, content_hash__in=digests)
    return set(known.values_list("content_hash", flat=True))


def _chunk_save(*, newsroom, user, lines, outlets, report, batch):
    """Save the checked lines' articles and runs in two INSERTs, in a savepoint. False when the database
    refused them (nothing of them is kept, outlets created meanwhile forgotten): the caller goes line by line."""
    if not lines:
        return True
    known = set(outlets)
    try:
        with transaction.atomic():
            for line in lines:
                line.article.outlet = _outlet(newsroom=newsroom, name=line.outlet_name, outlets=outlets)
            runs = articles_create(articles=[line.article for line in lines], user=user)
    except (DataError, IntegrityError):
        for name in set(outlets) - known:  # created in the savepoint just rolled back: gone
            del outlets[name]
        return False
    report.imported += len(runs)
    batch.extend(run.pk for run in runs)
    return True


def _line_save(*, newsroom, user, line, outlets, report, batch):
    """One line in its own savepoint: a bad line is reported with its number and skipped, never half-saved."""
    known = set(outlets)
    try:
        with transaction.atomic():
            result = _import_line(newsroom=newsroom, user=user, line=line, outlets=outlets)
    except (ValidationError, DataError) as exc:
        for name in set(outlets) - known:  # created in the savepoint just rolled back: gone
            del outlets[name]
        report.errors.append((line.number, _line_error(exc)))
        return
    if result.created:
        report.imported += 1
        if not result.article.awaits_fetch:
            batch.append(result.run.pk)
    else:
        report.duplicates += 1
