"""PDF report (WeasyPrint): a cover with filters, totals and a rating breakdown, then one section per verdict."""

from collections import Counter

from django.template.loader import render_to_string
from django.utils import timezone

from factcheck.reports.common import evidence_of, person_name, statement_context, verdict_url
from factcheck.reports.selection import filters_describe
from factcheck.verdicts.models import RatingScale

BAR_WIDTH = 300  # px of the longest bar in the rating chart


def _section(verdict, base_url):
    before, statement, after = statement_context(verdict.claim)
    return {
        "verdict": verdict,
        "claim": verdict.claim,
        "article": verdict.claim.article,
        "before": before,
        "statement": statement,
        "after": after,
        "evidence": evidence_of(verdict),
        "author": person_name(verdict.author),
        "reviewer": person_name(verdict.reviewer),
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


def pdf_html(*, export, verdicts, on_row=None):
    """(HTML string for WeasyPrint, number of verdict sections)."""
    sections, rating_counts, evidence_total = [], Counter(), 0
    articles, outlets, dates = set(), set(), []
    for n, verdict in enumerate(verdicts, start=1):
        section = _section(verdict, export.base_url)
        sections.append(section)
        rating_counts[verdict.rating_id] += 1
        evidence_total += len(section["evidence"])
        articles.add(verdict.claim.article_id)
        if verdict.claim.article.outlet_id:
            outlets.add(verdict.claim.article.outlet_id)
        if verdict.published_at:
            dates.append(verdict.published_at)
        if on_row:
            on_row(n)
    chart = rating_breakdown(export.newsroom, rating_counts)
    context = {
        "export": export,
        "newsroom": export.newsroom,
        "generated_at": timezone.localtime(),
        "generated_by": person_name(export.requested_by),
        "filters": filters_describe(newsroom=export.newsroom, filters=export.filters),
        "sections": sections,
        "totals": {
            "verdicts": len(sections),
            "evidence": evidence_total,
            "articles": len(articles),
            "outlets": len(outlets),
            "first": min(dates) if dates else None,
            "last": max(dates) if dates else None,
        },
        "chart": chart,
        "chart_height": max(26, 26 * len(chart)),
    }
    return render_to_string("reports/pdf/report.html", context), len(sections)


def pdf_write(*, export, verdicts, target, on_row=None):
    """Render the PDF into the binary file `target`; return the number of verdict sections."""
    from weasyprint import HTML

    html, sections = pdf_html(export=export, verdicts=verdicts, on_row=on_row)
    HTML(string=html, base_url=export.base_url).write_pdf(target)
    return sections
