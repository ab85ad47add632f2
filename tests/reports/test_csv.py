import csv
import io

from factcheck.reports.csvexport import BOM, HEADER, csv_lines, neutralise
from factcheck.reports.selection import report_rows, report_verdicts
from factcheck.verdicts.models import RatingScale, Verdict
from tests.reports.conftest import PRIVATE_QUOTE

BASE = "https://desk.example.org/"


def _csv(newsroom, filters=None, internal=False, bom=False):
    verdicts = report_verdicts(newsroom=newsroom, filters=filters or {}, with_body=False)
    rows = report_rows(verdicts, internal=internal, chunk_size=2)
    text = "".join(csv_lines(rows, base_url=BASE, bom=bom, internal=internal))
    return text


def test_it_writes_one_row_per_verdict_with_the_columns(newsroom, report_world):
    text = _csv(newsroom)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0].keys()) == HEADER
    assert len(rows) == 2
    v1 = report_world["published"][0]
    row = next(r for r in rows if r["verdict_id"] == str(v1.pk))
    assert row["statement"].startswith("The mayor said")
    assert row["article_title"] == "Council promises faster buses"
    assert row["article_url"] == "https://gazette.example.com/buses"
    assert row["outlet"] == "City Gazette"
    assert row["claimant"] == "Jane Mayor"
    assert (row["rating"], row["rating_value"]) == ("Mostly false", "3")
    assert row["evidence_count"] == "1"  # the private item is not counted
    assert row["primary_sources"] == "City Statistics Office <https://stats.example.gov/report>"
    assert row["author"] == "" and row["reviewer"] == ""  # no full names set: a publication CSV shows no login
    assert row["published_at"] == "2026-10-20T09:30:00+00:00"  # ISO 8601 to the second, with its offset
    assert row["verdict_url"] == f"https://desk.example.org/fact-checks/{v1.pk}/"


def test_it_includes_drafts_only_when_asked(newsroom, report_world):
    rows = list(csv.DictReader(io.StringIO(_csv(newsroom, {"statuses": ["draft"]}))))
    assert [r["verdict_id"] for r in rows] == [str(report_world["draft"].pk)]
    assert "/statements/" in rows[0]["verdict_url"]  # no public page for a draft


def test_it_neutralises_formula_cells(newsroom, report_world):
    # given a statement starting with "=" and a primary source quote/URL starting with "="
    text = _csv(newsroom, {"statuses": ["published", "draft"]})
    rows = list(csv.reader(io.StringIO(text)))
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)


def test_it_neutralises_every_dangerous_prefix():
    for value in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\n=x"]:
        assert neutralise(value) == "'" + value
    assert neutralise("Safe text") == "Safe text"
    assert neutralise(3) == 3  # numbers stay numbers
    assert neutralise("") == ""


def test_it_quotes_commas_quotes_and_newlines(newsroom, report_world):
    v2 = report_world["published"][1]
    v2.conclusion = 'Line one, with a comma\nand "quotes"'
    v2.save(update_fields=["conclusion"])
    rows = list(csv.DictReader(io.StringIO(_csv(newsroom))))
    assert (
        next(r for r in rows if r["verdict_id"] == str(v2.pk))["conclusion"] == 'Line one, with a comma\nand "quotes"'
    )


def test_it_adds_a_bom_only_when_asked(newsroom, report_world):
    assert _csv(newsroom, bom=True).startswith(BOM + "verdict_id")
    assert _csv(newsroom).startswith("verdict_id")


def test_it_keeps_private_evidence_out_unless_internal(newsroom, report_world):
    assert "internal.example" not in _csv(newsroom)
    rows = list(csv.DictReader(io.StringIO(_csv(newsroom, internal=True))))
    v1 = report_world["published"][0]
    assert next(r for r in rows if r["verdict_id"] == str(v1.pk))["evidence_count"] == "2"
    assert PRIVATE_QUOTE not in _csv(newsroom, internal=True)  # quotes are never in the CSV


def test_it_streams_line_by_line(newsroom, report_world):
    verdicts = report_verdicts(newsroom=newsroom, filters={})
    lines = csv_lines(report_rows(verdicts, chunk_size=1), base_url=BASE)
    first = next(lines)
    assert first.startswith("verdict_id") and first.endswith("\r\n")
    assert len(list(lines)) == 2


def test_it_leaves_the_value_of_a_rating_off_the_scale_empty(newsroom, report_world):
    # given a published verdict rated Unverifiable (value 1, off the scale) beside one rated True (6)
    verdict = report_world["published"][0]
    Verdict.objects.filter(pk=verdict.pk).update(
        rating=RatingScale.objects.get(newsroom=newsroom, label="Unverifiable")
    )
    # when exported
    rows = {r["verdict_id"]: r for r in csv.DictReader(io.StringIO(_csv(newsroom)))}
    # then it keeps its name but gives no number a reader could take for "the worst rating"
    assert (rows[str(verdict.pk)]["rating"], rows[str(verdict.pk)]["rating_value"]) == ("Unverifiable", "")
    true = report_world["published"][1]
    assert (rows[str(true.pk)]["rating"], rows[str(true.pk)]["rating_value"]) == ("True", "6")
    # a draft without a rating has neither
    Verdict.objects.filter(pk=report_world["draft"].pk).update(rating=None)
    draft = next(csv.DictReader(io.StringIO(_csv(newsroom, {"statuses": ["draft"]}))))
    assert (draft["rating"], draft["rating_value"]) == ("", "")


def test_it_writes_published_at_to_the_second_with_its_offset(newsroom, report_world):
    # given a publication time with microseconds, as verdict_approve stores timezone.now()
    v1 = report_world["published"][0]
    Verdict.objects.filter(pk=v1.pk).update(published_at=v1.published_at.replace(second=15, microsecond=123456))
    # then
    row = next(r for r in csv.DictReader(io.StringIO(_csv(newsroom))) if r["verdict_id"] == str(v1.pk))
    assert row["published_at"] == "2026-10-20T09:30:15+00:00"
