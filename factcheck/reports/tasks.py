"""Thin Celery tasks: primary keys in, one service call. Routed to the `reports` queue."""

from celery import shared_task

from django.db import InterfaceError, OperationalError

from factcheck.reports import services


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError, InterfaceError),
    retry_backoff=2,
    retry_backoff_max=60,
    max_retries=5,
)
def reports_export_task(export_id):
    services.report_export_run(export_id=export_id)


@shared_task
def reports_prune_task():
    return services.report_prune()
