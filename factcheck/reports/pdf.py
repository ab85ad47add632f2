"""PDF report (WeasyPrint): a cover with filters, totals and a rating breakdown, then one section per verdict.

Memory stays flat with the report's size: WeasyPrint keeps a whole document's layout in memory (about
0.5 MB per verdict section since the sections share their styles; 1.3 MB before), so the body is laid
out in parts of `PDF_PART_VERDICTS` sections, each written to a temporary PDF and dropped, page numbers
running on from part to part. The cover needs the totals, so it is laid out last; pypdf then joins
cover + parts into the target. What grows with the report is only the finished PDF's objects while
they are joined (tens of KB per verdict).

Speed: the stylesheet (templates/reports/pdf/report.css) is parsed once per report and every part is
laid out with the same stylesheet and font configuration; a part's own HTML carries only its running
head and page counter. The sections avoid what WeasyPrint lays out slowly or styles one by one (flex,
inline-block, <br>, an id on a section: see report.css), and the collector is paused during a part.
Each verdict is one entry of the PDF's outline.
"""

import gc
import tempfile
from collections import Counter
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from itertools import islice

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from factcheck.core.people import display_name
from factcheck.reports.common import evidence_of, statement_context, verdict_url
from factcheck.reports.selection import filters_describe
from factcheck.verdicts.models import RatingScale

BAR_WIDTH = 300  # px of the longest bar in the rating chart
# Verdict sections laid out at once: bounds WeasyPrint's memory (~20 MB a part). Parts of 100 were no faster
# for 1,000 verdicts (32.8-34.9 s against 33.4-34.1 s, peak RSS 212 vs 207-214 MiB).
PDF_PART_VERDICTS = 40


@dataclass
class _Totals:
    verdicts: int = 0
    evidence: int = 0
    ratings: Counter = field(default_factory=Counter)
    articles: set = field(default_factory=set)
    outlets: set = field(default_factory=set)
    dates: list = field(default_factory=list)

    def add(self, section):
        verdict = section["verdict"]
        self.verdicts += 1
        self.evidence += len(section["evidence"])
        self.ratings[verdict.rating_id] += 1
        self.articles.add(verdict.claim.article_id)
        if verdict.claim.article.outlet_id:
            self.outlets.add(verdict.claim.article.outlet_id)
        if verdict.published_at:
            self.dates.append(verdict.published_at)

    def context(self):
        return {
            "verdicts": self.verdicts,
            "evidence": self.evidence,
            "articles": len(self.articles),
            "outlets": len(self.outlets),
            "first": min(self.dates) if self.dates else None,
            "last": max(self.dates) if self.dates else None,
        }


def _section(verdict, base_url, number):
    before, statement, after = statement_context(verdict.claim)
    return {
        "number": number,
        "verdict": verdict,
        "claim": verdict.claim,
        "article": verdict.claim.article,
        "before": before,
        "statement": statement,
        "after": after,
        "evidence": evidence_of(verdict),
        "author": display_name(verdict.author),
        "reviewer": display_name(verdict.reviewer),
        "url": verdict_url(verdict, base_url),
    }


def rating_breakdown(newsroom, counts):
    """Chart rows in scale order (truest first): label, colour, count, bar width, y offset."""
    rows = []
    scale = list(RatingScale.objects.for_newsroom(newsroom))
    unrated = counts.pop(None, 0)
    peak = max([*counts.values(), unrated, 1])
    entries = [(r.label, r.colour, counts.get(r.pk, 0)) for r in scale]
    if unrated:
        entries.append(("No rating", "#8c959f", unrated))
    for i, (label, colour, n) in enumerate(entries):
        rows.append({"label": label, "colour": colour, "count": n, "width": round(BAR_WIDTH * n / peak), "y": i * 26})
    return rows


def css_string(text):
    """`text` as a quoted CSS string, safe inside a <style> element (no way out of the string or the element)."""
    escaped = "".join(c if c.isprintable() and c not in '\\"<>' else f"\\{ord(c):x} " for c in text)
    return mark_safe(f'"{escaped}"')  # noqa: S308  (every character that could end the string is escaped)


def _documents(*, export, verdicts, totals, pages, total=None, on_row=None, part=PDF_PART_VERDICTS):
    """Yield the HTML of each body part (pages[0] = pages laid out so far), then of the cover."""
    rows = iter(verdicts)
    number = 0
    running_head = css_string(f"{export.newsroom.name} · Verdict report")
    while chunk := list(islice(rows, part)):
        sections = []
        for verdict in chunk:
            number += 1
            sections.append(_section(verdict, export.base_url, number))
            totals.add(sections[-1])
            if on_row:
                on_row(number)
        context = {"export": export, "newsroom": export.newsroom, "generated_at": timezone.localtime(),
                   "running_head": running_head, "sections": sections, "total": total,
                   "first_page": pages[0] + 1}  # fmt: skip
        yield render_to_string("reports/pdf/sections.html", context)
    chart = rating_breakdown(export.newsroom, totals.ratings)
    context = {
        "export": export,
        "newsroom": export.newsroom,
        "generated_at": timezone.localtime(),
        "generated_by": display_name(export.requested_by),
        "filters": filters_describe(newsroom=export.newsroom, filters=export.filters),
        "totals": totals.context(),
        "chart": chart,
        "chart_height": max(26, 26 * len(chart)),
    }
    yield render_to_string("reports/pdf/cover.html", context)


@contextmanager
def _collector_paused():
    """Pause Python's cyclic garbage collector while WeasyPrint lays out and draws one part.

    A part allocates a few million small objects that live until the part is written, so the collector
    kept walking them in vain: 11-18% of a part's CPU time. Paused, the part's few cyclic leftovers
    wait until the part is done (they are collected on the next allocations after it); memory is
    still bounded by the part. A no-op if the caller had the collector off already.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def pdf_html(*, export, verdicts, total=None):
    """(the report's HTML documents joined, number of verdict sections): what the PDF says, for inspection."""
    totals = _Totals()
    html = "\n".join(_documents(export=export, verdicts=verdicts, totals=totals, pages=[0], total=total))
    return html, totals.verdicts


def pdf_write(*, export, verdicts, target, on_row=None, total=None, part=PDF_PART_VERDICTS):
    """Render the PDF into the binary file `target`; return the number of verdict sections.

    total: the number of verdicts, when known, for "Verdict 3 of 120".
    """
    from pypdf import PdfWriter
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    totals, pages, files = _Totals(), [0], []
    documents = _documents(
        export=export, verdicts=verdicts, totals=totals, pages=pages, total=total, on_row=on_row, part=part
    )
    fonts = FontConfiguration()  # one per report: fonts are looked up once, not once a part
    stylesheet = CSS(string=render_to_string("reports/pdf/report.css"), font_config=fonts)
    with ExitStack() as stack:
        for html in documents:
            fh = stack.enter_context(tempfile.TemporaryFile())
            with _collector_paused():
                document = HTML(string=html, base_url=export.base_url).render(
                    stylesheets=[stylesheet], font_config=fonts
                )
                pages[0] += len(document.pages)
                document.write_pdf(fh)
                del document  # the layout is the memory: let it go before the next part
            files.append(fh)
        cover, body = files[-1], files[:-1]
        writer = PdfWriter()
        for fh in [cover, *body]:
            fh.seek(0)
            writer.append(fh)
        writer.write(target)
    return totals.verdicts
