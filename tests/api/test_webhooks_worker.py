"""Webhook retries through a real Redis broker and a real `celery worker` process."""

import pytest

from factcheck.api import services
from factcheck.api.models import WebhookDelivery
from tests.api.test_webhooks import Receiver
from tests.conftest import wait_until

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_it_retries_a_failed_delivery_in_the_worker_with_backoff(newsroom, admin_member, worker_processes):
    # given a receiver that fails the first attempt, and a worker allowed to reach 127.0.0.1
    receiver = Receiver()
    try:
        receiver.statuses = [503]
        created = services.webhook_create(
            newsroom=newsroom, user=admin_member, url=receiver.url, events=["verdict.published"]
        )
        receiver.secret = created.secret
        worker_processes.start(
            concurrency=1,
            extra_env={"FACTCHECK_FETCH_ALLOWED_NETWORKS": "127.0.0.1/32", "WEBHOOK_RETRY_BASE_SECONDS": "1"},
        )
        # when an event is recorded (the task is sent to Redis after commit)
        (delivery,) = services.webhook_event_record(
            newsroom_id=newsroom.pk, event="verdict.published", event_id="verdict-42", data={"id": 42}
        )
        # then the worker posts, is refused with a 503, and Celery brings the task back after the back-off
        first, second = receiver.next(timeout=30), receiver.next(timeout=30)
        assert first["valid"] and second["valid"]
        assert first["body"] == second["body"] and first["body"]["data"] == {"id": 42}
        row = wait_until(
            lambda: WebhookDelivery.objects.filter(pk=delivery.pk, status="succeeded").first(),
            timeout=30,
            message="delivery succeeded",
        )
        assert (row.attempts, row.response_code, row.error) == (2, 200, "")
    finally:
        receiver.close()
