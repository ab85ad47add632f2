import io
import json

import pytest

from django.core.management import CommandError, call_command

from factcheck.claims.importing import articles_import
from factcheck.claims.models import Article, ExtractionRun
from factcheck.demo.content import HOSPITAL, RAIL

GOOD_1 = {"title": "Rail", "text": RAIL["body"], "url": "https://example.org/r", "published": "2025-06-12",
          "outlet": "Transport Desk Weekly"}  # fmt: skip
GOOD_2 = {"title": "Hospital", "text": HOSPITAL["body"]}


def _lines(*items):
    return [(i if isinstance(i, str) else json.dumps(i)) + "\n" for i in items]


def test_it_imports_good_lines_and_reports_bad_ones_by_number(newsroom, checker):
    lines = _lines(
        GOOD_1,
        '{"title": "broken", "text": "unterminated',
        {"title": "Empty", "text": "   "},
        GOOD_1,  # duplicate of line 1
        GOOD_2,
        {"title": "Bad date", "text": "A short text with words.", "published": "yesterday"},
        ["not", "an", "object"],
        {"title": "Bad link", "text": "Words here.", "url": "javascript:alert(1)"},
    )
    report = articles_import(newsroom=newsroom, user=checker, lines=lines, chunk_size=3)
    assert (report.imported, report.duplicates) == (2, 1)
    reasons = dict(report.errors)
    assert sorted(reasons) == [2, 3, 6, 7, 8]
    assert "malformed JSON" in reasons[2]
    assert "empty" in reasons[3]
    assert "date" in reasons[6]
    assert "JSON object" in reasons[7]
    assert "http" in reasons[8]
    assert Article.objects.filter(newsroom=newsroom).count() == 2
    # nothing half-imported: every article has exactly one run, no run lacks its article
    assert ExtractionRun.objects.filter(newsroom=newsroom).count() == 2
    rail = Article.objects.get(title="Rail")
    assert rail.outlet.name == "Transport Desk Weekly" and str(rail.published_on) == "2025-06-12"


def test_it_is_idempotent_on_re_run(newsroom, checker):
    articles_import(newsroom=newsroom, user=checker, lines=_lines(GOOD_1, GOOD_2))
    report = articles_import(newsroom=newsroom, user=checker, lines=_lines(GOOD_1, GOOD_2))
    assert (report.imported, report.duplicates, report.errors) == (0, 2, [])
    assert Article.objects.count() == 2


def test_it_runs_as_a_command_with_a_summary(newsroom, checker, tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_bytes(b"".join(line.encode() for line in _lines(GOOD_1, "{oops", GOOD_2)) + b"\xff\xfe\n")
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", str(path), newsroom=newsroom.slug, user=checker.username, stdout=out, stderr=err)
    text = out.getvalue()
    assert "line 2: malformed JSON" in text
    assert "line 4: the line is not UTF-8 text" in text
    assert "2 imported, 0 duplicates skipped, 2 lines with errors" in text
    assert "3 lines" in err.getvalue() or "4 lines" in err.getvalue()


def test_it_refuses_an_unknown_newsroom(db, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("")
    with pytest.raises(CommandError, match="nope"):
        call_command("import_articles", str(path), newsroom="nope")


def test_it_reports_lines_the_database_would_refuse_and_keeps_the_good_ones(newsroom, checker):
    # given: good lines around every value PostgreSQL cannot store or json cannot parse
    lines = _lines(
        GOOD_1,
        '{"title": "t", "text": "Words and more words \\ud800 here."}',  # lone surrogate in the text
        '{"title": "bad \\udfff title", "text": "Words and more words here."}',
        {"title": "nul", "text": "Words and more words here.", "outlet": "Desk\x00One"},
        {"title": "nul\x00title", "text": "Words and more words here."},
        {"title": "nul", "text": "Words and more words here.", "url": "https://example.org/\x00"},
        '{"text": "Words and more words here.", "n": ' + "9" * 5000 + "}",
        GOOD_2,
    )
    # when
    report = articles_import(newsroom=newsroom, user=checker, lines=lines, chunk_size=10)
    # then: the two good lines of the same chunk are saved, each bad one is named
    assert report.imported == 2
    reasons = dict(report.errors)
    assert sorted(reasons) == [2, 3, 4, 5, 6, 7]
    assert "'text'" in reasons[2] and "surrogate" in reasons[2]
    assert "'title'" in reasons[3] and "surrogate" in reasons[3]
    assert "'outlet'" in reasons[4] and "NUL" in reasons[4]
    assert "'title'" in reasons[5] and "NUL" in reasons[5]
    assert "'url'" in reasons[6] and "NUL" in reasons[6]
    assert "malformed JSON" in reasons[7]
    assert Article.objects.count() == 2 and ExtractionRun.objects.count() == 2


def test_it_reports_bad_lines_from_the_command_without_a_traceback(newsroom, checker, tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(_lines(GOOD_1, '{"title": "t", "text": "Words and more \\ud800 words."}', GOOD_2)))
    out = io.StringIO()
    call_command("import_articles", str(path), "--newsroom", newsroom.slug, stdout=out, stderr=io.StringIO())
    assert "line 2: 'text' contains invalid Unicode" in out.getvalue()
    assert "2 imported" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_an_outlet_made_by_a_refused_line_is_not_reused_by_the_next_one(newsroom, checker):
    """A line that fails after its outlet was created rolls that outlet back with it; the next line naming
    the same outlet must create it again, not point at the rolled-back row (the chunk's commit would fail)."""
    lines = _lines(
        {"title": "Refused", "text": "1234 5678 9012", "outlet": "Harbour Gazette"},  # refused after its outlet
        {"title": "Bad date", "text": "Words here.", "outlet": "Harbour Gazette", "published": "yesterday"},
        {"title": "Kept", "text": HOSPITAL["body"], "outlet": "Harbour Gazette"},
    )
    report = articles_import(newsroom=newsroom, user=checker, lines=lines, chunk_size=10)
    assert report.imported == 1 and sorted(dict(report.errors)) == [1, 2]
    kept = Article.objects.get(title="Kept")
    assert kept.outlet is not None and kept.outlet.name == "Harbour Gazette"
