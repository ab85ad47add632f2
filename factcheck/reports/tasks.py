"""Thin Celery tasks: primary keys in, one service call. Routed to the `reports` queue."""

from celery import shared_task

from factcheck.core.jobs import JOB_TASK_OPTIONS
from factcheck.reports import services


@shared_task(**JOB_TASK_OPTIONS)
def reports_export_task(export_id):
    services.report_export_run(export_id=export_id)


@shared_task
def reports_prune_task():
    return services.report_prune()


@shared_task
def reports_sweep_task():
    return services.report_export_sweep()
