"""The import saves a chunk's pasted texts together (claims.importing._chunk_save) and falls back to one
line at a time, each in its savepoint, when the database refuses the bulk INSERT."""

import json

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from factcheck.claims import importing
from factcheck.claims.importing import articles_import
from factcheck.claims.models import Article, ExtractionRun
from factcheck.demo.content import AIR_ATTACK, HOSPITAL, RAIL

pytestmark = pytest.mark.django_db
BODIES = [AIR_ATTACK["body"], RAIL["body"], HOSPITAL["body"]]


def _lines(count, *, outlet="Harbour Gazette"):
    return [
        json.dumps({"title": f"T{i}", "text": f"{BODIES[i % 3]}\n\nPart {i}.", "outlet": outlet}) for i in range(count)
    ]


def _queries(newsroom, user, lines):
    with CaptureQueriesContext(connection) as captured:
        report = articles_import(newsroom=newsroom, user=user, lines=lines, chunk_size=100)
    return report, len(captured)


def test_it_saves_a_chunk_in_as_many_queries_for_thirty_lines_as_for_three(newsroom, checker):
    # given: the outlet exists already, so both imports do the same work apart from their size
    articles_import(newsroom=newsroom, user=checker, lines=_lines(1, outlet="Harbour Gazette"))
    Article.objects.all().delete()
    # when
    small, small_queries = _queries(newsroom, checker, _lines(3))
    Article.objects.all().delete()
    large, large_queries = _queries(newsroom, checker, _lines(30))
    # then
    assert (small.imported, large.imported) == (3, 30)
    assert large_queries == small_queries
    assert ExtractionRun.objects.filter(newsroom=newsroom, status=ExtractionRun.Status.PENDING).count() == 30
    assert set(Article.objects.values_list("outlet__name", flat=True)) == {"Harbour Gazette"}


def test_it_counts_a_text_repeated_inside_a_chunk_once(newsroom, checker):
    line = json.dumps({"title": "Rail", "text": RAIL["body"]})
    report = articles_import(newsroom=newsroom, user=checker, lines=[line, line, line])
    assert (report.imported, report.duplicates, report.errors) == (1, 2, [])
    assert ExtractionRun.objects.count() == 1


def test_it_goes_line_by_line_when_the_database_refuses_the_chunk(newsroom, checker, monkeypatch):
    # given: a text already in the newsroom that the chunk's look-up misses, as when another submit of the
    # same text commits between the look-up and the INSERT: the bulk INSERT breaks the unique constraint
    first = articles_import(newsroom=newsroom, user=checker, lines=[json.dumps({"title": "R", "text": RAIL["body"]})])
    assert first.imported == 1
    monkeypatch.setattr(importing, "_known_digests", lambda newsroom, digests: set())
    lines = [
        json.dumps({"title": "Air", "text": AIR_ATTACK["body"], "outlet": "New Outlet"}),
        json.dumps({"title": "R again", "text": RAIL["body"]}),
        json.dumps({"title": "Bad date", "text": HOSPITAL["body"], "published": "yesterday"}),
        json.dumps({"title": "Hospital", "text": HOSPITAL["body"]}),
    ]
    # when
    report = articles_import(newsroom=newsroom, user=checker, lines=lines)
    # then: the line at fault counts as the duplicate it is, the others are saved once, each with its run
    assert (report.imported, report.duplicates) == (2, 1)
    assert [number for number, _ in report.errors] == [3]
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Air", "Hospital", "R"]
    assert Article.objects.get(title="Air").outlet.name == "New Outlet"
    assert ExtractionRun.objects.count() == 3
