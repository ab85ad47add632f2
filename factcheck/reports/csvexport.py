"""CSV: one row per verdict, streamed, formula-injection safe."""

import csv

from factcheck.reports.common import evidence_of, export_name, verdict_url

BOM = "\ufeff"
HEADER = [
    "verdict_id",
    "status",
    "statement",
    "article_title",
    "article_url",
    "outlet",
    "claimant",
    "rating",
    "rating_value",
    "conclusion",
    "evidence_count",
    "primary_sources",
    "author",
    "reviewer",
    "published_at",
    "verdict_url",
]
# A spreadsheet evaluates a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value):
    """Prefix a text cell that a spreadsheet would run as a formula with a single quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def primary_sources(evidence):
    """'Name <url>; Name <url>' for the primary-source evidence (common.credited), each source once."""
    seen, parts = set(), []
    for item in evidence:
        if not item.is_primary:
            continue
        name = item.credit.name
        url = item.url or item.credit.url
        key = (name, url)
        if key in seen:
            continue
        seen.add(key)
        parts.append(f"{name} <{url}>" if name and url else name or url)
    return "; ".join(parts)


def _value_cell(rating):
    """The rating's value, empty for no rating and for one off the scale (Unverifiable is not the worst)."""
    value = rating.scale_value if rating is not None else None
    return "" if value is None else value


def published_at_cell(when):
    """ISO 8601 to the second with its offset ('2026-10-20T09:30:00+00:00'); empty when not published."""
    return when.isoformat(timespec="seconds") if when else ""


def verdict_row(verdict, base_url, internal=False):
    claim = verdict.claim
    article = claim.article
    evidence = evidence_of(verdict)
    row = [
        verdict.pk,
        verdict.status,
        claim.text,
        article.title,
        article.url,
        verdict.outlet_credit.name,
        claim.claimant.name if claim.claimant else claim.speaker,
        verdict.rating.label if verdict.rating else "",
        _value_cell(verdict.rating),
        verdict.conclusion,
        len(evidence),
        primary_sources(evidence),
        export_name(verdict.author, internal=internal),
        export_name(verdict.reviewer, internal=internal),
        published_at_cell(verdict.published_at),
        verdict_url(verdict, base_url),
    ]
    return [neutralise(cell) for cell in row]


class _Echo:
    """A file-like object whose write returns the line, for csv.writer inside a generator."""

    def write(self, value):
        return value


def csv_lines(verdicts, *, base_url, bom=False, on_row=None, internal=False):
    """Yield the CSV as str chunks, one per line: memory stays flat whatever the report's size.

    `verdicts` should be an iterator (selection.report_rows); `on_row(n)` is called
    after each row, for progress.
    """
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield (BOM if bom else "") + writer.writerow(HEADER)
    for n, verdict in enumerate(verdicts, start=1):
        yield writer.writerow(verdict_row(verdict, base_url, internal))
        if on_row is not None:
            on_row(n)
