"""The extraction run as a Job: how it is sent, announced and timed out. The lifecycle itself (take,
progress, finish, fail, sweep) is core.jobs, shared with report exports."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from factcheck.claims.models import ExtractionRun
from factcheck.core.jobs import JobType, job_enqueue
from factcheck.core.signals import FinishedRun, extraction_finished

logger = logging.getLogger(__name__)


def extraction_enqueue(*, run_id):
    """Hand a run to the broker. If the broker is down the run stays PENDING and the sweep retries."""
    from factcheck.claims.tasks import claims_extract_task

    return job_enqueue(task=claims_extract_task, job_model=ExtractionRun, pk=run_id)


def extraction_enqueue_batch(*, run_ids):
    """Hand runs to the broker EXTRACTION_BATCH_SIZE to a task (claims_extract_batch_task). Returns how
    many runs were sent; a batch the broker refused stays PENDING and the sweep sends its runs one by one.

    The batch's time limits are the extraction's, for the whole batch: a batch stopped at its soft limit
    sends its unfinished runs again one by one (see batches.extraction_run_batch), each with its own limit.
    """
    from factcheck.claims.tasks import claims_extract_batch_task

    run_ids = list(run_ids)
    size = settings.EXTRACTION_BATCH_SIZE
    sent = 0
    for i in range(0, len(run_ids), size):
        chunk = run_ids[i : i + size]
        try:
            claims_extract_batch_task.apply_async(
                (chunk,),
                soft_time_limit=settings.EXTRACTION_SOFT_TIME_LIMIT,
                time_limit=settings.EXTRACTION_SOFT_TIME_LIMIT + 30,
            )
        except Exception as exc:  # kombu raises many types when Redis is unreachable
            logger.warning("could not enqueue a batch of %s extraction runs, they stay pending: %s", len(chunk), exc)
            continue
        waiting = ExtractionRun.objects.filter(pk__in=chunk, status=ExtractionRun.Status.PENDING)
        waiting.update(enqueued_at=timezone.now())
        sent += len(chunk)
    return sent


def finished_announce(runs):
    """extraction_finished after the commit, once for all the runs it finished (webhooks and known
    fact-check matching listen). `runs`: FinishedRun tuples."""
    runs = list(runs)
    if runs:
        transaction.on_commit(lambda: extraction_finished.send(sender=ExtractionRun, runs=runs))


def _failed_announce(run_id):
    run = ExtractionRun.objects.only("article_id", "newsroom_id").get(pk=run_id)
    finished_announce([FinishedRun(run_id, run.article_id, run.newsroom_id, "failed")])


def time_limit_message():
    return (
        f"Extraction was stopped after {settings.EXTRACTION_SOFT_TIME_LIMIT} s, its time limit: the text is too "
        "long or too unusual to analyse. It was not retried; shorten or clean the text and submit it again."
    )


def fetch_time_limit_message():
    return (
        f"Fetching and reading the page was stopped after {settings.EXTRACTION_SOFT_TIME_LIMIT} s, the time "
        "limit. Retry later, or paste the article's text instead."
    )


EXTRACTION_JOB = JobType(
    model=ExtractionRun,
    queue="extraction",
    enqueue=lambda pk: extraction_enqueue(run_id=pk),
    soft_time_limit=lambda: settings.EXTRACTION_SOFT_TIME_LIMIT,
    time_limit_message=time_limit_message,
    on_failed=_failed_announce,
    enqueue_many=lambda pks: extraction_enqueue_batch(run_ids=pks),
)
