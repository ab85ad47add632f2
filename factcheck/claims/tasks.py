"""Thin Celery tasks: primary keys in, one service call."""

from celery import shared_task

from factcheck.claims import batches, services
from factcheck.core.jobs import JOB_TASK_OPTIONS


@shared_task(**JOB_TASK_OPTIONS)
def claims_extract_task(run_id):
    services.extraction_run(run_id=run_id)


@shared_task(**JOB_TASK_OPTIONS)
def claims_extract_batch_task(run_ids):
    """A list of run pks (claims.jobs.extraction_enqueue_batch); time limits are sent with each batch."""
    batches.extraction_run_batch(run_ids=run_ids)


@shared_task
def claims_sweep_task():
    return services.extraction_sweep()
