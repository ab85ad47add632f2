"""Build a realistic archive for the web benchmark, fast: `manage.py bench_seed --statements N`.

PostgreSQL only. Rows go in with COPY (psycopg 3), in chunks of articles: articles of ~15
statements, one SUCCEEDED extraction run each, statements with a skewed check-worthiness, types,
speakers, statuses and assignees, evidence on ~5% of statements and a published verdict on ~2%,
spread over a few newsrooms (the first, --newsroom, holds half) so tenancy filters matter.

`--statements` is the total wanted in the bench newsrooms: running it again with a bigger number
tops the archive up (new rows are dated further back: the archive grows into the past at a constant
daily rate, so "the last 14 days" stays the same size whatever the archive's size). `--reset`
deletes the bench newsrooms first. Statement text comes from the BBC articles in
../shared/data when present (realistic words for full-text and trigram search), otherwise from
the demo articles.
"""

import datetime
import json
import random
import re
import threading
import time
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections, transaction
from django.utils import timezone

from factcheck.claims.models import Article, Claim, ExtractionRun, content_hash
from factcheck.newsrooms.models import Membership, Newsroom
from factcheck.sources.models import Claimant, Source
from factcheck.verdicts.models import Evidence, RatingScale, Verdict, rating_scale_seed

ROOT = Path(__file__).resolve().parents[4]
BBC = ROOT.parent / "shared" / "data" / "bbc-news-fulltext" / "articles.jsonl"

BENCH_PASSWORD = "bench-web-pass"  # noqa: S105 - a throwaway benchmark login on a bench database
PER_ARTICLE = 15
PER_DAY = 400  # statements found per day across the bench newsrooms: the archive's age grows with its size
SHARES = (0.5, 0.3, 0.2)  # statements per newsroom: the first is the benchmark user's
CHECKERS = 6
EXTRACTOR_VERSION = "bench-seed-1"
NEWS_THRESHOLD = 0.3  # the flag for a newsroom that keeps the model's threshold (about the shipped one)
# Workflow mix of the statements (the rest are "new").
STATUS_MIX = [("published", 0.02), ("in_review", 0.03), ("in_progress", 0.08), ("dismissed", 0.07)]
DISMISS_REASONS = ["Opinion, not checkable", "Already checked", "Not in our remit", "Duplicate"]
CONCLUSIONS = [
    "The figure matches the official release for the period.",
    "The statistic is real but refers to a different year.",
    "No source we could find supports the number given.",
    "The comparison leaves out inflation, which changes the picture.",
]
OUTLETS = ["Daily Ledger", "Evening Post", "Morning Star Wire", "Capital Times", "Northern Echo", "Harbour Herald"]
FIRST = ["Anna", "Ben", "Chloe", "David", "Elena", "Farid", "Grace", "Hugo", "Isla", "Jamal", "Kate", "Liam"]
LAST = ["Ahmed", "Brown", "Carter", "Dubois", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jones", "Khan"]
ROLES = ["Minister", "Shadow minister", "Mayor", "Chief executive", "Spokesperson", "Economist", "MP"]

COLUMNS = {
    "claims_article": [
        "id", "created_at", "updated_at", "newsroom_id", "title", "body", "url", "outlet_id", "published_on",
        "submitted_by_id", "author", "content_hash",
    ],
    "claims_extractionrun": [
        "id", "created_at", "updated_at", "status", "progress_done", "progress_total", "message", "attempts",
        "enqueued_at", "started_at", "heartbeat_at", "finished_at", "newsroom_id", "article_id", "requested_by_id",
        "extractor_version", "statements_found", "statements_kept", "duration_ms", "relations",
    ],
    "claims_claim": [
        "id", "created_at", "updated_at", "newsroom_id", "article_id", "start", "end", "text", "position", "types",
        "checkworthiness", "checkworthy", "reasons", "quantities", "relations", "has_failed_check", "speaker",
        "claimant_id", "status", "dismissed_reason", "assignee_id", "priority", "extractor_version",
        "found_by_current_extractor", "has_known_match",
    ],
    "verdicts_evidence": [
        "id", "created_at", "updated_at", "newsroom_id", "claim_id", "source_id", "url", "quote", "stance",
        "is_primary", "is_private", "note", "added_by_id", "added_in_version", "removed_in_version",
    ],
    "verdicts_verdict": [
        "id", "created_at", "updated_at", "newsroom_id", "claim_id", "rating_id", "conclusion", "status", "version",
        "correction_reason", "review_comment", "author_id", "reviewer_id", "submitted_at", "published_at",
    ],
}  # fmt: skip
MODELS = {
    "claims_article": Article,
    "claims_extractionrun": ExtractionRun,
    "claims_claim": Claim,
    "verdicts_evidence": Evidence,
    "verdicts_verdict": Verdict,
}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def bench_slugs(main):
    return [main, *(f"{main}-{i}" for i in range(2, len(SHARES) + 1))]


class Command(BaseCommand):
    help = "Bulk-build a realistic archive of N statements for the web benchmark (PostgreSQL, COPY)."

    def add_arguments(self, parser):
        parser.add_argument("--statements", type=int, required=True, help="total statements wanted in the archive")
        parser.add_argument("--newsroom", default="bench", help="slug of the benchmark user's newsroom")
        parser.add_argument("--reset", action="store_true", help="delete the bench newsrooms first")
        parser.add_argument("--chunk", type=int, default=50_000, help="statements per COPY transaction")
        parser.add_argument("--seed", type=int, default=8)
        parser.add_argument("--data", default=str(BBC), help="articles.jsonl to take sentences from")

    def handle(self, *args, statements, newsroom, reset, chunk, seed, data, **options):
        if connection.vendor != "postgresql":
            raise CommandError("bench_seed writes with COPY: set DATABASE_URL to PostgreSQL.")
        self._check_columns()
        started = time.perf_counter()
        slugs = bench_slugs(newsroom)
        if reset:
            self._reset(slugs)
        rooms = self._setup(slugs)
        existing = Claim.objects.filter(newsroom__in=rooms).count()
        wanted = statements - existing
        if wanted <= 0:
            self.stdout.write(f"the bench newsrooms already hold {existing:,} statements; nothing to add")
            self._summary(rooms, time.perf_counter() - started)
            return
        self.rng = random.Random(seed * 1_000_003 + existing)
        self.pool = self._sentences(Path(data))
        self.now = timezone.now()
        self.stdout.write(
            f"adding {wanted:,} statements to the {existing:,} already there ({len(self.pool):,} sentences)"
        )
        dropped = self._drop_indexes() if wanted >= 100_000 else []
        try:
            self._set_fast_load()
            done = 0
            while done < wanted:
                n = min(chunk, wanted - done)
                t = time.perf_counter()
                with transaction.atomic():
                    self._fast_load_locals()
                    self._load_chunk(rooms, n, existing + done)
                done += n
                rate = n / (time.perf_counter() - t)
                self.stdout.write(f"  {existing + done:>10,} statements  ({rate:,.0f}/s)")
        finally:
            if dropped:
                t = time.perf_counter()
                self._create_indexes(dropped)
                self.stdout.write(f"  rebuilt {len(dropped)} indexes in {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        with connection.cursor() as cursor:
            for table in COLUMNS:
                cursor.execute(f"VACUUM ANALYZE {table}")
        self.stdout.write(f"  VACUUM ANALYZE in {time.perf_counter() - t:.1f} s")
        self._summary(rooms, time.perf_counter() - started)

    # --- setup ---------------------------------------------------------------------------------

    def _check_columns(self):
        for table, columns in COLUMNS.items():
            actual = {f.column for f in MODELS[table]._meta.concrete_fields}
            if set(columns) != actual:
                raise CommandError(f"{table} changed: update bench_seed's columns ({sorted(actual ^ set(columns))})")

    def _setup(self, slugs):
        """Newsrooms, rating scales, users (an editor and checkers each), outlets and claimants."""
        User = get_user_model()
        password = make_password(BENCH_PASSWORD)
        rooms = []
        with transaction.atomic():
            for i, slug in enumerate(slugs):
                room, _ = Newsroom.objects.get_or_create(
                    slug=slug, defaults={"name": f"Bench desk {i + 1}", "url": f"https://{slug}.example.org/"}
                )
                rating_scale_seed(room)
                names = [(f"{slug}-editor", Membership.Role.EDITOR), (f"{slug}-editor2", Membership.Role.EDITOR)]
                names += [(f"{slug}-checker{j}", Membership.Role.CHECKER) for j in range(1, CHECKERS + 1)]
                room.bench_users = []
                for username, role in names:
                    user, created = User.objects.get_or_create(username=username, defaults={"password": password})
                    if not created and not user.check_password(BENCH_PASSWORD):
                        user.password = password
                        user.save(update_fields=["password"])
                    Membership.objects.get_or_create(user=user, newsroom=room, defaults={"role": role})
                    room.bench_users.append(user.pk)
                room.bench_outlets = [
                    Source.objects.get_or_create(
                        newsroom=room,
                        name=name,
                        defaults={
                            "url": f"https://{name.lower().replace(' ', '-')}.example.com/",
                            "kind": "news_outlet",
                        },
                    )[0].pk
                    for name in OUTLETS
                ]
                room.bench_sources = [
                    Source.objects.get_or_create(
                        newsroom=room, name=f"Statistics office {k}", defaults={"url": f"https://stats{k}.example.gov/"}
                    )[0].pk
                    for k in range(1, 9)
                ]
                names = [f"{first} {last}" for first in FIRST for last in LAST]
                Claimant.objects.bulk_create(
                    [Claimant(newsroom=room, name=n, role=ROLES[k % len(ROLES)]) for k, n in enumerate(names)],
                    ignore_conflicts=True,
                )
                room.bench_claimants = dict(Claimant.objects.filter(newsroom=room).values_list("name", "pk"))
                room.bench_ratings = list(RatingScale.objects.filter(newsroom=room).values_list("pk", flat=True))
                rooms.append(room)
        return rooms

    def _sentences(self, path):
        pool = []
        if path.exists():
            with open(path, encoding="utf-8") as f:
                for line in f:
                    text = json.loads(line).get("text", "")
                    for para in text.split("\n"):
                        pool.extend(s.strip() for s in SENTENCE_END.split(para) if 40 <= len(s.strip()) <= 300)
        if len(pool) < 500:
            from factcheck.demo.content import ARTICLES

            for item in ARTICLES:
                for para in item["body"].split("\n"):
                    pool.extend(s.strip() for s in SENTENCE_END.split(para) if 30 <= len(s.strip()) <= 300)
        if not pool:
            raise CommandError("no sentences to build statements from")
        return pool

    # --- loading ---------------------------------------------------------------------------------

    def _set_fast_load(self):
        """Session settings for a bulk load on a benchmark database: no WAL flush wait, big sort memory."""
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")
            cursor.execute("SET maintenance_work_mem TO '512MB'")
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            self.superuser = cursor.fetchone()[0]

    def _fast_load_locals(self):
        if self.superuser:
            # Generated rows are consistent by construction: skip the per-row FK triggers (superuser only).
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL session_replication_role TO replica")

    def _ids(self, table, n):
        """Reserve n ids from the table's identity sequence; returns the first."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), nextval(pg_get_serial_sequence(%s, 'id')) + %s - 1)",
                [table, table, n],
            )
            return cursor.fetchone()[0] - n + 1

    def _copy(self, table, rows):
        columns = ", ".join(f'"{c}"' for c in COLUMNS[table])
        raw = connection.connection
        with raw.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def _load_chunk(self, rooms, n, offset):
        rng, now = self.rng, self.now
        most_articles = n // (PER_ARTICLE - 4) + 1
        article_id = self._ids("claims_article", most_articles)
        run_id = self._ids("claims_extractionrun", most_articles)
        claim_id = self._ids("claims_claim", n)
        articles, runs, claims, evidence_for, verdict_for = [], [], [], [], []
        made = a = 0
        while made < n:
            room = rooms[self._pick_room()]
            count = min(PER_ARTICLE + rng.randint(-4, 4), n - made)
            # Constant rate: statement number k of the archive (newest first) is k / PER_DAY days old.
            age_days = (offset + made) / PER_DAY + rng.random() / 10
            created = now - datetime.timedelta(days=age_days)
            body, spans = self._article_body(article_id + a, count)
            checker = rng.choice(room.bench_users[2:])
            articles.append(
                (article_id + a, created, created, room.pk, spans[0][2][:120], body,
                 f"https://news.example.com/{article_id + a}", rng.choice(room.bench_outlets), created.date(), checker,
                 "", content_hash(body))
            )  # fmt: skip
            finished = created + datetime.timedelta(seconds=2)
            runs.append(
                (run_id + a, created, finished, "succeeded", count, count, "", 1, created, created, finished, finished,
                 room.pk, article_id + a, checker, EXTRACTOR_VERSION, count, 0, rng.randint(8, 60), "[]")
            )  # fmt: skip
            for position, (start, end, text) in enumerate(spans):
                cid = claim_id + made
                claims.append(self._claim_row(cid, created, room, article_id + a, start, end, text, position))
                status = claims[-1][18]
                if status in ("published", "in_review"):
                    evidence_for.append((cid, room, created))
                    verdict_for.append((cid, room, created, status))
                elif status == "in_progress" and rng.random() < 0.3:
                    verdict_for.append((cid, room, created, "draft"))
                made += 1
            a += 1
        self._copy("claims_article", articles)
        self._copy("claims_extractionrun", runs)
        self._copy("claims_claim", claims)
        self._copy("verdicts_evidence", self._evidence_rows(evidence_for))
        self._copy("verdicts_verdict", self._verdict_rows(verdict_for))

    def _pick_room(self):
        x, acc = self.rng.random(), 0.0
        for i, share in enumerate(SHARES):
            acc += share
            if x < acc:
                return i
        return len(SHARES) - 1

    def _article_body(self, number, count):
        """A body of `count` sentences (numbers varied, so every article is distinct) and their spans."""
        rng = self.rng
        first = rng.randrange(len(self.pool))
        parts, spans, cursor = [], [], 0
        for k in range(count):
            sentence = self.pool[(first + k) % len(self.pool)]
            if rng.random() < 0.7:
                sentence = NUMBER.sub(lambda m: str(rng.randint(2, 999)), sentence, count=1)
            sep = "" if k == 0 else ("\n\n" if k % 4 == 0 else " ")
            cursor += len(sep)
            parts.append(sep + sentence)
            spans.append((cursor, cursor + len(sentence), sentence))
            cursor += len(sentence)
        parts.append(f"\n\n(Bench copy {number}.)")
        return "".join(parts), spans

    def _claim_row(self, cid, created, room, article_id, start, end, text, position):
        rng = self.rng
        score = round(rng.betavariate(1.6, 2.6), 4)
        types = []
        if any(ch.isdigit() for ch in text):
            types.append("numeric")
        if '"' in text or "said" in text:
            types.append("quote" if '"' in text else "attribution")
        if " than " in text or " more " in text:
            types.append("comparison")
        if not types:
            types.append(rng.choice(["event", "causal", "prediction", "opinion"]))
        x, acc, status = rng.random(), 0.0, "new"
        for value, share in STATUS_MIX:
            acc += share
            if x < acc:
                status = value
                break
        if status in ("published", "in_review"):
            score = max(score, 0.5 + score / 2)  # what gets checked is what scored high
        assignee = None
        if status in ("published", "in_review", "in_progress") or (status == "new" and rng.random() < 0.03):
            assignee = rng.choice(room.bench_users)
        speaker, claimant = "", None
        if "said" in text or rng.random() < 0.15:
            speaker = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            claimant = room.bench_claimants.get(speaker)
        reasons = json.dumps([["has a number", 0.21], ["named source", 0.12]] if "numeric" in types else [])
        failed = "numeric" in types and rng.random() < 0.03
        priority = 2 if score > 0.85 and rng.random() < 0.2 else 1
        worthy = score >= (NEWS_THRESHOLD if room.checkworthy_threshold is None else room.checkworthy_threshold)
        return (
            cid, created, created, room.pk, article_id, start, end, text, position, f" {' '.join(types)} ",
            score, worthy, reasons, "[]", "[]", failed, speaker, claimant, status,
            rng.choice(DISMISS_REASONS) if status == "dismissed" else "", assignee, priority, EXTRACTOR_VERSION, True,
            False,
        )  # fmt: skip

    def _evidence_rows(self, items):
        rng = self.rng
        rows = []
        first = self._ids("verdicts_evidence", 3 * len(items)) if items else 0
        for cid, room, created in items:
            for k in range(rng.randint(1, 3)):
                when = created + datetime.timedelta(hours=1 + k)
                rows.append(
                    (first + len(rows), when, when, room.pk, cid, rng.choice(room.bench_sources),
                     f"https://stats.example.gov/tables/{cid}-{k}", "Table 4 shows the figure for the year.",
                     rng.choice(["supports", "refutes", "context"]), k == 0, rng.random() < 0.1,
                     "Checked against the release.", rng.choice(room.bench_users), None, None)
                )  # fmt: skip
        return rows

    def _verdict_rows(self, items):
        rng, now = self.rng, self.now
        rows = []
        first = self._ids("verdicts_verdict", len(items)) if items else 0
        for cid, room, created, status in items:
            author, reviewer = room.bench_users[2], room.bench_users[0]
            submitted = published = None
            if status in ("in_review", "published"):
                submitted = min(now, created + datetime.timedelta(hours=rng.randint(2, 120)))
            if status == "published":
                published = min(now, submitted + datetime.timedelta(hours=rng.randint(1, 48)))
            rows.append(
                (first + len(rows), created, submitted or created, room.pk, cid, rng.choice(room.bench_ratings),
                 rng.choice(CONCLUSIONS), status, 1, "", "", author, reviewer if published else None, submitted,
                 published)
            )  # fmt: skip
        return rows

    # --- indexes ---------------------------------------------------------------------------------

    def _drop_indexes(self):
        """Drop claims_claim's secondary indexes for the load (not the primary key or constraints)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = 'claims_claim' "
                "AND i.indexname NOT IN (SELECT c.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conindid "
                "WHERE k.conrelid = 'claims_claim'::regclass)"
            )
            found = cursor.fetchall()
            for name, _ in found:
                cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
        self.stdout.write(f"  dropped {len(found)} secondary indexes of claims_claim for the load")
        return found

    def _create_indexes(self, indexes):
        """Rebuild the dropped indexes on two connections at once: the trigram index alone is the
        longest, so it gets one connection and everything else the other."""
        heavy = [i for i in indexes if "trgm_ops" in i[1]]
        rest = [i for i in indexes if i not in heavy]
        errors = []

        def build(group):
            try:
                with connections["default"].cursor() as cursor:
                    cursor.execute("SET maintenance_work_mem TO '512MB'")
                    for name, definition in group:
                        t = time.perf_counter()
                        cursor.execute(definition)
                        self.stdout.write(f"    {name}: {time.perf_counter() - t:.1f} s")
            except Exception as exc:  # reported below; the other group still finishes
                errors.append(exc)
            finally:
                connections["default"].close()

        threads = [threading.Thread(target=build, args=(group,)) for group in (heavy, rest) if group]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            raise CommandError(
                f"rebuilding indexes failed: {errors[0]} (recreate them with `migrate` on a new database)"
            )

    # --- reset and summary -----------------------------------------------------------------------

    def _reset(self, slugs):
        started = time.perf_counter()
        ids = list(Newsroom.objects.filter(slug__in=slugs).values_list("pk", flat=True))
        tables = [
            m._meta.db_table
            for m in apps.get_models()
            if any(f.column == "newsroom_id" for f in m._meta.concrete_fields)
            and m._meta.db_table != "newsrooms_newsroom"
        ]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            if cursor.fetchone()[0]:
                cursor.execute("SET LOCAL session_replication_role TO replica")
            order = ["verdicts_verdict", "verdicts_evidence", "claims_claim", "claims_extractionrun", "claims_article"]
            for table in [*order, *(t for t in tables if t not in order)]:
                cursor.execute(f"DELETE FROM {table} WHERE newsroom_id = ANY(%s)", [ids])  # noqa: S608 - model tables
            Newsroom.objects.filter(pk__in=ids).delete()
            get_user_model().objects.filter(username__in=self._usernames(slugs)).delete()
        self.stdout.write(f"reset: removed the bench newsrooms {slugs} in {time.perf_counter() - started:.1f} s")

    def _usernames(self, slugs):
        names = []
        for slug in slugs:
            names += [f"{slug}-editor", f"{slug}-editor2", *(f"{slug}-checker{j}" for j in range(1, CHECKERS + 1))]
        return names

    def _summary(self, rooms, elapsed):
        self.stdout.write("")
        self.stdout.write(
            f"{'newsroom':14} {'articles':>9} {'statements':>11} {'evidence':>9} {'verdicts':>9} {'published':>9}"
        )
        for room in rooms:
            counts = [
                Article.objects.filter(newsroom=room).count(),
                Claim.objects.filter(newsroom=room).count(),
                Evidence.objects.filter(newsroom=room).count(),
                Verdict.objects.filter(newsroom=room).count(),
                Verdict.objects.filter(newsroom=room, status="published").count(),
            ]
            self.stdout.write(
                f"{room.slug:14} {counts[0]:9,} {counts[1]:11,} {counts[2]:9,} {counts[3]:9,} {counts[4]:9,}"
            )
        total = Claim.objects.filter(newsroom__in=rooms).count()
        self.stdout.write(f"total {total:,} statements; took {elapsed:.1f} s")
        self.stdout.write(f"login: {rooms[0].slug}-editor / {BENCH_PASSWORD}")
