"""Thin Celery tasks: primary keys in, one service call."""

from celery import shared_task

from django.conf import settings

from factcheck.api import services
from factcheck.core.jobs import JOB_TASK_OPTIONS


@shared_task(bind=True, **JOB_TASK_OPTIONS)
def api_webhook_deliver_task(self, delivery_id):
    """Send one webhook delivery; a transient failure comes back after an exponential back-off.

    Bounded: the service marks the delivery FAILED at WEBHOOK_MAX_ATTEMPTS. Run in-process (no
    broker), a delivery is tried once and never waits for a retry inside a web request.
    """
    eager = bool(getattr(self.request, "is_eager", False))
    try:
        services.webhook_deliver(delivery_id=delivery_id, retry_allowed=not eager)
    except services.DeliveryRetry as exc:
        raise self.retry(countdown=exc.countdown, max_retries=settings.WEBHOOK_MAX_ATTEMPTS) from None


@shared_task
def api_webhook_sweep_task():
    return services.webhook_sweep()
