"""Thin Celery tasks: primary keys in, one service call."""

from celery import shared_task

from django.db import InterfaceError, OperationalError

from factcheck.claims import services


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=2,
    retry_backoff_max=60,
    max_retries=5,
)
def claims_extract_task(run_id):
    services.extraction_run(run_id=run_id)


@shared_task
def claims_sweep_task():
    return services.extraction_sweep()
