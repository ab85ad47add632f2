"""Extraction runs in batches: an import (or a retry of every failed run) sends its runs
EXTRACTION_BATCH_SIZE to a task instead of one task per article.

A batch takes its runs as a single run is taken (PENDING → RUNNING, the attempt counted), all in one
short transaction (the rows locked, one UPDATE, one commit), extracts each article outside any
transaction, and writes all of them in one transaction (results.results_write_many), each run finished
pinned on its attempt: a run the sweep took back meanwhile is skipped and its rows are not written. An
article the extractor fails on fails alone, with its reason; the others are written. A batch whose worker
dies leaves its runs RUNNING (or PENDING) for the sweep: the runs it had taken are sent again one by one
through the single-run task (one of them may be what killed the worker); the ones it never took have no
attempt behind them and go again in batches.

A run whose article is a link still to fetch is sent on its own (fetching takes seconds and has its own
failures); a batch stopped at its soft time limit writes what it finished and sends the rest back one by one,
so each gets a full time limit of its own.
"""

import logging
import time

from celery.exceptions import SoftTimeLimitExceeded

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from factcheck.claims.jobs import EXTRACTION_JOB, extraction_enqueue
from factcheck.claims.models import ExtractionRun
from factcheck.claims.results import RunResult, results_write_many
from factcheck.claims.services import extractor_failed_message
from factcheck.core.jobs import job_fail, job_mine

logger = logging.getLogger(__name__)

Status = ExtractionRun.Status


def extraction_run_batch(*, run_ids, extract=None):
    """Run a batch of extractions; returns the pks of the runs written. Idempotent like extraction_run:
    a run that is gone, taken by someone else or finished is skipped."""
    if extract is None:
        from factcheck.extraction import extract
    runs, links = _runs_take(run_ids)
    for run in links:
        extraction_enqueue(run_id=run.pk)  # still PENDING: the single-run task takes it
    if not runs:
        return []
    results = []
    waiting = list(runs)
    try:
        while waiting:
            result = _extract_one(waiting[0], extract)
            waiting.pop(0)
            if result is not None:
                results.append(result)
    except SoftTimeLimitExceeded:
        logger.warning("extraction batch stopped at its time limit; %s runs sent again one by one", len(waiting))
        _send_back(waiting)
    return results_write_many(results)


def _runs_take(run_ids):
    """Take the batch's runs as job_take takes one (PENDING → RUNNING, the attempt counted), all in one
    short transaction: one SELECT … FOR UPDATE (with the articles) and one UPDATE, one commit, instead of a
    conditional UPDATE and a commit per run. Returns (the runs taken, each with its article and `attempts`
    set to this attempt; the PENDING runs whose article is a link still to fetch, left untouched)."""
    with transaction.atomic():
        pending = ExtractionRun.objects.filter(pk__in=run_ids, status=Status.PENDING)
        rows = list(pending.select_for_update(of=("self",)).select_related("article").order_by("pk"))
        links = [run for run in rows if run.article.awaits_fetch]
        runs = [run for run in rows if not run.article.awaits_fetch]
        if runs:
            now = timezone.now()
            # the rows are locked: no one else can take them between the SELECT and this UPDATE
            # enqueued_at: the message can reach a worker before its sender stamps the rows it sent
            # (extraction_enqueue_batch); a batch taken in that window counts as sent when it was taken
            pending.filter(pk__in=[run.pk for run in runs]).update(
                status=Status.RUNNING, started_at=now, heartbeat_at=now, attempts=F("attempts") + 1, message="",
                enqueued_at=Coalesce("enqueued_at", Value(now)),
            )  # fmt: skip
            for run in runs:
                run.status, run.started_at, run.heartbeat_at, run.message = Status.RUNNING, now, now, ""
                run.attempts += 1  # this attempt: every later write is pinned on it
    return runs, links


def _extract_one(run, extract):
    """A RunResult, or None when the extractor failed (the run is then FAILED with the reason)."""
    started = time.perf_counter()
    try:
        extraction = extract(run.article.body)
    except SoftTimeLimitExceeded:
        raise
    except Exception as exc:  # the extractor's failure is this run's failure, not the batch's
        logger.exception("extraction run %s failed", run.pk)
        message = extractor_failed_message("The extractor failed on this text", exc)
        job_fail(EXTRACTION_JOB, run.pk, run.attempts, message)
        return None
    return RunResult(run=run, extraction=extraction, duration_ms=round((time.perf_counter() - started) * 1000))


def _send_back(runs):
    """RUNNING → PENDING for runs this batch took but did not reach, each sent again on its own."""
    for run in runs:
        if job_mine(EXTRACTION_JOB, run.pk, run.attempts).update(status=Status.PENDING, enqueued_at=None):
            extraction_enqueue(run_id=run.pk)
