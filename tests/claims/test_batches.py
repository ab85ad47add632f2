"""Extraction runs in batches (claims.batches), in-process against the real database."""

import json
from dataclasses import replace

import pytest
from celery.exceptions import SoftTimeLimitExceeded

from factcheck.claims import batches, results, services
from factcheck.claims.importing import articles_import
from factcheck.claims.models import Article, Claim, ExtractionRun, content_hash
from factcheck.claims.tasks import claims_extract_batch_task
from factcheck.demo.content import AIR_ATTACK, HOSPITAL, RAIL
from factcheck.extraction import extract
from tests.factories import make_evidence

pytestmark = pytest.mark.django_db
Status = ExtractionRun.Status
BODIES = [AIR_ATTACK["body"], RAIL["body"], HOSPITAL["body"]]


def _runs(newsroom, bodies=BODIES):
    runs = []
    for i, body in enumerate(bodies):
        article = Article.objects.create(newsroom=newsroom, title=f"A{i}", body=body, content_hash=content_hash(body))
        runs.append(ExtractionRun.objects.create(newsroom=newsroom, article=article))
    return runs


def _spans(run):
    return sorted(Claim.objects.filter(article_id=run.article_id).values_list("start", "end", "text"))


def _expected(body):
    return sorted((s.start, s.end, s.text) for s in extract(body).statements)


def _state(run):
    return ExtractionRun.objects.values_list("status", "attempts").get(pk=run.pk)


def test_it_writes_every_run_of_a_batch_as_a_single_run_would(newsroom):
    runs = _runs(newsroom)
    written = batches.extraction_run_batch(run_ids=[r.pk for r in runs])
    assert sorted(written) == sorted(r.pk for r in runs)
    for run, body in zip(runs, BODIES, strict=True):
        assert _state(run) == (Status.SUCCEEDED, 1)
        assert _spans(run) == _expected(body)
        run.refresh_from_db()
        assert run.statements_found == len(_expected(body)) and run.duration_ms is not None
    zelensky = Claim.objects.filter(article_id=runs[0].article_id, speaker__contains="Zelensky").first()
    assert zelensky.claimant is not None and zelensky.claimant.newsroom == newsroom


def test_it_writes_the_same_rows_when_the_batch_runs_twice(newsroom):
    runs = _runs(newsroom)
    ids = [r.pk for r in runs]
    batches.extraction_run_batch(run_ids=ids)
    first = sorted(Claim.objects.filter(newsroom=newsroom).values_list("pk", "article_id", "start", "end", "text"))
    assert batches.extraction_run_batch(run_ids=ids) == []  # redelivered: every run already finished
    again = sorted(Claim.objects.filter(newsroom=newsroom).values_list("pk", "article_id", "start", "end", "text"))
    assert again == first
    assert [_state(r) for r in runs] == [(Status.SUCCEEDED, 1)] * 3


def test_it_fails_the_article_the_extractor_fails_on_alone(newsroom):
    runs = _runs(newsroom)

    def broken_on_rail(text, on_progress=None):
        if text == RAIL["body"]:
            raise ValueError("cannot parse this")
        return extract(text)

    written = batches.extraction_run_batch(run_ids=[r.pk for r in runs], extract=broken_on_rail)
    assert sorted(written) == sorted([runs[0].pk, runs[2].pk])
    failed = ExtractionRun.objects.get(pk=runs[1].pk)
    assert failed.status == Status.FAILED
    assert failed.message == "The extractor failed on this text (ValueError: cannot parse this)."
    assert not Claim.objects.filter(article_id=runs[1].article_id).exists()
    assert _spans(runs[0]) == _expected(BODIES[0]) and _spans(runs[2]) == _expected(BODIES[2])


def test_it_does_not_write_a_run_the_sweep_took_back_mid_batch(newsroom):
    runs = _runs(newsroom)

    def reclaimed_during_hospital(text, on_progress=None):
        if text == HOSPITAL["body"]:
            # while the batch works, the sweep takes the first run back and a new attempt takes it
            ExtractionRun.objects.filter(pk=runs[0].pk).update(attempts=2)
        return extract(text)

    written = batches.extraction_run_batch(run_ids=[r.pk for r in runs], extract=reclaimed_during_hospital)
    assert sorted(written) == sorted([runs[1].pk, runs[2].pk])
    assert _state(runs[0]) == (Status.RUNNING, 2)  # left to the attempt that owns it
    assert not Claim.objects.filter(article_id=runs[0].article_id).exists()
    assert _spans(runs[1]) == _expected(BODIES[1]) and _spans(runs[2]) == _expected(BODIES[2])


def test_it_sends_the_runs_it_did_not_reach_again_one_by_one_at_its_time_limit(newsroom, monkeypatch):
    runs = _runs(newsroom)
    sent = []
    monkeypatch.setattr(batches, "extraction_enqueue", lambda *, run_id: sent.append(run_id))

    def limit_reached_on_rail(text, on_progress=None):
        if text == RAIL["body"]:
            raise SoftTimeLimitExceeded()
        return extract(text)

    written = batches.extraction_run_batch(run_ids=[r.pk for r in runs], extract=limit_reached_on_rail)
    assert written == [runs[0].pk]
    assert _spans(runs[0]) == _expected(BODIES[0])
    assert sent == [runs[1].pk, runs[2].pk]
    assert [_state(r)[0] for r in runs[1:]] == [Status.PENDING, Status.PENDING]
    # the single-run task then gives each its own time limit
    for run in runs[1:]:
        services.extraction_run(run_id=run.pk)
    assert [_state(r) for r in runs[1:]] == [(Status.SUCCEEDED, 2)] * 2


def test_it_sends_a_run_whose_article_is_a_link_on_its_own(newsroom, monkeypatch):
    runs = _runs(newsroom, BODIES[:1])
    link = Article.objects.create(newsroom=newsroom, title="L", body="", url="https://example.org/a",
                                  content_hash="x" * 64)  # fmt: skip
    link_run = ExtractionRun.objects.create(newsroom=newsroom, article=link)
    sent = []
    monkeypatch.setattr(batches, "extraction_enqueue", lambda *, run_id: sent.append(run_id))
    written = batches.extraction_run_batch(run_ids=[runs[0].pk, link_run.pk])
    assert written == [runs[0].pk] and sent == [link_run.pk]
    assert _state(link_run) == (Status.PENDING, 0)  # the single-run task takes it


def test_it_keeps_touched_statements_when_a_batch_re_extracts(newsroom, checker):
    runs = _runs(newsroom)
    batches.extraction_run_batch(run_ids=[r.pk for r in runs])
    claims = list(Claim.objects.filter(article_id=runs[0].article_id).order_by("start"))
    checked, untouched = claims[1], claims[2]
    make_evidence(checked, checker)

    def first_only(text, on_progress=None):
        found = extract(text)
        return replace(found, statements=found.statements[:1])

    reruns = [services.extraction_request(article=r.article, user=checker) for r in runs]
    batches.extraction_run_batch(run_ids=[r.pk for r in reruns], extract=first_only)
    assert [_state(r)[0] for r in reruns] == [Status.SUCCEEDED] * 3
    remaining = Claim.objects.filter(article_id=runs[0].article_id)
    assert remaining.filter(pk=checked.pk, found_by_current_extractor=False).exists()
    assert not remaining.filter(pk=untouched.pk).exists()
    assert ExtractionRun.objects.get(pk=reruns[0].pk).statements_kept == 1


def test_it_writes_one_article_in_a_few_round_trips(newsroom, django_assert_num_queries):
    (run,) = _runs(newsroom, BODIES[:1])
    ExtractionRun.objects.filter(pk=run.pk).update(status=Status.RUNNING, attempts=1)
    run.refresh_from_db()
    extraction = extract(BODIES[0])
    # SET LOCAL, lock, read, finish, claimants (read + create + read), insert (ids, COPY, the word keys' COPY
    # and the database's keys of non-ASCII texts: claims 0013), and the test's savepoint pair (BEGIN and COMMIT
    # outside a test)
    with django_assert_num_queries(13):
        assert results.results_write(run=run, extraction=extraction, duration_ms=1) == run.pk


def test_it_sends_an_import_in_batches_of_the_configured_size(
    newsroom, checker, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.EXTRACTION_BATCH_SIZE = 2
    sent = []
    monkeypatch.setattr(claims_extract_batch_task, "apply_async", lambda args, **kw: sent.append(args[0]))
    lines = [json.dumps({"title": f"T{i}", "text": body}) for i, body in enumerate(BODIES)]
    with django_capture_on_commit_callbacks(execute=True):
        report = articles_import(newsroom=newsroom, user=checker, lines=lines)
    assert report.imported == 3
    runs = list(ExtractionRun.objects.filter(newsroom=newsroom).order_by("pk").values_list("pk", flat=True))
    assert sent == [runs[:2], runs[2:]]
    assert not ExtractionRun.objects.filter(newsroom=newsroom, enqueued_at__isnull=True).exists()


def test_it_retries_the_failed_runs_in_batches(
    newsroom, checker, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.EXTRACTION_BATCH_SIZE = 2
    runs = _runs(newsroom)
    ExtractionRun.objects.filter(pk__in=[r.pk for r in runs]).update(status=Status.FAILED, message="boom")
    sent = []
    monkeypatch.setattr(claims_extract_batch_task, "apply_async", lambda args, **kw: sent.append(args[0]))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.extraction_retry_failed(newsroom=newsroom) == 3
    retried = list(ExtractionRun.objects.filter(status=Status.PENDING).order_by("pk").values_list("pk", flat=True))
    assert sorted(pk for batch in sent for pk in batch) == retried and [len(b) for b in sent] == [2, 1]


def test_it_records_history_for_the_statements_a_re_extract_updates_as_save_did(newsroom, checker):
    (run,) = _runs(newsroom, BODIES[:1])
    batches.extraction_run_batch(run_ids=[run.pk])
    claims = Claim.objects.filter(article_id=run.article_id)
    assert Claim.history.filter(id__in=claims.values("pk")).count() == 0  # created in bulk: no history, as before
    rerun = services.extraction_request(article=run.article, user=checker)
    services.extraction_run(run_id=rerun.pk)
    assert Claim.history.filter(id__in=claims.values("pk"), history_type="~").count() == claims.count()


def test_a_batch_announces_its_finished_runs_once_after_its_commit(
    newsroom, django_capture_on_commit_callbacks, monkeypatch
):
    from factcheck.api.models import Webhook
    from factcheck.core.signals import FinishedRun, extraction_finished
    from factcheck.factchecks import tasks as factcheck_tasks

    heard, matched = [], []
    extraction_finished.connect(lambda sender, runs, **kw: heard.append(runs), weak=False, dispatch_uid="t-batch")
    monkeypatch.setattr(factcheck_tasks.factchecks_match_articles_task, "delay", lambda ids: matched.append(ids))
    Webhook.objects.create(
        newsroom=newsroom, url="https://hooks.example.org/in", secret="s", events=["verdict.published"], active=True
    )
    runs = _runs(newsroom)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            batches.extraction_run_batch(run_ids=[r.pk for r in runs])
    finally:
        extraction_finished.disconnect(dispatch_uid="t-batch")
    # one announcement for the batch, carrying every run it finished
    assert heard == [[FinishedRun(r.pk, r.article_id, newsroom.pk, "succeeded") for r in runs]]
    # known fact-check matching: one task for the three articles, not three
    assert matched == [sorted(r.article_id for r in runs)]
    # the webhook wants another event: nothing is recorded
    assert not Webhook.objects.get().deliveries.exists()
