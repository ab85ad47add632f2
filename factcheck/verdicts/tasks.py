from celery import shared_task

from factcheck.verdicts import rollup


@shared_task
def rollup_compact_task():
    """Fold the dashboard rollup's delta rows, every bucket of every newsroom (beat may run it every few
    minutes; the dashboard also folds what it reads when more than rollup.COMPACT_AT rows pile up)."""
    rollup.rollup_compact()
