import gc
import io
import logging
import subprocess
from pathlib import Path

from pypdf import PdfReader

from django.utils import timezone

from factcheck.reports.models import ReportExport
from factcheck.reports.pdf import css_string, pdf_write
from factcheck.reports.selection import report_rows, report_verdicts
from tests.reports.conftest import PRIVATE_QUOTE, PUBLIC_QUOTE

OUT = Path(__file__).resolve().parents[2] / "test-results" / "reports"


def pdf_text(data):
    """Text of a PDF through poppler's pdftotext (poppler-utils)."""
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def _pdf(newsroom, user, filters=None, internal=False, name="report", part=None):
    export = ReportExport(
        newsroom=newsroom,
        requested_by=user,
        format="pdf",
        filters=filters or {},
        internal=internal,
        base_url="https://desk.example.org/",
        created_at=timezone.now(),
    )
    selected = report_verdicts(newsroom=newsroom, filters=export.filters)
    buffer = io.BytesIO()
    options = {"part": part} if part else {}
    sections = pdf_write(
        export=export,
        verdicts=report_rows(selected, internal=internal),
        target=buffer,
        total=selected.count(),
        **options,
    )
    data = buffer.getvalue()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{name}.pdf").write_bytes(data)  # pdftoppm -r 60 -png test-results/reports/report.pdf page
    return data, sections


def test_it_renders_a_cover_and_one_section_per_verdict(newsroom, editor, report_world):
    data, sections = _pdf(newsroom, editor, {"statuses": ["published", "draft"]})
    assert data.startswith(b"%PDF-") and len(data) > 5000
    text = pdf_text(data)
    assert sections == 3
    assert "Verdict report" in text and "ALPHA DESK" in text
    lowered = text.lower()
    assert lowered.count("verdict 1 of 3") == 1 and "verdict 3 of 3" in lowered and "verdict 4 of" not in lowered
    assert "Mostly false" in text and "Jane Mayor" in text
    assert "City Statistics Office" in text and "Average bus journey times" in text
    assert "Checked by the Alpha Desk fact-check team" in text and "alice" not in text  # a publication PDF


def test_it_keeps_private_evidence_out_of_the_publication_pdf(newsroom, editor, report_world):
    text = pdf_text(_pdf(newsroom, editor)[0])
    assert "Off the record" not in text and "internal.example" not in text
    assert PUBLIC_QUOTE[:30] in text


def test_it_marks_an_internal_pdf_and_includes_private_evidence(newsroom, editor, report_world):
    text = pdf_text(_pdf(newsroom, editor, internal=True, name="report-internal")[0])
    assert "INTERNAL" in text and PRIVATE_QUOTE[:30] in text


def test_it_renders_filters_on_the_cover(newsroom, editor, report_world):
    rating = report_world["published"][0].rating
    text = pdf_text(_pdf(newsroom, editor, {"ratings": [rating.pk], "outlet": report_world["outlet"].pk})[0])
    assert "verdict 1 of 1" in text.lower() and "verdict 2 of" not in text.lower()
    assert "City Gazette" in text


def test_it_lays_out_a_long_report_in_parts_with_running_page_numbers(newsroom, editor, report_world):
    # given: parts of one verdict each, so three verdicts make three separately laid-out parts
    data, sections = _pdf(newsroom, editor, {"statuses": ["published", "draft"]}, name="report-parts", part=1)
    # then: the same report: cover first, every verdict once, pages numbered on across the parts
    pages = pdf_text(data).split("\f")
    assert sections == 3
    assert "Verdict report" in pages[0] and "Page" not in pages[0]  # the cover is not numbered
    body = "\f".join(pages[1:]).lower()
    assert [body.count(f"verdict {n} of 3") for n in (1, 2, 3)] == [1, 1, 1]
    numbers = [
        line.rsplit("page ", 1)[1].strip() for line in body.splitlines() if "page " in line and "prepared" in line
    ]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)] and len(numbers) >= 3
    assert "ALPHA DESK · VERDICT REPORT" in pdf_text(data).upper().split("\f")[2]  # running header in a later part


def test_it_gives_the_pdf_one_outline_entry_per_verdict(newsroom, editor, report_world):
    data, _ = _pdf(newsroom, editor, {"statuses": ["published", "draft"]})
    titles = [item.title for item in PdfReader(io.BytesIO(data)).outline if not isinstance(item, list)]
    # the cover's title, then one entry a verdict: its number, rating and statement (no "Conclusion" headings)
    assert titles[0] == "Verdict report" and len(titles) == 4
    assert titles[1].startswith("1. ") and "Mostly false" in " ".join(titles)
    assert not any(t.startswith(("Conclusion", "Evidence")) for t in titles)


def test_it_prints_any_newsroom_name_in_the_running_head(newsroom, editor, report_world):
    # given: a name that would end a CSS string or the <style> element if it were pasted in as it is
    newsroom.name = 'Alpha "Desk" \\ </style> <b>'
    newsroom.save(update_fields=["name"])
    # when
    pages = pdf_text(_pdf(newsroom, editor, name="report-odd-name")[0]).split("\f")
    # then: the header of a body page reads the name exactly
    assert 'Alpha "Desk" \\ </style> <b> · Verdict report' in pages[1]


def test_it_escapes_every_character_that_could_leave_a_css_string():
    assert css_string("Desk") == '"Desk"'
    assert css_string('a"b\\c</style>\nd') == '"a\\22 b\\5c c\\3c /style\\3e \\a d"'


def test_it_leaves_the_garbage_collector_as_it_found_it(newsroom, editor, report_world):
    _pdf(newsroom, editor)
    assert gc.isenabled()
    gc.disable()
    try:
        _pdf(newsroom, editor)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_it_keeps_weasyprint_progress_out_of_the_log():
    # WeasyPrint logs each page at INFO: thousands of lines a report in the worker's log
    assert not logging.getLogger("weasyprint.progress").isEnabledFor(logging.INFO)
    assert logging.getLogger("weasyprint").isEnabledFor(logging.WARNING)
