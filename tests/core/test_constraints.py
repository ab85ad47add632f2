import pytest

from django.db import IntegrityError, transaction

from factcheck.claims.models import Article, ExtractionRun
from factcheck.sources.models import Source
from factcheck.verdicts.models import Verdict
from tests.factories import make_article, make_claim, make_source, make_verdict


def test_it_keeps_one_claim_per_span(newsroom):
    article = make_article(newsroom)
    make_claim(article, 0, 10)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_claim(article, 0, 10)
    make_claim(article, 0, 11)  # a different span is a different statement
    assert article.claims.count() == 2


def test_it_refuses_an_empty_span(newsroom):
    article = make_article(newsroom)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_claim(article, 5, 5)


def test_it_keeps_one_published_verdict_per_claim(newsroom, editor):
    claim = make_claim(make_article(newsroom))
    make_verdict(claim, editor, status=Verdict.Status.PUBLISHED, version=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_verdict(claim, editor, status=Verdict.Status.PUBLISHED, version=2)
    make_verdict(claim, editor, status=Verdict.Status.SUPERSEDED, version=3)
    assert claim.verdicts.count() == 2


def test_it_keeps_one_open_verdict_per_claim(newsroom, editor):
    claim = make_claim(make_article(newsroom))
    make_verdict(claim, editor, status=Verdict.Status.DRAFT, version=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_verdict(claim, editor, status=Verdict.Status.IN_REVIEW, version=2)


def test_it_keeps_source_homes_unique_per_newsroom(newsroom, other_newsroom):
    make_source(newsroom, url="https://www.stats.example.gov/data/")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_source(newsroom, name="Stats again", url="https://stats.example.gov/Data")  # same home, spelled apart
    make_source(newsroom, name="Stats archive", url="https://stats.example.gov/archive")  # same domain, other home
    make_source(other_newsroom, url="https://stats.example.gov/data")  # another newsroom may register it
    Source.objects.create(newsroom=newsroom, name="A person", url="")
    Source.objects.create(newsroom=newsroom, name="Another person", url="")  # no URL, no home clash
    assert Source.objects.filter(newsroom=newsroom).count() == 4


def test_it_keeps_one_article_per_text_per_newsroom(newsroom, other_newsroom):
    make_article(newsroom)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(newsroom)
    make_article(other_newsroom)
    assert Article.objects.count() == 2


def test_it_keeps_one_active_run_per_article(newsroom):
    article = make_article(newsroom)
    ExtractionRun.objects.create(newsroom=newsroom, article=article)
    with pytest.raises(IntegrityError), transaction.atomic():
        ExtractionRun.objects.create(newsroom=newsroom, article=article, status=ExtractionRun.Status.RUNNING)
    ExtractionRun.objects.create(newsroom=newsroom, article=article, status=ExtractionRun.Status.FAILED)
    assert article.runs.count() == 2
