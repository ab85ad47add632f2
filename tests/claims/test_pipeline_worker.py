"""The extraction pipeline through a real Redis broker and real `celery worker` processes."""

import pytest

from django.utils import timezone

from factcheck.celery import app
from factcheck.claims import services
from factcheck.claims.models import Article, Claim, ExtractionRun, content_hash
from factcheck.claims.tasks import claims_extract_task
from factcheck.demo.content import AIR_ATTACK, HOSPITAL, RAIL
from factcheck.extraction import extract
from tests.conftest import _reset_producer_pools, wait_until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]
Status = ExtractionRun.Status


def _status(run):
    return ExtractionRun.objects.values_list("status", flat=True).get(pk=run.pk)


def _spans(article):
    return sorted(Claim.objects.filter(article=article).values_list("start", "end", "text"))


def _expected_spans(body):
    return sorted((s["start"], s["end"], s["text"]) for s in extract(body).to_dict()["statements"])


def test_it_extracts_a_submitted_article_end_to_end(newsroom, checker, worker_processes):
    worker_processes.start(concurrency=1)
    result = services.article_submit(newsroom=newsroom, user=checker, title="Air attack", body=AIR_ATTACK["body"])
    run = result.run
    wait_until(lambda: _status(run) == Status.SUCCEEDED, timeout=60, message="run succeeded")
    run.refresh_from_db()
    assert run.attempts == 1
    assert run.enqueued_at is not None and run.started_at is not None and run.finished_at is not None
    assert _spans(result.article) == _expected_spans(AIR_ATTACK["body"])
    assert run.statements_found == len(_expected_spans(AIR_ATTACK["body"]))


def test_it_leaves_one_set_of_statements_when_delivered_many_times_to_racing_workers(newsroom, worker_processes):
    body = RAIL["body"]
    article = Article.objects.create(newsroom=newsroom, title="Rail", body=body, content_hash=content_hash(body))
    run = ExtractionRun.objects.create(newsroom=newsroom, article=article)
    worker_processes.start(concurrency=2, name="racer-a")
    worker_processes.start(concurrency=2, name="racer-b")
    for _ in range(6):
        claims_extract_task.delay(run.pk)
    wait_until(lambda: _status(run) == Status.SUCCEEDED, timeout=60, message="run succeeded")
    # let every duplicate delivery be consumed before counting
    wait_until(lambda: _queue_empty(), timeout=30, message="queue drained")
    run.refresh_from_db()
    assert run.attempts == 1
    assert _spans(article) == _expected_spans(body)
    assert Claim.objects.filter(article=article).count() == len(_expected_spans(body))


def _queue_empty():
    with app.connection_for_write() as conn:
        return conn.default_channel.client.llen("extraction") == 0


def test_it_saves_the_article_while_the_broker_is_down_and_completes_after_the_sweep(
    newsroom, checker, worker_processes, celery_broker
):
    # given: the broker is unreachable when the article is submitted
    app.conf.broker_url = "redis://127.0.0.1:1/0"
    _reset_producer_pools(app)
    result = services.article_submit(newsroom=newsroom, user=checker, title="Hospital", body=HOSPITAL["body"])
    run = ExtractionRun.objects.get(pk=result.run.pk)
    assert run.status == Status.PENDING and run.enqueued_at is None
    assert Article.objects.filter(pk=result.article.pk).exists()
    # when: the broker is back, a worker runs, and the sweep finds the waiting run
    app.conf.broker_url = celery_broker
    _reset_producer_pools(app)
    worker_processes.start(concurrency=1)
    counts = services.extraction_sweep(now=timezone.now() + timezone.timedelta(minutes=5))
    assert counts["requeued"] == 1
    # then: it completes once
    wait_until(lambda: _status(run) == Status.SUCCEEDED, timeout=60, message="run succeeded")
    assert _spans(result.article) == _expected_spans(HOSPITAL["body"])


def test_it_completes_exactly_once_after_a_worker_is_killed_mid_run(newsroom, worker_processes):
    # given: a worker whose extractor stops half-way through the article (tests/worker_hold.py) and
    # keeps heartbeating there, so "running, half done" is a state that lasts until the kill
    body = "\n\n".join([AIR_ATTACK["body"], RAIL["body"], HOSPITAL["body"]])
    article = Article.objects.create(newsroom=newsroom, title="Long", body=body, content_hash=content_hash(body))
    run = ExtractionRun.objects.create(newsroom=newsroom, article=article)
    first = worker_processes.start(concurrency=1, name="doomed", app="tests.worker_hold")
    assert services.extraction_enqueue(run_id=run.pk), "the broker refused the task"
    wait_until(
        lambda: ExtractionRun.objects.filter(pk=run.pk, status=Status.RUNNING, progress_done__gt=0).exists(),
        timeout=120,
        message="the held worker reporting progress",
    )
    # when: the worker is killed with the run half done
    worker_processes.kill(first)
    run.refresh_from_db()
    assert run.status == Status.RUNNING and 0 < run.progress_done < run.progress_total
    assert run.attempts == 1
    assert not Claim.objects.filter(article=article).exists()  # nothing half-written
    # then: the sweep sees the silent worker, re-enqueues, and a new worker finishes the run once
    worker_processes.start(concurrency=1, name="rescuer")
    counts = services.extraction_sweep(now=timezone.now() + timezone.timedelta(hours=1))
    assert counts["reclaimed"] == 1
    wait_until(lambda: _status(run) == Status.SUCCEEDED, timeout=120, message="run succeeded after rescue")
    run.refresh_from_db()
    assert run.attempts == 2
    assert _spans(article) == _expected_spans(body)
    assert run.statements_found == len(_expected_spans(body))


def test_it_fails_a_run_at_its_time_limit_in_a_real_worker_and_does_not_retry(newsroom, worker_processes, monkeypatch):
    # given: a worker whose extractor never finishes, with a 2-second soft time limit. Celery sends the
    # limits inside each task message, from the sender's settings: the sender (here, this test) and the
    # worker (its own settings, used in the run's message) both say 2 s.
    monkeypatch.setattr(claims_extract_task, "soft_time_limit", 2)
    monkeypatch.setattr(claims_extract_task, "time_limit", 32)
    monkeypatch.setattr(claims_extract_task, "_exec_options", None)  # Celery caches them at the first send
    body = "\n\n".join([AIR_ATTACK["body"], RAIL["body"]])
    article = Article.objects.create(newsroom=newsroom, title="Stuck", body=body, content_hash=content_hash(body))
    run = ExtractionRun.objects.create(newsroom=newsroom, article=article)
    worker_processes.start(concurrency=1, app="tests.worker_hold", extra_env={"EXTRACTION_SOFT_TIME_LIMIT": "2"})
    # when
    assert services.extraction_enqueue(run_id=run.pk)
    # then: Celery's soft limit stops the task and the run says why; the sweep leaves it alone
    wait_until(lambda: _status(run) == Status.FAILED, timeout=120, message="run failed at its time limit")
    run.refresh_from_db()
    assert "stopped after 2 s" in run.message and run.attempts == 1
    assert services.extraction_sweep(now=timezone.now() + timezone.timedelta(hours=1))["reclaimed"] == 0
    assert not Claim.objects.filter(article=article).exists()
