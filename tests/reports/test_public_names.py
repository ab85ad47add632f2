"""The public page, its ClaimReview and publication PDFs name people by full name, never by login."""

import json
import re

from django.urls import reverse

from factcheck.core.people import public_name
from factcheck.reports.models import ReportExport
from factcheck.reports.pdf import pdf_html
from factcheck.reports.selection import report_rows, report_verdicts


def _public_page(client, verdict):
    response = client.get(reverse("reports:public_verdict", args=[verdict.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    ld = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert len(ld) == 1
    return text, json.dumps(json.loads(ld[0]))


def _has_word(word, text):
    return re.search(rf"\b{re.escape(word)}\b", text, re.I) is not None


def test_it_names_the_team_when_checkers_have_no_full_name(client, editor, colleague, report_world):
    html, ld = _public_page(client, report_world["published"][0])
    for login in (editor.username, colleague.username):
        assert not _has_word(login, html), login
        assert not _has_word(login, ld), login
    assert "Checked by the Alpha Desk fact-check team" in html
    assert "reviewed by" not in html


def test_it_names_checkers_by_full_name(client, editor, colleague, report_world):
    editor.first_name, editor.last_name = "Alice", "Ng"
    editor.save(update_fields=["first_name", "last_name"])
    colleague.first_name, colleague.last_name = "Robert", "Okafor"
    colleague.save(update_fields=["first_name", "last_name"])
    html, ld = _public_page(client, report_world["published"][0])
    assert "Checked by Alice Ng, reviewed by Robert Okafor" in html
    assert not _has_word("bob", html) and not _has_word("bob", ld)


def test_it_never_falls_back_to_the_login(editor, newsroom):
    assert public_name(editor, newsroom) == "the Alpha Desk fact-check team"
    assert public_name(None, newsroom) == "the Alpha Desk fact-check team"
    editor.first_name = "Alice"
    assert public_name(editor, newsroom) == "Alice"


def _pdf_text(newsroom, editor, *, internal):
    export = ReportExport.objects.create(
        newsroom=newsroom, requested_by=editor, format="pdf", internal=internal, base_url="http://testserver/",
        filters={"statuses": ["published", "draft"]},
    )  # fmt: skip
    verdicts = report_rows(report_verdicts(newsroom=newsroom, filters=export.filters), internal=internal)
    html, _ = pdf_html(export=export, verdicts=verdicts)
    return html


def test_it_keeps_logins_out_of_the_publication_pdf(newsroom, editor, colleague, report_world):
    html = _pdf_text(newsroom, editor, internal=False)
    assert not _has_word(editor.username, html) and not _has_word(colleague.username, html)
    assert "Checked by <strong>the Alpha Desk fact-check team</strong>" in html


def test_it_shows_logins_in_an_internal_pdf(newsroom, editor, colleague, report_world):
    html = _pdf_text(newsroom, editor, internal=True)
    assert "Checked by <strong>alice</strong>" in html and "reviewed by <strong>bob</strong>" in html


def test_it_keeps_logins_out_of_the_publication_csv_and_evidence_pack(newsroom, editor, colleague, report_world):
    import io
    import zipfile

    from factcheck.reports.csvexport import csv_lines
    from factcheck.reports.pack import evidence_pack

    def csv_text(internal):
        rows = report_rows(report_verdicts(newsroom=newsroom, filters={}), internal=internal)
        return "".join(csv_lines(rows, base_url="http://testserver/", internal=internal))

    published = report_world["published"][0]
    pack = zipfile.ZipFile(io.BytesIO(evidence_pack(verdict=published, base_url="http://testserver/")))
    texts = [csv_text(False), *(pack.read(name).decode() for name in pack.namelist())]
    for text in texts:
        assert not _has_word(editor.username, text) and not _has_word(colleague.username, text)
    assert _has_word(editor.username, csv_text(True))  # an internal export (admins only) may show logins
