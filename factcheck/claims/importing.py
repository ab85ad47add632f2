"""Batch import of articles from JSON lines (`manage.py import_articles`): each line is submitted like a
pasted article (or a link), bad lines are reported by number with the field named, good ones kept.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import DataError, transaction

from factcheck.claims.jobs import extraction_enqueue_batch
from factcheck.claims.services import article_submit, article_submit_url, outlet_for
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


def _import_line(*, newsroom, user, raw, outlets):
    item = _import_json(raw)
    url = _import_str(item, "url")
    text = _import_str(item, "text", required=not url)
    title = _import_str(item, "title") if isinstance(item.get("title"), str) else ""
    if url and not url.lower().startswith(("http://", "https://")):
        raise ValidationError("'url' must be an http(s) link")
    published_on = _import_date(item.get("published"))
    outlet_name = _import_str(item, "outlet", coerce=True).strip()[:200]
    outlet = None
    if outlet_name:
        if outlet_name not in outlets:
            outlets[outlet_name] = outlet_for(newsroom=newsroom, name=outlet_name)
        outlet = outlets[outlet_name]
    common = {"newsroom": newsroom, "user": user, "title": title, "outlet": outlet}
    if not text:  # a link alone: the page is fetched and read by its own extraction run, sent at once
        return article_submit_url(url=url, published_on=published_on, **common)
    # the chunk's runs are sent in batches when it commits (articles_import)
    return article_submit(body=text, url=url, published_on=published_on, enqueue=False, **common)


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

    Each chunk of lines is one transaction (so 10,000 articles never build one giant transaction)
    and each line is a savepoint inside it: a bad line is reported with its number and skipped,
    never half-saved. Runs are enqueued when their chunk commits, EXTRACTION_BATCH_SIZE to a task
    (claims_extract_batch_task: one write transaction per batch); a link's run goes alone.
    Re-importing is idempotent: a text already in the newsroom counts as a duplicate.
    """
    report = ImportReport()
    outlets = {}
    chunk = []

    def flush():
        with transaction.atomic():
            batch = []
            transaction.on_commit(lambda: extraction_enqueue_batch(run_ids=batch))
            for number, raw in chunk:
                known = set(outlets)
                try:
                    with transaction.atomic():
                        result = _import_line(newsroom=newsroom, user=user, raw=raw, outlets=outlets)
                except (ValidationError, DataError) as exc:
                    for name in set(outlets) - known:  # created in the savepoint just rolled back: gone
                        del outlets[name]
                    report.errors.append((number, _line_error(exc)))
                    continue
                if result.created:
                    report.imported += 1
                    if not result.article.awaits_fetch:
                        batch.append(result.run.pk)
                else:
                    report.duplicates += 1
        chunk.clear()
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
