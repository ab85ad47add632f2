"""The one Job lifecycle (core.jobs), tested once for every job type: extraction runs and report exports.

Each test runs for both types; the sweep sends through a recording stand-in for the broker hand-off
(the real hand-off is tested with a real worker in tests/claims/test_pipeline_worker.py and
tests/reports/test_jobs.py).
"""

from dataclasses import replace

import pytest

from django.utils import timezone

from factcheck.claims.jobs import EXTRACTION_JOB
from factcheck.claims.models import ExtractionRun
from factcheck.core import jobs
from factcheck.reports.models import ReportExport
from factcheck.reports.services import EXPORT_JOB
from tests.factories import SAMPLE_BODY, make_article

Status = ExtractionRun.Status  # the same choices for every Job


def _extraction_row(newsroom):
    n = ExtractionRun.objects.count()  # one article per run: the newsroom holds each text once
    article = make_article(newsroom, body=f"{SAMPLE_BODY} Edition {n}.")
    return ExtractionRun.objects.create(newsroom=newsroom, article=article)


def _export_row(newsroom):
    return ReportExport.objects.create(newsroom=newsroom, format="csv", base_url="https://x.example/")


@pytest.fixture(params=["extraction", "export"])
def kind(request, newsroom, monkeypatch):
    """(job type with a recording enqueue, a factory of new PENDING rows, the list of sent pks)."""
    sent = []
    base, factory = {"extraction": (EXTRACTION_JOB, _extraction_row), "export": (EXPORT_JOB, _export_row)}[
        request.param
    ]
    job_type = replace(base, enqueue=lambda pk: sent.append(pk) or True)
    if base.enqueue_many is not None:  # a type that sends waiting rows in batches: record them the same way
        job_type = replace(job_type, enqueue_many=lambda pks: sent.extend(pks) or len(pks))
    monkeypatch.setattr(jobs, "queue_length", lambda queue: 0)
    return job_type, lambda: factory(newsroom), sent


def _set(row, **fields):
    type(row).objects.filter(pk=row.pk).update(**fields)
    row.refresh_from_db()


HOUR_AGO = timezone.timedelta(hours=1)


def test_take_is_conditional_and_counts_the_attempt(kind):
    job_type, new_row, _ = kind
    row = new_row()
    assert jobs.job_take(job_type, row.pk) is True
    assert jobs.job_take(job_type, row.pk) is False  # a redelivered message: already taken
    assert jobs.job_take(job_type, 10**9) is False  # gone
    row.refresh_from_db()
    assert (row.status, row.attempts) == (Status.RUNNING, 1)


def test_a_take_before_the_sender_stamped_the_row_stamps_it_and_keeps_an_earlier_stamp(kind):
    job_type, new_row, _ = kind
    early, stamped = new_row(), new_row()
    sent_at = timezone.now() - HOUR_AGO
    _set(stamped, enqueued_at=sent_at)
    assert jobs.job_take(job_type, early.pk) and jobs.job_take(job_type, stamped.pk)
    early.refresh_from_db(), stamped.refresh_from_db()
    assert early.enqueued_at == early.started_at  # the worker was faster than job_enqueue's stamp
    assert stamped.enqueued_at == sent_at


def test_an_attempt_the_sweep_took_back_can_neither_progress_nor_finish(kind):
    job_type, new_row, _ = kind
    row = new_row()
    jobs.job_take(job_type, row.pk)
    _set(row, attempts=2)  # the sweep took it back and attempt 2 started
    progress = jobs.JobProgress(job_type, row.pk, 1, interval=0, write_last=True)
    progress(5, 10)
    assert jobs.job_finish(job_type, row.pk, 1) is False
    assert jobs.job_fail(job_type, row.pk, 1, "late") is False
    row.refresh_from_db()
    assert (row.status, row.progress_done, row.message) == (Status.RUNNING, 0, "")
    assert jobs.job_finish(job_type, row.pk, 2, progress_done=10) is True
    row.refresh_from_db()
    assert (row.status, row.progress_done) == (Status.SUCCEEDED, 10)


def test_progress_writes_at_most_every_interval_and_always_the_last_call(kind):
    job_type, new_row, _ = kind
    row = new_row()
    jobs.job_take(job_type, row.pk)
    progress = jobs.JobProgress(job_type, row.pk, 1, total=10, interval=3600, write_last=True)
    progress(3)
    row.refresh_from_db()
    assert row.progress_done == 0  # within the interval: no write
    progress(10)
    row.refresh_from_db()
    assert row.progress_done == 10  # the call that reaches the total is written


def test_the_sweep_sends_a_row_the_broker_never_got(kind):
    job_type, new_row, sent = kind
    row = new_row()
    _set(row, created_at=timezone.now() - HOUR_AGO, enqueued_at=None)
    assert jobs.job_sweep(job_type) == {"requeued": 1, "reclaimed": 0, "failed": 0}
    assert sent == [row.pk]


def test_the_sweep_leaves_fresh_rows_alone(kind):
    job_type, new_row, sent = kind
    row = new_row()
    _set(row, enqueued_at=timezone.now())
    assert jobs.job_sweep(job_type) == {"requeued": 0, "reclaimed": 0, "failed": 0}
    assert sent == []


def test_the_sweep_resends_a_lost_message_only_when_the_queue_is_empty(kind, monkeypatch):
    job_type, new_row, sent = kind
    long_ago = timezone.now() - HOUR_AGO
    sent_long_ago, never_sent = new_row(), new_row()
    _set(sent_long_ago, created_at=long_ago, enqueued_at=long_ago)
    _set(never_sent, created_at=long_ago, enqueued_at=None)
    monkeypatch.setattr(jobs, "queue_length", lambda queue: 40 if queue == job_type.queue else 0)
    assert jobs.job_sweep(job_type)["requeued"] == 1  # a backlog waits: only the never-sent one goes
    assert sent == [never_sent.pk]
    monkeypatch.setattr(jobs, "queue_length", lambda queue: 0)
    sent.clear()
    assert jobs.job_sweep(job_type)["requeued"] == 2  # nothing queued: the old message was lost
    assert sorted(sent) == sorted([sent_long_ago.pk, never_sent.pk])


def test_the_sweep_reclaims_a_silent_row_then_fails_it_after_the_attempts(kind, settings):
    job_type, new_row, sent = kind
    settings.JOB_MAX_ATTEMPTS = 2
    row = new_row()
    stale = timezone.now() - HOUR_AGO
    _set(row, status=Status.RUNNING, attempts=1, started_at=stale, heartbeat_at=stale)
    assert jobs.job_sweep(job_type)["reclaimed"] == 1
    row.refresh_from_db()
    assert (row.status, row.enqueued_at) == (Status.PENDING, None) and sent == [row.pk]
    _set(row, status=Status.RUNNING, attempts=2, started_at=stale, heartbeat_at=stale)
    assert jobs.job_sweep(job_type)["failed"] == 1
    row.refresh_from_db()
    assert row.status == Status.FAILED and "stopped responding 2 times" in row.message


def test_the_sweep_fails_a_row_the_hard_limit_ended_instead_of_running_it_again(kind, settings):
    job_type, new_row, sent = kind
    row = new_row()
    started = timezone.now() - HOUR_AGO
    limit = job_type.soft_time_limit()
    # alive (heartbeating) past its soft limit, then silent: the hard limit ended it
    _set(row, status=Status.RUNNING, attempts=1, started_at=started,
         heartbeat_at=started + timezone.timedelta(seconds=limit + 1))  # fmt: skip
    assert jobs.job_sweep(job_type) == {"requeued": 0, "reclaimed": 0, "failed": 1}
    row.refresh_from_db()
    assert row.status == Status.FAILED and row.message == job_type.time_limit_message()
    assert sent == []


def test_the_sweep_leaves_finished_and_heartbeating_rows_alone(kind):
    job_type, new_row, sent = kind
    done, failed, alive = new_row(), new_row(), new_row()
    long_ago = timezone.now() - HOUR_AGO
    _set(done, status=Status.SUCCEEDED, created_at=long_ago, enqueued_at=None)
    _set(failed, status=Status.FAILED, created_at=long_ago, enqueued_at=None)
    _set(alive, status=Status.RUNNING, attempts=1, started_at=long_ago, heartbeat_at=timezone.now())
    assert jobs.job_sweep(job_type) == {"requeued": 0, "reclaimed": 0, "failed": 0}
    assert sent == []


def test_extraction_sweep_sends_waiting_runs_in_batches_and_a_reclaimed_run_alone(newsroom, monkeypatch):
    """Never-started runs go EXTRACTION_BATCH_SIZE to a task; a run with an attempt behind it may be the
    input that killed its worker, so it always goes alone, even when its own message was then lost."""
    singles, batches, broker_up = [], [], [True]

    def enqueue(pk):
        singles.append(pk)
        return broker_up[0]

    job_type = replace(EXTRACTION_JOB, enqueue=enqueue, enqueue_many=lambda pks: batches.append(list(pks)) or len(pks))
    monkeypatch.setattr(jobs, "queue_length", lambda queue: 0)
    long_ago = timezone.now() - HOUR_AGO
    waiting = [_extraction_row(newsroom) for _ in range(3)]
    for row in waiting:
        _set(row, created_at=long_ago, enqueued_at=None)
    silent = _extraction_row(newsroom)
    _set(silent, created_at=long_ago, status=Status.RUNNING, attempts=1, started_at=long_ago, heartbeat_at=long_ago)
    # the broker refuses the reclaimed run's message: it stays PENDING, never sent, with one attempt behind it
    broker_up[0] = False
    counts = jobs.job_sweep(job_type)
    assert counts["reclaimed"] == 1
    assert batches == [[r.pk for r in waiting]]
    assert singles == [silent.pk, silent.pk]  # sent alone when reclaimed, and alone again as a waiting row
    # a later sweep, broker back: still alone, never in a batch
    batches.clear()
    singles.clear()
    broker_up[0] = True
    ExtractionRun.objects.filter(pk__in=[r.pk for r in waiting]).update(enqueued_at=timezone.now())
    assert jobs.job_sweep(job_type)["requeued"] == 1
    assert (batches, singles) == ([], [silent.pk])
