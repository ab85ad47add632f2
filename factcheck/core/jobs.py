"""The lifecycle every background Job shares (extraction runs, report exports): enqueue, take,
progress with a heartbeat, finish, fail, and one sweep policy.

A Job row moves only by conditional UPDATEs. `job_take` moves PENDING → RUNNING and counts the
attempt; every later write of that attempt is pinned on (status=RUNNING, attempts=attempt), so an
attempt the sweep took back can neither report progress nor finish the job: its work is discarded.

The sweep (`job_sweep`, run every minute by beat for each job type):
- RUNNING with no heartbeat for JOB_HEARTBEAT_TIMEOUT: if it was alive past the task's soft time
  limit, the hard limit ended it and the same input would again, so it FAILS with the type's
  time-limit message; after JOB_MAX_ATTEMPTS attempts it FAILS; otherwise it goes back to PENDING
  and is sent again ("reclaimed").
- PENDING never sent (the broker was down at submit) is sent now; PENDING sent more than
  JOB_PENDING_TIMEOUT ago is sent again only when the type's queue is empty (its message was lost;
  while a backlog waits, a second message would only multiply the work). A type with `enqueue_many`
  sends the waiting rows that never started (no attempt) in batches; a row with an attempt behind it
  (taken back from a silent worker, whatever became of its message since) is always sent alone, so an
  input that kills its worker cannot take a batch of others down with it, attempt after attempt.
"""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

logger = logging.getLogger(__name__)

# Options of a task that works through a Job row: late acks (the work is idempotent) and retries with
# backoff for transient database errors only.
JOB_TASK_OPTIONS = {
    "acks_late": True,
    "autoretry_for": (OperationalError, InterfaceError),
    "retry_backoff": 2,
    "retry_backoff_max": 60,
    "max_retries": 5,
}
SWEEP_BATCH = 1000  # rows the sweep sends per pass: bounded work per minute
NEVER_SENT_GRACE_S = 5  # a row younger than this may still be waiting for its on_commit enqueue


@dataclass(frozen=True)
class JobType:
    """What the shared lifecycle needs to know about one kind of Job."""

    model: Any  # a concrete subclass of core.models.Job
    queue: str  # the Celery queue its task is routed to
    enqueue: Callable[[int], bool]  # sends one row's task; False when the broker is down
    soft_time_limit: Callable[[], int]  # seconds, read at call time (settings may change in tests)
    time_limit_message: Callable[[], str]
    on_failed: Callable[[int], None] | None = None  # after a FAILED transition (e.g. announce it)
    enqueue_many: Callable[[list[int]], int] | None = None  # sends rows in batches; returns how many were sent


def job_enqueue(*, task, job_model, pk):
    """Hand a Job to the broker and stamp enqueued_at; False (row left PENDING) when the broker is down."""
    try:
        task.delay(pk)
    except Exception as exc:  # kombu raises many types when Redis is unreachable
        logger.warning("could not enqueue %s %s, it stays pending: %s", job_model.__name__, pk, exc)
        return False
    job_model.objects.filter(pk=pk, status=job_model.Status.PENDING).update(enqueued_at=timezone.now())
    return True


def job_take(job_type, pk):
    """PENDING → RUNNING, counting the attempt. False when the row is gone, already taken or finished (a
    redelivered message: nothing to do). The caller reads the row next; its `attempts` is the attempt."""
    job_model = job_type.model
    now = timezone.now()
    # enqueued_at: the message can reach a worker before its sender stamps the row (job_enqueue), as for batches
    taken = job_model.objects.filter(pk=pk, status=job_model.Status.PENDING).update(
        status=job_model.Status.RUNNING,
        started_at=now,
        heartbeat_at=now,
        attempts=F("attempts") + 1,
        message="",
        enqueued_at=Coalesce("enqueued_at", Value(now)),
    )
    if taken != 1:
        logger.info("%s %s is gone or already taken; nothing to do", job_model.__name__, pk)
    return taken == 1


def job_mine(job_type, pk, attempt):
    """The row as long as this attempt still owns it: the filter every write of the attempt goes through."""
    return job_type.model.objects.filter(pk=pk, status=job_type.model.Status.RUNNING, attempts=attempt)


class JobProgress:
    """on_progress callback: writes done (and total, when given) with a heartbeat, at most every
    `interval` seconds. A job that finishes before the first write is due costs no extra query (its
    finish writes the last figures); write_last=True also writes the call that reaches the total."""

    def __init__(self, job_type, pk, attempt, *, total=0, interval=0.5, write_last=False):
        self.rows = job_mine(job_type, pk, attempt)
        self.interval, self.write_last = interval, write_last
        self.last = time.monotonic()
        self.done, self.total = 0, total

    def __call__(self, done, total=None):
        self.done = done
        if total is not None:
            self.total = total
        now = time.monotonic()
        last_call = self.write_last and done >= self.total
        if now - self.last < self.interval and not last_call:
            return
        self.last = now
        fields = {"progress_done": done, "heartbeat_at": timezone.now()}
        if total is not None:
            fields["progress_total"] = total
        self.rows.update(**fields)


def job_finish(job_type, pk, attempt, **fields):
    """RUNNING → SUCCEEDED if this attempt still owns the row; False otherwise (it was taken back)."""
    now = timezone.now()
    done = job_mine(job_type, pk, attempt).update(
        status=job_type.model.Status.SUCCEEDED, finished_at=now, heartbeat_at=now, message="", **fields
    )
    return done == 1


def job_fail(job_type, pk, attempt, message):
    """RUNNING → FAILED with the reason, if this attempt still owns the row. Returns whether it did."""
    failed = job_mine(job_type, pk, attempt).update(
        status=job_type.model.Status.FAILED, message=message, finished_at=timezone.now()
    )
    if failed == 1 and job_type.on_failed is not None:
        job_type.on_failed(pk)
    return failed == 1


def queue_length(queue):
    """Messages waiting in a Celery queue (Redis), or 0 when unknown or when tasks run in-process."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return 0
    from factcheck.celery import app

    try:
        with app.connection_for_write() as conn:
            return int(conn.default_channel.client.llen(queue))
    except Exception:  # broker down or not Redis: behave as if nothing is queued
        return 0


def job_sweep(job_type, *, now=None):
    """Take back, fail or re-send the type's stuck rows (the policy in this module's docstring).

    Returns counts: {"requeued": n, "reclaimed": n, "failed": n}.
    """
    now = now or timezone.now()
    counts = {"requeued": 0, "reclaimed": 0, "failed": 0}
    for job in _stale_running(job_type.model, now).only("pk", "attempts", "started_at", "heartbeat_at"):
        outcome = _stale_settle(job_type, job, now)
        if outcome:
            counts[outcome] += 1
    waiting = list(_waiting(job_type, now).order_by("pk").values_list("pk", "attempts")[:SWEEP_BATCH])
    # Only rows never started go in batches: a row with an attempt behind it may have killed its worker.
    fresh = {pk for pk, attempts in waiting if attempts == 0} if job_type.enqueue_many is not None else set()
    if fresh:
        counts["requeued"] += job_type.enqueue_many(sorted(fresh))
    counts["requeued"] += sum(1 for pk, _ in waiting if pk not in fresh and job_type.enqueue(pk))
    return counts


def _stale_running(job_model, now):
    cutoff = now - timezone.timedelta(seconds=settings.JOB_HEARTBEAT_TIMEOUT)
    return job_model.objects.filter(status=job_model.Status.RUNNING).filter(
        Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, started_at__lt=cutoff)
    )


def _stale_settle(job_type, job, now):
    """One silent RUNNING row: "failed", "reclaimed", or None when another sweep got there first."""
    Status = job_type.model.Status
    rows = job_mine(job_type, job.pk, job.attempts)
    soft_limit = timezone.timedelta(seconds=job_type.soft_time_limit())
    if job.started_at and job.heartbeat_at and job.heartbeat_at - job.started_at >= soft_limit:
        # It was alive past its soft limit, so the hard limit ended it: the same input would again.
        message = job_type.time_limit_message()
    elif job.attempts >= settings.JOB_MAX_ATTEMPTS:
        message = f"The worker stopped responding {job.attempts} times; giving up. Retry to try again."
    else:
        message = None
    if message is not None:
        if rows.update(status=Status.FAILED, finished_at=now, message=message) != 1:
            return None
        if job_type.on_failed is not None:
            job_type.on_failed(job.pk)
        return "failed"
    if rows.update(status=Status.PENDING, enqueued_at=None, message="The worker stopped responding; queued again."):
        job_type.enqueue(job.pk)
        return "reclaimed"
    return None


def _waiting(job_type, now):
    Status = job_type.model.Status
    never_sent = Q(enqueued_at__isnull=True, created_at__lt=now - timezone.timedelta(seconds=NEVER_SENT_GRACE_S))
    pending = job_type.model.objects.filter(status=Status.PENDING)
    if queue_length(job_type.queue):
        return pending.filter(never_sent)
    lost = Q(enqueued_at__lt=now - timezone.timedelta(seconds=settings.JOB_PENDING_TIMEOUT))
    return pending.filter(never_sent | lost)
