"""The dashboard's rollup (PostgreSQL triggers writing delta rows) equals the live scans it replaces.

The main test drives a random mix of every way statements and verdicts change, through the real write
paths (extraction's results_write, the workflow's conditional UPDATEs, the verdict services, ORM
cascades, `queryset.update()`), then compares the rollup with `dashboard.live_counts` for both
newsrooms, again after compaction and after a rebuild from scratch.
"""

import datetime
import random
import statistics
import threading

import pytest

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.utils import timezone

from factcheck.claims import rollup as claim_rollup
from factcheck.claims import services
from factcheck.claims.models import Article, Claim, ExtractionRun
from factcheck.claims.rollup import ClaimFoundTally, ClaimTally
from factcheck.claims.workflow import claim_assign, claim_status_set, claims_bulk_update
from factcheck.extraction.types import Extraction, Statement
from factcheck.newsrooms.models import Membership
from factcheck.verdicts import dashboard, rollup
from factcheck.verdicts.models import RatingScale, Verdict
from factcheck.verdicts.rollup import VerdictTally
from factcheck.verdicts.services import (
    evidence_attach,
    verdict_approve,
    verdict_correct,
    verdict_save_draft,
    verdict_submit,
)
from factcheck.verdicts.tasks import rollup_compact_task
from tests.conftest import _member
from tests.factories import make_article, make_claim, make_verdict

pytestmark = pytest.mark.skipif(
    not claim_rollup.available(), reason="the rollup is kept by PostgreSQL triggers (SQLite counts live)"
)

SENTENCES = [
    "The port handled {n} ships in 2024, up from 310 the year before.",
    "Unemployment fell to {n} per cent in the third quarter, the office said.",
    "The new terminal cost £{n}m, twice the original estimate.",
    "Of the {n} new jobs, 80 are permanent and 40 are seasonal.",
    "Hospital waiting lists grew by {n} patients since March.",
    "The council says it planted {n} trees along the river.",
]
Status = Claim.Status


def member(user, newsroom):
    return Membership.objects.get(user=user, newsroom=newsroom)


def fake_extractor(rng):
    """An extractor that finds a random subset of an article's sentences, sometimes one character short
    (so a re-extraction deletes untouched statements, keeps touched ones and re-anchors some)."""

    def extract(text, on_progress=None):
        spans, start = [], 0
        for sentence in text.split(" | "):
            spans.append((start, start + len(sentence)))
            start += len(sentence) + 3
        chosen = [s for s in spans if rng.random() < 0.7] or spans[:1]
        statements = []
        for index, (start, end) in enumerate(chosen):
            end -= 1 if rng.random() < 0.3 else 0
            score = round(rng.random(), 3)
            statements.append(
                Statement(index=index, start=start, end=end, text=text[start:end], types=["numeric"],
                          checkworthiness=score, checkworthy=score > 0.5)
            )  # fmt: skip
        return Extraction(extractor_version="rollup-test", statements=statements)

    return extract


class Mix:
    """The operations, each through the path the application uses; a refused one changes nothing."""

    def __init__(self, rng, rooms):
        self.rng, self.rooms, self.serial = rng, rooms, 0

    def pick_room(self):
        return self.rng.choice(self.rooms)

    def claims(self, room):
        return list(Claim.objects.filter(newsroom=room.newsroom).order_by("pk"))

    def create(self, room):
        self.serial += 1
        body = " | ".join(s.format(n=self.serial * 7 + k) for k, s in enumerate(self.rng.sample(SENTENCES, 4)))
        result = services.article_submit(newsroom=room.newsroom, user=room.checker, title=f"A{self.serial}", body=body)
        services.extraction_run(run_id=result.run.pk, extract=fake_extractor(self.rng))

    def reextract(self, room):
        articles = list(Article.objects.filter(newsroom=room.newsroom))
        if articles:
            run = services.extraction_request(article=self.rng.choice(articles), user=room.editor)
            services.extraction_run(run_id=run.pk, extract=fake_extractor(self.rng))

    def delete_article(self, room):
        articles = list(Article.objects.filter(newsroom=room.newsroom))
        if len(articles) > 2:
            self.rng.choice(articles).delete()  # the ORM cascade: statements, evidence, verdicts

    def status(self, room):
        claims = self.claims(room)
        if claims:
            status = self.rng.choice([Status.NEW, Status.IN_PROGRESS, Status.DISMISSED])
            claim_status_set(member=member(room.editor, room.newsroom), claim=self.rng.choice(claims), status=status,
                             reason="Opinion")  # fmt: skip

    def bulk(self, room):
        claims = self.claims(room)
        if claims:
            ids = [c.pk for c in self.rng.sample(claims, min(len(claims), 5))]
            action = self.rng.choice(["assign", "status", "dismiss"])
            status = self.rng.choice([Status.NEW, Status.IN_PROGRESS])
            claims_bulk_update(
                member=member(room.editor, room.newsroom), claim_ids=ids, action=action, reason="Duplicate",
                assignee=self.rng.choice(room.people + [None]), status=status,
            )  # fmt: skip

    def assign(self, room):
        claims = self.claims(room)
        if claims:
            assignee = self.rng.choice(room.people + [None])
            claim_assign(member=member(room.editor, room.newsroom), claim=self.rng.choice(claims), assignee=assignee)

    def raw_update(self, room):
        claims = self.claims(room)
        if claims:
            ids = [c.pk for c in self.rng.sample(claims, min(len(claims), 4))]
            Claim.objects.filter(pk__in=ids).update(
                status=self.rng.choice(Status.values), assignee=self.rng.choice(room.people + [None])
            )

    def publish(self, room):
        """Draft, evidence, submit, approve; on a statement already published, a correction first
        (the old version is superseded when the new one is approved)."""
        claims = self.claims(room)
        if not claims:
            return
        claim = self.rng.choice(claims)
        writer, reviewer = member(room.checker, room.newsroom), member(room.colleague, room.newsroom)
        published = Verdict.objects.filter(claim=claim, status=Verdict.Status.PUBLISHED).first()
        if published is not None:
            verdict_correct(member=writer, verdict=published, reason="A newer figure.")
        rating = self.rng.choice(list(RatingScale.objects.filter(newsroom=room.newsroom)))
        verdict = verdict_save_draft(member=writer, claim=claim, rating=rating, conclusion="Checked.")
        evidence_attach(member=writer, claim=claim, url="https://stats.example.gov/t1", quote="Table 1")
        verdict = verdict_submit(member=writer, verdict=verdict)
        verdict_approve(member=reviewer, verdict=verdict)

    def delete_verdict(self, room):
        verdicts = list(Verdict.objects.filter(newsroom=room.newsroom, status=Verdict.Status.PUBLISHED))
        if verdicts:
            Verdict.objects.filter(pk=self.rng.choice(verdicts).pk).delete()

    def run(self, steps):
        ops = [
            (self.create, 5), (self.reextract, 3), (self.delete_article, 1), (self.status, 3), (self.bulk, 2),
            (self.assign, 3), (self.raw_update, 1), (self.publish, 3), (self.delete_verdict, 1),
        ]  # fmt: skip
        done = 0
        for _ in range(steps):
            op = self.rng.choices([o for o, _ in ops], weights=[w for _, w in ops])[0]
            try:
                with transaction.atomic():
                    op(self.pick_room())
                done += 1
            except (ValidationError, PermissionDenied):
                pass  # refused (e.g. a status move on a statement in review): rolled back
        return done


class Room:
    def __init__(self, newsroom, prefix):
        self.newsroom = newsroom
        self.editor = _member(newsroom, f"{prefix}-editor", Membership.Role.EDITOR)
        self.colleague = _member(newsroom, f"{prefix}-colleague", Membership.Role.EDITOR)
        self.checker = _member(newsroom, f"{prefix}-checker", Membership.Role.CHECKER)
        self.people = [self.editor, self.colleague, self.checker]


def assert_rollup_is_live(*newsrooms):
    today = timezone.localdate()
    for newsroom in newsrooms:
        live, kept = dashboard.live_counts(newsroom, today), dashboard.rollup_counts(newsroom, today)
        assert kept == live, newsroom.slug
        waits = dashboard.first_publication_waits(newsroom)
        median, n = rollup.median_first_wait(newsroom.pk, dashboard.WAIT_SAMPLE)
        assert n == len(waits)
        assert median == (pytest.approx(statistics.median(waits)) if waits else None)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_it_equals_the_live_counts_after_a_random_mix_of_every_write(newsroom, other_newsroom, seed):
    # given two newsrooms with people
    rooms = [Room(newsroom, "a"), Room(other_newsroom, "b")]
    mix = Mix(random.Random(seed), rooms)
    for room in rooms:
        for _ in range(3):
            mix.create(room)
    # when a random mix of writes runs
    done = mix.run(120)
    # then the rollup counts what the scans count, in each newsroom
    assert done > 60
    assert not ExtractionRun.objects.exclude(status=ExtractionRun.Status.SUCCEEDED).exists()
    assert Claim.objects.filter(status__in=[Status.PUBLISHED, Status.DISMISSED]).exists()
    assert Verdict.objects.filter(status=Verdict.Status.SUPERSEDED).exists() or seed != 1
    assert_rollup_is_live(newsroom, other_newsroom)
    # and still after folding the delta rows, and after a rebuild from scratch
    before = ClaimTally.objects.count() + VerdictTally.objects.count()
    rollup.rollup_compact()
    assert ClaimTally.objects.count() + VerdictTally.objects.count() < before
    assert_rollup_is_live(newsroom, other_newsroom)
    rollup.rollup_rebuild()
    assert_rollup_is_live(newsroom, other_newsroom)


def test_it_follows_a_deleted_assignee_and_a_deleted_newsroom(newsroom, other_newsroom):
    temp = _member(newsroom, "temp", Membership.Role.CHECKER)
    article = make_article(newsroom)
    claims = [make_claim(article, start=i * 20, end=i * 20 + 15, assignee=temp) for i in range(3)]
    Claim.objects.filter(pk=claims[0].pk).update(status=Status.IN_PROGRESS)
    # when the assignee's account is deleted (the ORM sets assignee to NULL)
    get_user_model().objects.filter(pk=temp.pk).delete()
    assert_rollup_is_live(newsroom)
    assert dashboard.rollup_counts(newsroom, timezone.localdate())["unassigned_open"] == 3
    # when the other newsroom goes, its rows sum to zero and compaction removes them
    make_claim(make_article(other_newsroom))
    other_newsroom.delete()
    rollup.rollup_compact()
    assert not ClaimTally.objects.exclude(newsroom=newsroom).exists()
    assert not ClaimFoundTally.objects.exclude(newsroom=newsroom).exists()


@pytest.mark.parametrize("zone", ["UTC", "Asia/Kolkata", "America/St_Johns"])
def test_it_counts_statements_per_local_day_in_any_time_zone(newsroom, zone):
    # given statements found at every quarter past and to the hour over 16 days (a 15-minute bucket each)
    article = make_article(newsroom, body="x" * 2000)
    now = timezone.now()
    for i in range(130):
        claim = make_claim(article, start=i * 10, end=i * 10 + 5)
        when = now - datetime.timedelta(minutes=15 * 13 * i + 7)
        Claim.objects.filter(pk=claim.pk).update(created_at=when)  # the row trigger moves the count
    with timezone.override(zone):
        today = timezone.localdate()
        live, kept = dashboard.live_counts(newsroom, today), dashboard.rollup_counts(newsroom, today)
    assert kept["days"] == live["days"]
    assert 0 < sum(n for _, n in kept["days"]) < 130


def test_it_counts_a_copy_under_replica_role_as_the_bench_seed_loads(newsroom, editor):
    # given statements loaded with COPY while session_replication_role = replica (FK triggers off)
    article = make_article(newsroom)
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if not cursor.fetchone()[0]:
            pytest.skip("needs a superuser for session_replication_role")
        cursor.execute("SET LOCAL session_replication_role TO replica")
        columns = ["created_at", "updated_at", "newsroom_id", "article_id", "start", "end", "text", "position",
                   "types", "checkworthiness", "checkworthy", "reasons", "quantities", "relations",
                   "has_failed_check", "has_known_match", "speaker", "status", "dismissed_reason", "assignee_id",
                   "priority", "extractor_version", "found_by_current_extractor"]  # fmt: skip
        names = ", ".join(f'"{c}"' for c in columns)
        now = timezone.now()
        with connection.connection.cursor() as raw, raw.copy(f"COPY claims_claim ({names}) FROM STDIN") as copy:
            for i in range(50):
                status = [Status.NEW, Status.IN_PROGRESS, Status.DISMISSED][i % 3]
                copy.write_row(
                    (now, now, newsroom.pk, article.pk, i * 3, i * 3 + 2, "ab", i, "", 0.5, True, "[]", "[]",
                     "[]", False, False, "", status, "", editor.pk if i % 2 else None, 1, "v", True)
                )  # fmt: skip
        cursor.execute("SET LOCAL session_replication_role TO DEFAULT")
    # then the ENABLE ALWAYS triggers counted them
    assert_rollup_is_live(newsroom)
    assert dashboard.rollup_counts(newsroom, timezone.localdate())["total"] == 50


def test_the_dashboard_folds_the_delta_rows_when_they_pile_up(newsroom, editor, monkeypatch):
    article = make_article(newsroom)
    claims = [make_claim(article, start=i * 2, end=i * 2 + 1) for i in range(30)]
    for claim in claims:
        Claim.objects.filter(pk=claim.pk).update(assignee=editor)
    rows = ClaimTally.objects.filter(newsroom=newsroom).count()
    monkeypatch.setattr(rollup, "COMPACT_AT", 10)
    counts = dashboard.rollup_counts(newsroom, timezone.localdate())
    assert rows > 30 and ClaimTally.objects.filter(newsroom=newsroom).count() == 1
    assert counts["workload"][0]["total"] == 30 == dashboard.rollup_counts(newsroom, timezone.localdate())["total"]


def test_the_rollup_command_checks_compacts_and_rebuilds(newsroom, editor, capsys):
    make_claim(make_article(newsroom), assignee=editor)
    call_command("rollup", "--check")
    assert "alpha: exact" in capsys.readouterr().out
    ClaimTally.objects.filter(newsroom=newsroom).delete()  # a rollup gone wrong
    with pytest.raises(Exception, match="differs"):
        call_command("rollup", "--check", "--newsroom", "alpha")
    call_command("rollup", "--rebuild")
    call_command("rollup", "--compact")
    call_command("rollup", "--check")
    assert capsys.readouterr().out.count("alpha: exact") == 1


@pytest.mark.django_db(transaction=True)
def test_two_writers_of_one_newsroom_do_not_wait_for_each_other(newsroom):
    # given a transaction that inserted statements of the newsroom and has not committed
    article = make_article(newsroom)
    inserted, release, errors = threading.Event(), threading.Event(), []

    def first_writer():
        try:
            with transaction.atomic():
                make_claim(article, start=0, end=5)
                inserted.set()
                release.wait(10)
        finally:
            connections.close_all()

    thread = threading.Thread(target=first_writer)
    thread.start()
    assert inserted.wait(10)
    try:
        # when a second writer inserts statements of the same newsroom, with no patience for locks
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '1s'")
            make_claim(article, start=10, end=15)
    except Exception as exc:  # a hot counter row would time out here
        errors.append(exc)
    finally:
        release.set()
        thread.join()
    # then it neither waited nor failed, and both are counted
    assert errors == []
    assert dashboard.rollup_counts(newsroom, timezone.localdate())["total"] == 2


def test_the_median_wait_reads_the_latest_first_publications_only(newsroom, editor, colleague, monkeypatch):
    # given first publications an hour apart, some superseded, and a correction (version 2) published
    article = make_article(newsroom, body="y" * 400)
    now = timezone.now()
    for i in range(7):
        claim = make_claim(article, start=i * 10, end=i * 10 + 5)
        Claim.objects.filter(pk=claim.pk).update(created_at=now - datetime.timedelta(days=3, minutes=i * 7))
        status = Verdict.Status.SUPERSEDED if i % 3 == 0 else Verdict.Status.PUBLISHED
        published = now - datetime.timedelta(hours=i)
        make_verdict(claim, editor, status=status, reviewer=colleague, published_at=published)
        if status == Verdict.Status.SUPERSEDED:
            make_verdict(claim, editor, status=Verdict.Status.PUBLISHED, version=2, published_at=now)
    # when the sample is smaller than the number of first publications
    monkeypatch.setattr(dashboard, "WAIT_SAMPLE", 4)
    waits = dashboard.first_publication_waits(newsroom)
    # then the database's median is the scan's, over the same latest four
    assert len(waits) == 4
    assert rollup.median_first_wait(newsroom.pk, 4) == (pytest.approx(statistics.median(waits)), 4)
    # and when a statement's found time moves, or its first verdict goes, the copy follows
    Claim.objects.filter(newsroom=newsroom).update(created_at=now - datetime.timedelta(days=1))
    Verdict.objects.filter(version=1).order_by("-published_at").first().delete()
    waits = dashboard.first_publication_waits(newsroom)
    assert rollup.median_first_wait(newsroom.pk, 4) == (pytest.approx(statistics.median(waits)), 4)


def test_the_compaction_task_folds_every_newsroom(newsroom, other_newsroom, editor):
    for room in (newsroom, other_newsroom):
        article = make_article(room)
        for i in range(3):
            make_claim(article, start=i * 10, end=i * 10 + 5)
    Claim.objects.filter(newsroom=newsroom).update(assignee=editor)
    assert ClaimTally.objects.count() > 3
    rollup_compact_task()
    assert ClaimTally.objects.count() == 2 and ClaimFoundTally.objects.count() <= 4
    assert_rollup_is_live(newsroom, other_newsroom)
