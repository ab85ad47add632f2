import io
import subprocess
from pathlib import Path

from django.utils import timezone

from factcheck.reports.models import ReportExport
from factcheck.reports.pdf import pdf_write
from factcheck.reports.selection import report_rows, report_verdicts
from tests.reports.conftest import PRIVATE_QUOTE, PUBLIC_QUOTE

OUT = Path(__file__).resolve().parents[2] / "test-results" / "reports"


def pdf_text(data):
    """Text of a PDF through poppler's pdftotext (poppler-utils)."""
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def _pdf(newsroom, user, filters=None, internal=False, name="report"):
    export = ReportExport(
        newsroom=newsroom,
        requested_by=user,
        format="pdf",
        filters=filters or {},
        internal=internal,
        base_url="https://desk.example.org/",
        created_at=timezone.now(),
    )
    verdicts = report_rows(report_verdicts(newsroom=newsroom, filters=export.filters), internal=internal)
    buffer = io.BytesIO()
    sections = pdf_write(export=export, verdicts=verdicts, target=buffer)
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
