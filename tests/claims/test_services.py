"""The extraction pipeline's services against the real database (tasks run in-process here)."""

from dataclasses import replace

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from factcheck.claims import results, services
from factcheck.claims.models import Article, Claim, ExtractionRun
from factcheck.demo.content import AIR_ATTACK, HOSPITAL
from factcheck.extraction import extract
from factcheck.extraction.types import Relation
from factcheck.verdicts.models import Evidence, Verdict
from tests.factories import make_evidence, make_verdict

Status = ExtractionRun.Status
HOSPITAL_BODY = HOSPITAL["body"]


def submit(newsroom, user, body=AIR_ATTACK["body"], **extra):
    return services.article_submit(newsroom=newsroom, user=user, title=extra.pop("title", "T"), body=body, **extra)


def test_it_saves_the_article_and_a_pending_run_and_enqueues_after_commit(
    newsroom, checker, django_capture_on_commit_callbacks, monkeypatch
):
    enqueued = []
    monkeypatch.setattr(services, "extraction_enqueue", lambda *, run_id: enqueued.append(run_id))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        result = submit(newsroom, checker)
    assert result.created
    assert result.run.status == Status.PENDING
    assert enqueued == []  # nothing leaves before the transaction commits
    assert len(callbacks) == 1
    callbacks[0]()
    assert enqueued == [result.run.pk]


def test_it_extracts_in_process_when_no_broker_is_configured(newsroom, checker, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        result = submit(newsroom, checker)
    run = ExtractionRun.objects.get(pk=result.run.pk)
    assert run.status == Status.SUCCEEDED
    expected = extract(AIR_ATTACK["body"]).to_dict()
    stored = list(result.article.claims.order_by("start").values_list("start", "end", "text"))
    assert stored == [(s["start"], s["end"], s["text"]) for s in expected["statements"]]
    assert run.statements_found == len(expected["statements"])
    assert run.extractor_version == expected["extractor_version"]
    assert run.relations == expected["relations"]
    assert run.duration_ms is not None
    assert run.progress_done == run.progress_total > 0


def test_it_finds_the_same_text_instead_of_duplicating(newsroom, checker):
    first = submit(newsroom, checker)
    again = submit(newsroom, checker, body="  " + AIR_ATTACK["body"].replace("\n\n", "\r\n\r\n") + "\n")
    assert again.created is False
    assert again.article.pk == first.article.pk
    assert Article.objects.count() == 1
    assert ExtractionRun.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("abc\x00def", "binary"),
        ("1234 5678 90", "no letters"),
        ("x" * 200_001, "limit"),
        ("a" + "." * 199_999, "punctuation"),
        ("?!" * 5_000 + " words here", "punctuation"),
        ("🙂" * 300 + " one two three", "punctuation"),
        ("a" * 150_000, "no sentence"),
        ("Hello world.", "no sentence"),
        ("abc \ud800 def ghi jkl", "lone surrogate"),
    ],
)
def test_it_refuses_what_is_not_an_article_with_a_clear_message(newsroom, checker, body, message):
    with pytest.raises(ValidationError) as caught:
        submit(newsroom, checker, body=body)
    assert message in " ".join(caught.value.message_dict["body"])
    assert not Article.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        "The council spent £3m on roads, the mayor said.",
        "東京都は今日、新しい予算を発表した。",
        "Прибыль компании выросла на 12% в 2024 году.",
        "| Year | Sales |\n| 2023 | £75m |\n| 2024 | £84m |\nSales rose to £84m.",
    ],
)
def test_it_accepts_short_prose_in_any_script(newsroom, checker, body):
    assert submit(newsroom, checker, body=body).created


def _run(newsroom, user, body=AIR_ATTACK["body"]):
    result = submit(newsroom, user, body=body)
    return result.article, result.run


def test_it_is_idempotent_when_the_task_runs_twice(newsroom, checker):
    article, run = _run(newsroom, checker)
    services.extraction_run(run_id=run.pk)
    first = list(article.claims.values_list("pk", "start", "end"))
    assert services.extraction_run(run_id=run.pk) is None  # already finished: returns early
    assert list(article.claims.values_list("pk", "start", "end")) == first


def test_it_converges_when_a_redelivered_run_is_forced_through_again(newsroom, checker):
    article, run = _run(newsroom, checker)
    services.extraction_run(run_id=run.pk)
    count = article.claims.count()
    # a second run of the same article (e.g. re-extract) upserts on the span key
    rerun = services.extraction_request(article=article, user=checker)
    services.extraction_run(run_id=rerun.pk)
    assert article.claims.count() == count
    assert Claim.objects.filter(article=article).values("start", "end").distinct().count() == count


def test_it_marks_the_run_failed_with_a_readable_message_and_keeps_the_article(newsroom, checker):
    article, run = _run(newsroom, checker)

    def broken(text, on_progress=None):
        raise ValueError("tokeniser exploded")

    services.extraction_run(run_id=run.pk, extract=broken)
    run.refresh_from_db()
    assert run.status == Status.FAILED
    assert "ValueError: tokeniser exploded" in run.message
    assert "Traceback" not in run.message
    assert Article.objects.filter(pk=article.pk).exists()
    retry = services.extraction_request(article=article, user=checker)
    services.extraction_run(run_id=retry.pk)
    retry.refresh_from_db()
    assert retry.status == Status.SUCCEEDED
    assert article.claims.exists()


def test_it_fails_a_run_that_reaches_its_time_limit_without_retrying(newsroom, checker, settings):
    from celery.exceptions import SoftTimeLimitExceeded

    settings.EXTRACTION_SOFT_TIME_LIMIT = 120
    article, run = _run(newsroom, checker)

    def endless(text, on_progress=None):
        on_progress(1, 10)
        raise SoftTimeLimitExceeded()  # what Celery raises inside the task at the soft limit

    assert services.extraction_run(run_id=run.pk, extract=endless) is None
    run.refresh_from_db()
    assert run.status == Status.FAILED and run.attempts == 1
    assert "stopped after 120 s" in run.message and "not retried" in run.message
    assert not article.claims.exists()
    assert services.extraction_sweep(now=timezone.now() + timezone.timedelta(hours=1)) == {
        "requeued": 0, "reclaimed": 0, "failed": 0,
    }  # fmt: skip


def test_it_refuses_a_second_run_while_one_is_active(newsroom, checker):
    article, run = _run(newsroom, checker)
    with pytest.raises(services.ExtractionAlreadyActive) as caught:
        services.extraction_request(article=article, user=checker)
    assert caught.value.run.pk == run.pk
    assert article.runs.count() == 1


def test_it_keeps_checked_statements_on_re_extract_and_removes_untouched_ones(newsroom, checker, editor):
    article, run = _run(newsroom, checker)
    services.extraction_run(run_id=run.pk)
    claims = list(article.claims.order_by("start"))
    with_evidence, with_verdict, assigned, untouched = claims[0], claims[1], claims[2], claims[3]
    evidence = make_evidence(with_evidence, checker, quote="the air force's own tally")
    verdict = make_verdict(with_verdict, editor, conclusion="Checked.")
    assigned.assignee = checker
    assigned.save(update_fields=["assignee"])

    def fewer(text, on_progress=None):  # a "newer extractor" that finds only the first statement
        found = extract(text)
        return replace(found, statements=found.statements[:1], extractor_version="test-next")

    rerun = services.extraction_request(article=article, user=editor)
    services.extraction_run(run_id=rerun.pk, extract=fewer)
    rerun.refresh_from_db()
    assert rerun.status == Status.SUCCEEDED
    assert rerun.statements_kept == 2
    remaining = {c.pk: c for c in article.claims.all()}
    assert with_evidence.pk in remaining and remaining[with_evidence.pk].found_by_current_extractor
    assert with_verdict.pk in remaining and not remaining[with_verdict.pk].found_by_current_extractor
    assert assigned.pk in remaining and not remaining[assigned.pk].found_by_current_extractor
    assert untouched.pk not in remaining
    assert Evidence.objects.filter(pk=evidence.pk, claim=with_evidence).exists()
    assert Verdict.objects.filter(pk=verdict.pk, claim=with_verdict).exists()


def test_it_re_anchors_a_checked_statement_to_its_new_span(newsroom, checker):
    article, run = _run(newsroom, checker)
    services.extraction_run(run_id=run.pk)
    claim = article.claims.order_by("start")[3]
    make_evidence(claim, checker)

    def shifted(text, on_progress=None):  # the new extractor trims the statement by one character
        found = extract(text)
        for st in found.statements:
            if st.start == claim.start:
                st.end -= 1
                st.text = text[st.start : st.end]
        return found

    rerun = services.extraction_request(article=article, user=checker)
    services.extraction_run(run_id=rerun.pk, extract=shifted)
    claim.refresh_from_db()
    assert claim.end == claim.start + len(claim.text)
    assert article.body[claim.start : claim.end] == claim.text
    assert claim.found_by_current_extractor
    assert claim.evidence.count() == 1


def test_it_stores_speakers_as_claimants_and_flags_failed_checks(newsroom, checker):
    body = AIR_ATTACK["body"].replace("nine missiles", "twelve missiles")
    article, run = _run(newsroom, checker, body=body)
    services.extraction_run(run_id=run.pk)
    speakers = set(article.claims.exclude(speaker="").values_list("speaker", flat=True))
    assert any("Zelensky" in s for s in speakers)
    assert any("Trump" in s for s in speakers)
    zelensky = article.claims.filter(speaker__contains="Zelensky").first()
    assert zelensky.claimant is not None and zelensky.claimant.newsroom == newsroom
    failed = article.claims.filter(has_failed_check=True)
    assert failed.exists()
    assert any("twelve" in c.text for c in failed)
    assert zelensky.claimant.kind == zelensky.claimant.Kind.PERSON


def test_an_organisation_cited_is_filed_as_an_organisation_without_a_leading_the(newsroom, checker):
    # browser review 2026-12-05: "according to the Office for National Statistics" was published as a Person
    # named "the Office for National Statistics"
    body = (
        "Jobless rate falls\n\nUnemployment in the region fell to 4.2 per cent in the spring, according to "
        "the Office for National Statistics. The mayor, Ann Ferris, said the figure was the lowest in a decade."
    )
    article, run = _run(newsroom, checker, body=body)
    services.extraction_run(run_id=run.pk)
    ons = article.claims.get(text__contains="4.2 per cent")
    assert ons.speaker == "the Office for National Statistics"  # the words as written stay on the statement
    assert ons.claimant.name == "Office for National Statistics"
    assert ons.claimant.kind == ons.claimant.Kind.ORGANIZATION
    mayor = article.claims.get(text__contains="lowest in a decade")
    assert mayor.claimant is not None and mayor.claimant.kind == mayor.claimant.Kind.PERSON


# --- the sweep ---------------------------------------------------------------------------------


def test_it_discards_the_results_of_an_attempt_the_sweep_took_back(newsroom, checker):
    article, run = _run(newsroom, checker)

    def slow_then_reclaimed(text, on_progress=None):
        # while this attempt "runs", the sweep takes the run back and a new attempt starts
        ExtractionRun.objects.filter(pk=run.pk).update(attempts=5)
        return extract(text)

    assert services.extraction_run(run_id=run.pk, extract=slow_then_reclaimed) is None
    assert not article.claims.exists()


def test_it_keeps_the_run_pending_when_the_broker_is_down(newsroom, checker, celery_broker, settings):
    from factcheck.celery import app

    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    from tests.conftest import _reset_producer_pools

    _reset_producer_pools(app)
    article, run = _run(newsroom, checker)
    assert services.extraction_enqueue(run_id=run.pk) is False
    run.refresh_from_db()
    assert run.status == Status.PENDING and run.enqueued_at is None
    assert Article.objects.filter(pk=article.pk).exists()


def test_it_retries_every_article_whose_latest_run_failed(newsroom, checker):
    from django.core.management import call_command

    failed, run = _run(newsroom, checker)
    ExtractionRun.objects.filter(pk=run.pk).update(status=Status.FAILED, message="boom")
    fine, run2 = _run(newsroom, checker, body=HOSPITAL_BODY)
    ExtractionRun.objects.filter(pk=run2.pk).update(status=Status.SUCCEEDED)
    call_command("retry_failed_runs", newsroom=newsroom.slug, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert failed.runs.count() == 2 and failed.runs.first().status != Status.FAILED
    assert fine.runs.count() == 1


def test_it_maps_relations_to_the_statements_they_name():
    relations = [
        Relation("sum", [0, 2], 1, True, "0 + 2 = 1", statement_ids=[1, 7]),
        Relation("record", [3], None, None, "needs the previous record", statement_ids=[1]),
    ]
    by_statement = results._statement_relations(relations)
    assert [r["kind"] for r in by_statement[7]] == ["sum"]
    assert [r["kind"] for r in by_statement[1]] == ["sum", "record"]
    assert by_statement[7][0] == relations[0].to_dict()  # stored on the Claim as the engine's JSON
