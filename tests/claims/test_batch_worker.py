"""Extraction in batches through a real Redis broker and real `celery worker` processes."""

import json

import pytest
import redis

from django.utils import timezone

from factcheck.celery import app
from factcheck.claims import services
from factcheck.claims.importing import articles_import
from factcheck.claims.models import Article, Claim, ExtractionRun, content_hash
from factcheck.claims.tasks import claims_extract_batch_task
from factcheck.demo.content import AIR_ATTACK, HOSPITAL, RAIL
from factcheck.extraction import extract
from tests.claims.worker_batch_hold import FAIL_MARKER, HELD, HOLD_MARKER, RELEASE
from tests.conftest import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]
Status = ExtractionRun.Status
BODIES = [AIR_ATTACK["body"], RAIL["body"], HOSPITAL["body"]]


def _runs(newsroom, bodies):
    runs = []
    for i, body in enumerate(bodies):
        article = Article.objects.create(newsroom=newsroom, title=f"A{i}", body=body, content_hash=content_hash(body))
        runs.append(ExtractionRun.objects.create(newsroom=newsroom, article=article))
    return runs


def _spans(article_id):
    return sorted(Claim.objects.filter(article_id=article_id).values_list("start", "end", "text"))


def _expected(body):
    return sorted((s.start, s.end, s.text) for s in extract(body).statements)


def _states(runs):
    found = dict(ExtractionRun.objects.filter(pk__in=[r.pk for r in runs]).values_list("pk", "status"))
    return [found[r.pk] for r in runs]


def _all_delivered():
    """No message waiting and none being worked on (kombu's Redis transport keeps those in 'unacked')."""
    with app.connection_for_write() as conn:
        client = conn.default_channel.client
        return client.llen("extraction") == 0 and client.hlen("unacked") == 0


def test_it_extracts_an_import_in_batches_end_to_end(newsroom, checker, worker_processes, settings):
    settings.EXTRACTION_BATCH_SIZE = 2  # the sender splits: 3 articles make 2 batch tasks
    worker_processes.start(concurrency=2)
    lines = [json.dumps({"title": f"T{i}", "text": body}) for i, body in enumerate(BODIES)]
    report = articles_import(newsroom=newsroom, user=checker, lines=lines)
    assert report.imported == 3
    runs = list(ExtractionRun.objects.filter(newsroom=newsroom).select_related("article").order_by("pk"))
    wait_until(lambda: _states(runs) == [Status.SUCCEEDED] * 3, timeout=120, message="every run succeeded")
    for run in runs:
        assert _spans(run.article_id) == _expected(run.article.body)
    assert set(ExtractionRun.objects.filter(newsroom=newsroom).values_list("attempts", flat=True)) == {1}


def test_it_writes_one_set_of_rows_when_a_batch_is_delivered_many_times_to_racing_workers(newsroom, worker_processes):
    runs = _runs(newsroom, BODIES)
    worker_processes.start(concurrency=2, name="racer-a")
    worker_processes.start(concurrency=2, name="racer-b")
    for _ in range(4):
        claims_extract_batch_task.delay([r.pk for r in runs])
    wait_until(lambda: _states(runs) == [Status.SUCCEEDED] * 3, timeout=120, message="every run succeeded")
    wait_until(_all_delivered, timeout=60, message="every delivery consumed")
    assert set(ExtractionRun.objects.filter(newsroom=newsroom).values_list("attempts", flat=True)) == {1}
    for run, body in zip(runs, BODIES, strict=True):
        assert _spans(run.article_id) == _expected(body)
    assert Claim.objects.filter(newsroom=newsroom).count() == sum(len(_expected(b)) for b in BODIES)


def test_it_skips_a_run_taken_back_mid_batch_and_fails_a_broken_article_alone(newsroom, worker_processes):
    # given: a batch of three whose worker holds at the second article (the first already extracted)
    bodies = [AIR_ATTACK["body"], f"{RAIL['body']}\n\n{HOLD_MARKER}", f"{HOSPITAL['body']}\n\n{FAIL_MARKER}"]
    first, held, broken = runs = _runs(newsroom, bodies)
    worker_processes.start(concurrency=1, app="tests.claims.worker_batch_hold")
    client = redis.Redis.from_url(app.conf.broker_url)
    claims_extract_batch_task.delay([r.pk for r in runs])
    wait_until(lambda: client.get(HELD), timeout=120, message="the batch holding at its second article")
    assert _states(runs) == [Status.RUNNING] * 3
    # when: the sweep takes the first run back (as core.jobs._stale_settle does, its message not sent yet)
    assert ExtractionRun.objects.filter(pk=first.pk, status=Status.RUNNING, attempts=1).update(
        status=Status.PENDING, enqueued_at=None
    )
    client.rpush(RELEASE, "go")
    # then: the held article is written, the broken one fails alone, the taken-back one is not written
    wait_until(lambda: _states(runs)[1:] == [Status.SUCCEEDED, Status.FAILED], timeout=120, message="batch written")
    assert _spans(held.article_id) == _expected(bodies[1])
    broken.refresh_from_db()
    assert "ValueError: the test's extractor refuses this text" in broken.message
    assert not Claim.objects.filter(article_id=broken.article_id).exists()
    assert _states([first]) == [Status.PENDING] and not Claim.objects.filter(article_id=first.article_id).exists()
    # and the sweep sends it again on its own: it completes once, by its second attempt
    assert services.extraction_sweep(now=timezone.now() + timezone.timedelta(hours=1))["requeued"] == 1
    wait_until(lambda: _states([first]) == [Status.SUCCEEDED], timeout=120, message="first run succeeded")
    assert ExtractionRun.objects.get(pk=first.pk).attempts == 2
    assert _spans(first.article_id) == _expected(bodies[0])
