"""Webhooks: real events → signed POSTs to a real local HTTP server, retries, the SSRF guard."""

import hashlib
import hmac
import json
import queue
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from factcheck.api import services
from factcheck.api.models import Webhook, WebhookDelivery
from factcheck.api.tasks import api_webhook_deliver_task
from factcheck.claims import services as claims_services
from factcheck.claims.models import ExtractionRun
from factcheck.extraction.types import Extraction, Statement
from factcheck.newsrooms.models import Membership
from factcheck.verdicts.models import Verdict
from factcheck.verdicts.services import verdict_approve
from tests.factories import make_article, make_claim, make_evidence, make_verdict


class Receiver:
    """A webhook receiver on 127.0.0.1: checks each signature as a customer would, answers `statuses`."""

    def __init__(self):
        self.received = queue.Queue()
        self.statuses = []
        self.secret = None
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                stamp = self.headers["X-Factcheck-Timestamp"]
                expected = hmac.new(receiver.secret.encode(), f"{stamp}.".encode() + body, hashlib.sha256).hexdigest()
                valid = hmac.compare_digest(self.headers["X-Factcheck-Signature"], f"sha256={expected}")
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.end_headers()
                receiver.received.put({"valid": valid, "body": json.loads(body), "headers": dict(self.headers)})

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/factcheck"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def next(self, timeout=10):
        return self.received.get(timeout=timeout)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


@pytest.fixture
def allow_loopback(settings):
    settings.FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]


@pytest.fixture
def hook(newsroom, receiver, admin_member):
    created = services.webhook_create(
        newsroom=newsroom,
        user=admin_member,
        url=receiver.url,
        events=[Webhook.Event.VERDICT_PUBLISHED, Webhook.Event.EXTRACTION_FINISHED],
    )
    receiver.secret = created.secret
    return created.webhook


def _publish(newsroom, editor, colleague):
    claim = make_claim(make_article(newsroom, url="https://news.example.org/ferry"))
    make_evidence(claim, editor)
    verdict = make_verdict(claim, editor, status=Verdict.Status.IN_REVIEW, conclusion="Checked.")
    member = Membership.objects.get(user=colleague, newsroom=newsroom)
    return verdict_approve(member=member, verdict=verdict)


def test_it_delivers_a_signed_verdict_published_event(
    newsroom, editor, colleague, hook, receiver, allow_loopback, django_capture_on_commit_callbacks
):
    # when: an editor approves a verdict (the signal is sent after commit; the task runs in-process)
    with django_capture_on_commit_callbacks(execute=True):
        verdict = _publish(newsroom, editor, colleague)
    # then
    got = receiver.next()
    assert got["valid"], "signature must verify with the webhook's secret"
    assert got["headers"]["X-Factcheck-Event"] == "verdict.published"
    data = got["body"]["data"]
    assert got["body"]["event"] == "verdict.published"
    assert data["id"] == verdict.pk
    assert data["claimreview"]["@type"] == "ClaimReview"
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("succeeded", 1, 200)
    assert got["headers"]["X-Factcheck-Delivery"] == str(delivery.pk)


def test_it_delivers_extraction_finished(newsroom, hook, receiver, allow_loopback, django_capture_on_commit_callbacks):
    # given
    article = make_article(newsroom)
    run = ExtractionRun.objects.create(newsroom=newsroom, article=article)
    found = Extraction("t", statements=[Statement(index=0, start=0, end=10, text=article.body[:10])])
    # when
    with django_capture_on_commit_callbacks(execute=True):
        claims_services.extraction_run(run_id=run.pk, extract=lambda text, on_progress=None: found)
    # then
    got = receiver.next()
    assert got["valid"]
    assert got["body"]["event"] == "extraction.finished"
    assert got["body"]["data"]["run"]["status"] == "succeeded"
    assert got["body"]["data"]["article"]["id"] == article.pk


def test_it_records_one_delivery_per_event_and_webhook(newsroom, hook):
    for _ in range(2):
        services.webhook_event_record(
            newsroom_id=newsroom.pk, event="verdict.published", event_id="verdict-1", data={"id": 1}
        )
    assert WebhookDelivery.objects.count() == 1


def test_it_sends_only_the_events_a_webhook_asked_for(newsroom, hook, other_newsroom):
    Webhook.objects.filter(pk=hook.pk).update(events=["verdict.published"])
    assert (
        services.webhook_event_record(newsroom_id=newsroom.pk, event="extraction.finished", event_id="r", data={}) == []
    )
    assert (
        services.webhook_event_record(newsroom_id=other_newsroom.pk, event="verdict.published", event_id="v", data={})
        == []
    )


def test_it_refuses_a_loopback_url_without_the_allow_list(newsroom, hook, receiver, settings):
    # given: FETCH_ALLOWED_NETWORKS unset
    settings.FETCH_ALLOWED_NETWORKS = []
    (delivery,) = services.webhook_event_record(
        newsroom_id=newsroom.pk, event="verdict.published", event_id="v", data={}
    )
    # when
    services.webhook_deliver(delivery_id=delivery.pk)
    # then
    delivery.refresh_from_db()
    assert delivery.status == "failed"
    assert "not a public address" in delivery.error
    assert receiver.received.empty()


def test_it_retries_a_5xx_with_backoff_then_succeeds(newsroom, hook, receiver, allow_loopback, settings):
    # given
    settings.WEBHOOK_RETRY_BASE_SECONDS = 30
    receiver.statuses = [503, 500]
    (delivery,) = services.webhook_event_record(
        newsroom_id=newsroom.pk, event="verdict.published", event_id="v", data={}
    )
    # when / then: two transient failures, each retried later than the one before
    delays = []
    for _ in range(2):
        with pytest.raises(services.DeliveryRetry) as retry:
            services.webhook_deliver(delivery_id=delivery.pk)
        delays.append(retry.value.countdown)
        assert receiver.next()["valid"]
    assert delays == [30, 60]
    services.webhook_deliver(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("succeeded", 3, 200)


def test_it_gives_up_after_the_last_attempt(newsroom, hook, receiver, allow_loopback, settings):
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    receiver.statuses = [500, 500]
    (delivery,) = services.webhook_event_record(
        newsroom_id=newsroom.pk, event="verdict.published", event_id="v", data={}
    )
    with pytest.raises(services.DeliveryRetry):
        services.webhook_deliver(delivery_id=delivery.pk)
    services.webhook_deliver(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_code) == ("failed", 2, 500)
    assert services.webhook_deliver(delivery_id=delivery.pk) is None  # finished: nothing more is sent


def test_it_does_not_retry_a_4xx(newsroom, hook, receiver, allow_loopback):
    receiver.statuses = [410]
    (delivery,) = services.webhook_event_record(
        newsroom_id=newsroom.pk, event="verdict.published", event_id="v", data={}
    )
    services.webhook_deliver(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_code) == ("failed", 410)


def test_it_retries_a_refused_connection(newsroom, hook, receiver, allow_loopback):
    receiver.close()  # nothing listens any more
    (delivery,) = services.webhook_event_record(
        newsroom_id=newsroom.pk, event="verdict.published", event_id="v", data={}
    )
    with pytest.raises(services.DeliveryRetry):
        services.webhook_deliver(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == "pending" and "ConnectionRefusedError" in delivery.error


def test_the_task_hands_a_transient_failure_to_celery_retry(
    newsroom, hook, receiver, allow_loopback, monkeypatch, settings
):
    # given: a worker-run task (not eager) whose receiver answers 500
    receiver.statuses = [500]
    (delivery,) = services.webhook_event_record(
        newsroom_id=newsroom.pk, event="verdict.published", event_id="v", data={}
    )
    asked = {}

    class Retry(Exception):
        pass

    def fake_retry(countdown, max_retries):
        asked.update(countdown=countdown, max_retries=max_retries)
        return Retry()

    monkeypatch.setattr(api_webhook_deliver_task, "retry", fake_retry)
    # when
    with pytest.raises(Retry):
        api_webhook_deliver_task(delivery.pk)
    # then
    assert asked == {"countdown": settings.WEBHOOK_RETRY_BASE_SECONDS, "max_retries": settings.WEBHOOK_MAX_ATTEMPTS}


def test_the_signature_helper_matches_the_readme_check():
    body = b'{"event":"verdict.published"}'
    signature = services.webhook_signature("whsec_test", 1700000000, body)
    expected = hmac.new(b"whsec_test", b"1700000000." + body, hashlib.sha256).hexdigest()
    assert signature == expected


def test_it_builds_no_payload_when_no_webhook_wants_the_event(newsroom):
    def build():
        raise AssertionError("the payload was built for nobody")

    assert (
        services.webhook_event_record(newsroom_id=newsroom.pk, event="verdict.published", event_id="v", data=build)
        == []
    )


def test_the_sweep_sends_again_only_deliveries_whose_message_was_lost(newsroom, hook, monkeypatch):
    # given: one never sent an hour ago, one waiting for its 60 s back-off, one just recorded
    from django.utils import timezone

    now = timezone.now()
    lost, waiting, fresh = (
        services.webhook_event_record(newsroom_id=newsroom.pk, event="verdict.published", event_id=e, data={})[0]
        for e in ("a", "b", "c")
    )
    WebhookDelivery.objects.filter(pk=lost.pk).update(updated_at=now - timezone.timedelta(hours=1))
    WebhookDelivery.objects.filter(pk=waiting.pk).update(
        attempts=2, updated_at=now - timezone.timedelta(minutes=5, seconds=30)
    )
    sent = []
    monkeypatch.setattr(
        services, "webhook_delivery_enqueue", lambda *, delivery_id, countdown=None: sent.append(delivery_id) or True
    )
    # when
    assert services.webhook_sweep(now=now) == 1
    # then
    assert sent == [lost.pk]


def test_a_batch_of_finished_runs_reads_the_newsrooms_webhooks_once(newsroom, hook, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from factcheck.api import receivers, tasks
    from factcheck.core.signals import FinishedRun

    monkeypatch.setattr(tasks.api_webhook_deliver_task, "delay", lambda *a, **k: None)
    runs = []
    for i in range(3):
        article = make_article(newsroom, body=f"The port handled 12 ships in week {i}.")
        run = ExtractionRun.objects.create(newsroom=newsroom, article=article, status="succeeded")
        runs.append(FinishedRun(run.pk, article.pk, newsroom.pk, "succeeded"))
    with CaptureQueriesContext(connection) as queries:
        receivers.on_extraction_finished(sender=ExtractionRun, runs=runs)
    hook_reads = [q for q in queries.captured_queries if 'FROM "api_webhook"' in q["sql"]]
    assert len(hook_reads) == 1
    assert sorted(WebhookDelivery.objects.values_list("event_id", flat=True)) == sorted(f"run-{r.run_id}" for r in runs)
