"""What every background Job shares: the task options and the broker hand-off."""

import logging

from django.db import InterfaceError, OperationalError
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


def job_enqueue(*, task, job_model, pk):
    """Hand a Job to the broker and stamp enqueued_at; False (row left PENDING) when the broker is down.

    The sweep of each job type finds PENDING rows that were never sent and sends them again.
    """
    try:
        task.delay(pk)
    except Exception as exc:  # kombu raises many types when Redis is unreachable
        logger.warning("could not enqueue %s %s, it stays pending: %s", job_model.__name__, pk, exc)
        return False
    job_model.objects.filter(pk=pk, status=job_model.Status.PENDING).update(enqueued_at=timezone.now())
    return True
