"""The batch write (claims.results): new statements go in with one COPY on PostgreSQL, the runs are taken
and finished with one statement each for the whole batch; the rows are those an ORM INSERT would leave."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from factcheck.claims import batches, results
from factcheck.claims.models import Claim, ExtractionRun
from factcheck.claims.rollup import claim_tally_rows
from factcheck.extraction import extract
from tests.claims.test_batches import BODIES, _runs

pytestmark = pytest.mark.django_db
Status = ExtractionRun.Status


def test_it_writes_every_column_of_a_new_statement_as_the_model_would(newsroom):
    # given
    runs = _runs(newsroom)
    # when
    batches.extraction_run_batch(run_ids=[r.pk for r in runs])
    # then: the extractor's values, and the model's defaults for the rest
    extraction = extract(BODIES[0])
    stored = {(c.start, c.end): c for c in Claim.objects.filter(article_id=runs[0].article_id)}
    assert len(stored) == len(extraction.statements)
    for st in extraction.statements:
        claim = stored[(st.start, st.end)]
        assert (claim.text, claim.position, claim.types) == (st.text, st.index, " ".join(st.types))
        assert claim.reasons == [[label, weight] for label, weight in st.reasons]
        assert claim.quantities == [extraction.quantities[q].to_dict() for q in st.quantity_ids]
        assert (claim.status, claim.priority, claim.found_by_current_extractor) == ("new", 1, True)
        assert claim.extractor_version == extraction.extractor_version and claim.created_at is not None
    assert any(c.claimant_id for c in stored.values())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the search vector and the rollup are PostgreSQL's")
def test_it_fills_the_search_vector_and_counts_the_statements_in_the_rollup(newsroom):
    runs = _runs(newsroom)
    batches.extraction_run_batch(run_ids=[r.pk for r in runs])
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM claims_claim WHERE newsroom_id = %s AND search_vector IS NULL", [newsroom.pk]
        )
        assert cursor.fetchone() == (0,)
    tallies, _ = claim_tally_rows(newsroom.pk)
    assert [(t["status"], t["n"]) for t in tallies] == [("new", Claim.objects.filter(newsroom=newsroom).count())]


def test_it_finishes_each_run_with_its_own_figures(newsroom):
    runs = _runs(newsroom)
    batches.extraction_run_batch(run_ids=[r.pk for r in runs])
    for run, body in zip(runs, BODIES, strict=True):
        run.refresh_from_db()
        extraction = extract(body)
        assert (run.status, run.attempts, run.message) == (Status.SUCCEEDED, 1, "")
        assert run.statements_found == len(extraction.statements) and run.statements_kept == 0
        assert run.relations == [r.to_dict() for r in extraction.relations]
        assert run.extractor_version == extraction.extractor_version
        assert run.finished_at is not None and run.heartbeat_at == run.finished_at
        assert (run.progress_done, run.progress_total) == (1, 1)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite finishes the runs one UPDATE each")
def test_it_takes_and_finishes_a_batch_in_as_many_queries_for_three_runs_as_for_one(
    newsroom, django_assert_num_queries, monkeypatch
):
    # given: the claimants exist, so both batches do the same work apart from their size
    runs = _runs(newsroom)
    batches.extraction_run_batch(run_ids=[runs[0].pk])
    Claim.objects.all().delete()
    ExtractionRun.objects.update(status=Status.PENDING, attempts=0)
    monkeypatch.setattr(results, "finished_announce", lambda runs: None)
    with CaptureQueriesContext(connection) as two:
        batches.extraction_run_batch(run_ids=[r.pk for r in runs[:2]])
    Claim.objects.all().delete()
    ExtractionRun.objects.update(status=Status.PENDING, attempts=0)
    # when / then
    with django_assert_num_queries(len(two)):
        batches.extraction_run_batch(run_ids=[r.pk for r in runs])


def test_it_stamps_a_batch_taken_before_its_sender_stamped_it_as_sent_when_taken(newsroom):
    # given: runs whose message reached a worker before extraction_enqueue_batch stamped enqueued_at
    runs = _runs(newsroom)
    # when
    batches.extraction_run_batch(run_ids=[r.pk for r in runs])
    # then: the latency figures (finished - enqueued) never meet a run without its enqueue time
    for run in ExtractionRun.objects.filter(pk__in=[r.pk for r in runs]):
        assert run.enqueued_at is not None and run.enqueued_at == run.started_at
