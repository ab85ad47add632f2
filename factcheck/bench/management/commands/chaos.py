"""Fault scenarios against real services: `manage.py chaos` (run it through `make chaos`).

Three scenarios, each against the PostgreSQL in DATABASE_URL and the Redis in CELERY_BROKER_URL,
with real `celery worker` processes and a real gunicorn:

1. Redis stopped while 200 articles are submitted (through `article_submit`), then restarted: the
   sweep re-enqueues what never reached the broker or was lost with it → 200 runs SUCCEEDED, no
   statement lost, none duplicated.
2. A worker SIGKILLed mid-batch: a second worker and the sweep finish the batch → every run
   SUCCEEDED once (attempts counted), no statement lost or duplicated.
3. PostgreSQL restarted under web load (gunicorn): during the outage every answer is a 503 with a
   message (never a 500 or a hang) and /healthz says 503; within 5 s after it returns every answer is
   200 again.

The command stops and starts the services with the shell commands given in --redis-stop,
--redis-start, --pg-stop and --pg-start (or CHAOS_REDIS_STOP, ... in the environment; `.ci/chaos.sh`
sets them for its own throwaway Redis and PostgreSQL cluster). It refuses to run against the
shared ports 5432 and 6379. Every loop has a deadline; a table of scenario / expected / observed /
pass is printed and the exit status is 1 if any scenario failed.
"""

import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.urls import reverse

from factcheck.bench.harness import login, process_stop, request, worker_start
from factcheck.claims.models import Article, Claim, ExtractionRun
from factcheck.claims.services import article_submit, extraction_sweep
from factcheck.newsrooms.models import Membership, Newsroom

ROOT = Path(__file__).resolve().parents[4]
BBC = ROOT.parent / "shared" / "data" / "bbc-news-fulltext" / "articles.jsonl"
PASSWORD = "chaos-pass-1234"  # noqa: S105 - a throwaway login on a throwaway database
SHARED_PORTS = {"postgres": 5432, "redis": 6379}
Status = ExtractionRun.Status


class Command(BaseCommand):
    help = "Fault scenarios (Redis down, worker killed, PostgreSQL restarted) against real services; prints a table."

    def add_arguments(self, parser):
        env = os.environ.get
        parser.add_argument("--articles", type=int, default=200)
        parser.add_argument("--redis-stop", default=env("CHAOS_REDIS_STOP"))
        parser.add_argument("--redis-start", default=env("CHAOS_REDIS_START"))
        parser.add_argument("--pg-stop", default=env("CHAOS_PG_STOP"))
        parser.add_argument("--pg-start", default=env("CHAOS_PG_START"))
        parser.add_argument("--outage", type=float, default=6.0, help="seconds PostgreSQL stays down")
        parser.add_argument("--port", type=int, default=8766, help="gunicorn's port for scenario 3")
        parser.add_argument("--only", help="comma-separated scenario numbers, e.g. 1,3")
        parser.add_argument("--timeout", type=int, default=240, help="deadline of each scenario's wait, seconds")

    def handle(self, *args, **opts):
        self._guard(opts)
        self.opts = opts
        self.logdir = Path(tempfile.mkdtemp(prefix="chaos-"))
        self.stdout.write(f"worker and gunicorn logs in {self.logdir}")
        # The sweep acts quickly here; the workers get the same figures through the environment.
        self.job_env = {"JOB_PENDING_TIMEOUT": "10", "JOB_HEARTBEAT_TIMEOUT": "10", "JOB_MAX_ATTEMPTS": "3"}
        settings.JOB_PENDING_TIMEOUT, settings.JOB_HEARTBEAT_TIMEOUT = 10, 10
        self.newsroom, self.user = self._setup()
        self.texts = self._texts()
        self.procs = []
        rows = []
        wanted = {int(x) for x in (opts["only"] or "1,2,3").split(",")}
        scenarios = [(1, self.redis_down), (2, self.worker_killed), (3, self.postgres_restarted)]
        try:
            for number, scenario in scenarios:
                if number in wanted:
                    self.stdout.write(f"\n--- scenario {number}: {scenario.__doc__.strip().splitlines()[0]}")
                    started = time.monotonic()
                    try:
                        row = scenario()
                    except Exception as exc:  # a scenario that breaks is a failed scenario; the others still run
                        self.stderr.write(f"  scenario {number} broke: {exc.__class__.__name__}: {exc}")
                        row = [scenario.__doc__.strip().splitlines()[0][:38], "(see above)",
                               f"the scenario broke: {exc.__class__.__name__}: {str(exc)[:200]}", False]  # fmt: skip
                        connection.close()
                    row.append(f"{time.monotonic() - started:.0f} s")
                    rows.append(row)
        finally:
            for proc in self.procs:
                process_stop(proc)
        self._table(rows)
        if any(not row[3] for row in rows):
            sys.exit(1)

    # --- safety and setup ------------------------------------------------------------------------

    def _guard(self, opts):
        if connection.vendor != "postgresql" or settings.CELERY_TASK_ALWAYS_EAGER:
            raise CommandError(
                "Set DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL (Redis): this breaks real services."
            )
        db_port = int(connection.settings_dict.get("PORT") or 5432)
        broker_port = urlsplit(settings.CELERY_BROKER_URL).port or 6379
        if db_port == SHARED_PORTS["postgres"] or broker_port == SHARED_PORTS["redis"]:
            raise CommandError(
                f"refusing to stop services on the shared ports (database {db_port}, broker {broker_port}): "
                "run through .ci/chaos.sh, which starts a throwaway PostgreSQL and Redis on other ports"
            )
        missing = [k for k in ("redis_stop", "redis_start", "pg_stop", "pg_start") if not opts[k]]
        if missing:
            raise CommandError(f"missing service commands: {', '.join(missing)} (see .ci/chaos.sh)")

    def _setup(self):
        with transaction.atomic():
            room, _ = Newsroom.objects.get_or_create(slug="chaos", defaults={"name": "Chaos desk"})
            user, _ = get_user_model().objects.get_or_create(username="chaos-editor")
            user.set_password(PASSWORD)
            user.save()
            Membership.objects.get_or_create(user=user, newsroom=room, defaults={"role": Membership.Role.EDITOR})
        Article.objects.filter(newsroom=room).delete()  # runs and statements go with them
        return room, user

    def _texts(self):
        texts = []
        if BBC.exists():
            with open(BBC, encoding="utf-8") as f:
                for line in f:
                    item = json.loads(line)
                    texts.append(f"{item.get('title', '')}\n\n{item['text']}")
                    if len(texts) == 2 * self.opts["articles"]:
                        break
        if len(texts) < 2 * self.opts["articles"]:
            from factcheck.demo.content import ARTICLES

            base = [a["body"] for a in ARTICLES]
            texts += [base[i % len(base)] for i in range(2 * self.opts["articles"] - len(texts))]
        stamp = int(time.time())
        # A marker paragraph keeps every text distinct (content hashes) across scenarios and runs.
        return [f"{t}\n\nChaos copy {stamp}-{i}." for i, t in enumerate(texts)]

    # --- services and workers --------------------------------------------------------------------

    def _sh(self, what):
        command = self.opts[what]
        started = time.monotonic()
        result = subprocess.run(command, shell=True, capture_output=True, text=True, timeout=60)  # noqa: S602 - our script's commands
        if result.returncode != 0:
            raise CommandError(f"{what} failed ({result.returncode}): {result.stderr.strip()[-500:]}")
        self.stdout.write(f"  [{what.replace('_', ' ')}: {time.monotonic() - started:.1f} s]")

    def _worker_env(self):
        return {**os.environ, **self.job_env, "LOG_LEVEL": "WARNING", "DJANGO_SETTINGS_MODULE": "factcheck.settings"}

    def _start_worker(self, name, concurrency=2):
        log = open(self.logdir / f"worker-{name}.log", "wb")  # noqa: SIM115 - kept open for the worker's life
        proc = worker_start(
            name, queues="extraction,reports,default", concurrency=concurrency, env=self._worker_env(), log=log,
            extra_args=("--without-heartbeat",),
        )  # fmt: skip
        self.procs.append(proc)
        return proc

    # --- checks ------------------------------------------------------------------------------------

    def _expected(self, texts):
        from factcheck.extraction import extract

        return [len(extract(t).statements) for t in texts]

    def _sweep_until_done(self, article_ids, deadline):
        """Call the sweep every 2 s (what beat does every minute) until no run is pending or running."""
        runs = ExtractionRun.objects.filter(article_id__in=article_ids)
        swept = {"requeued": 0, "reclaimed": 0, "failed": 0}
        next_sweep = 0
        while time.monotonic() < deadline:
            if not runs.filter(status__in=ExtractionRun.ACTIVE).exists():
                return swept
            if time.monotonic() >= next_sweep:
                for key, value in extraction_sweep().items():
                    swept[key] += value
                next_sweep = time.monotonic() + 2
            time.sleep(0.2)
        return swept

    def _outcome(self, article_ids, expected):
        runs = list(ExtractionRun.objects.filter(article_id__in=article_ids).values("article_id", "status", "attempts"))
        by_status = {}
        for run in runs:
            by_status[run["status"]] = by_status.get(run["status"], 0) + 1
        got = dict.fromkeys(article_ids, 0)
        for article_id in Claim.objects.filter(article_id__in=article_ids).values_list("article_id", flat=True):
            got[article_id] += 1
        lost = sum(max(0, e - got[a]) for a, e in zip(article_ids, expected, strict=True))
        dup = sum(max(0, got[a] - e) for a, e in zip(article_ids, expected, strict=True))
        runs_per_article = {}
        for run in runs:
            runs_per_article[run["article_id"]] = runs_per_article.get(run["article_id"], 0) + 1
        return {
            "runs": len(runs),
            "succeeded": by_status.get(Status.SUCCEEDED, 0),
            "failed": by_status.get(Status.FAILED, 0),
            "active": by_status.get(Status.PENDING, 0) + by_status.get(Status.RUNNING, 0),
            "extra_runs": sum(n - 1 for n in runs_per_article.values()),
            "retried": sum(1 for r in runs if r["attempts"] > 1),
            "max_attempts": max((r["attempts"] for r in runs), default=0),
            "statements": sum(got.values()),
            "expected": sum(expected),
            "lost": lost,
            "duplicates": dup,
        }

    # --- scenario 1 --------------------------------------------------------------------------------

    def redis_down(self):
        """Redis stopped while 200 articles are submitted, then restarted."""
        n = self.opts["articles"]
        texts = self.texts[:n]
        expected = self._expected(texts)
        worker = self._start_worker("chaos1")
        article_ids, submit_ms = [], []
        stop_at, start_at = n // 4, (3 * n) // 4
        down_for = 0.0
        # Each failed enqueue logs a warning by design; the count is printed below instead.
        services_log = logging.getLogger("factcheck.claims.services")
        level = services_log.level
        services_log.setLevel(logging.ERROR)
        for i, text in enumerate(texts):
            if i == stop_at:
                self._sh("redis_stop")
                down_since = time.monotonic()
            if i == start_at:
                down_for = time.monotonic() - down_since
                self._sh("redis_start")
            started = time.perf_counter()
            result = article_submit(newsroom=self.newsroom, user=self.user, title="", body=text)
            submit_ms.append((time.perf_counter() - started) * 1000)
            article_ids.append(result.article.pk)
        services_log.setLevel(level)
        pending = ExtractionRun.objects.filter(article_id__in=article_ids, enqueued_at=None).count()
        self.stdout.write(
            f"  submitted {n} (Redis down for submissions {stop_at}..{start_at - 1}, {down_for:.1f} s); "
            f"{pending} runs never reached the broker; slowest submit {max(submit_ms):.0f} ms"
        )
        swept = self._sweep_until_done(article_ids, time.monotonic() + self.opts["timeout"])
        process_stop(worker)
        o = self._outcome(article_ids, expected)
        ok = o["succeeded"] == n and o["lost"] == 0 and o["duplicates"] == 0 and o["extra_runs"] == 0
        observed = (
            f"{o['succeeded']}/{n} SUCCEEDED, {o['failed']} failed, {o['active']} unfinished; statements "
            f"{o['statements']}/{o['expected']}: {o['lost']} lost, {o['duplicates']} duplicate; sweep requeued "
            f"{swept['requeued']}; slowest submit while down {max(submit_ms[stop_at:start_at]):.0f} ms"
        )
        return ["Redis stopped during 200 submissions", f"{n} SUCCEEDED, 0 lost, 0 duplicate statements", observed, ok]

    # --- scenario 2 --------------------------------------------------------------------------------

    def worker_killed(self):
        """A worker SIGKILLed mid-batch; a second worker and the sweep finish it."""
        n = self.opts["articles"]
        texts = self.texts[n : 2 * n]
        # Every 10th article is a long one (a dozen stories end to end, ~1 s to extract), so the
        # SIGKILL lands while runs are in the middle of their work, not between two short ones.
        for i in range(5, n, 10):
            texts[i] = "\n\n".join([texts[i], *self.texts[(i + 1) % len(self.texts) :][:11]])[:190_000]
        expected = self._expected(texts)
        first = self._start_worker("chaos2a")
        article_ids = [
            article_submit(newsroom=self.newsroom, user=self.user, title="", body=t).article.pk for t in texts
        ]
        long_ids = article_ids[5::10]
        runs = ExtractionRun.objects.filter(article_id__in=article_ids)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if (
                runs.filter(status=Status.RUNNING, article_id__in=long_ids).exists()
                and runs.filter(status=Status.SUCCEEDED).count() >= n // 4
            ):
                break
            time.sleep(0.01)
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
        done_at_kill = runs.filter(status=Status.SUCCEEDED).count()
        stuck = list(runs.filter(status=Status.RUNNING).values_list("pk", flat=True))
        self.stdout.write(
            f"  SIGKILL after {done_at_kill}/{n} succeeded; {len(stuck)} runs left RUNNING by the dead worker"
        )
        self._start_worker("chaos2b")
        swept = self._sweep_until_done(article_ids, time.monotonic() + self.opts["timeout"])
        o = self._outcome(article_ids, expected)
        stuck_after = dict(runs.filter(pk__in=stuck).values_list("pk", "attempts"))
        ok = (
            o["succeeded"] == n
            and o["lost"] == 0
            and o["duplicates"] == 0
            and o["extra_runs"] == 0
            and o["max_attempts"] <= 2
            and all(a == 2 for a in stuck_after.values())
        )
        observed = (
            f"{o['succeeded']}/{n} SUCCEEDED once ({o['extra_runs']} extra runs), {o['failed']} failed; "
            f"{len(stuck)} killed mid-run → reclaimed {swept['reclaimed']}, their attempts "
            f"{sorted(set(stuck_after.values())) or '-'}; max attempts {o['max_attempts']}; statements "
            f"{o['statements']}/{o['expected']}: {o['lost']} lost, {o['duplicates']} duplicate"
        )
        return ["worker SIGKILLed mid-batch", "every run SUCCEEDED exactly once, killed runs attempt 2", observed, ok]

    # --- scenario 3 --------------------------------------------------------------------------------

    def postgres_restarted(self):
        """PostgreSQL restarted under web load (gunicorn)."""
        port = self.opts["port"]
        server = self._gunicorn_start(port)
        load = _WebLoad(port, login(port, self.user.username, PASSWORD))
        load.start(clients=6)
        time.sleep(4)
        marks = {"stop_begin": time.monotonic()}
        self._sh("pg_stop")
        marks["down_at"] = time.monotonic()
        time.sleep(self.opts["outage"])
        marks["start_begin"] = time.monotonic()
        self._sh("pg_start")
        marks["up_at"] = time.monotonic()
        time.sleep(12)
        records = load.stop()
        process_stop(server)
        connection.close()  # this process's connection died with the server
        ok, observed, parts, unclean = _outage_judge(records, **marks)
        for title, part in parts:
            counts = {}
            for r in part:
                counts[(r[1], r[2])] = counts.get((r[1], r[2]), 0) + 1
            self.stdout.write(f"  {title}: {dict(sorted(counts.items(), key=str))}")
        if unclean:
            self.stdout.write(
                "  first unclean answers (s after the stop began, path, status): "
                f"{[(round(r[0] - marks['stop_begin'], 2), r[1], r[2]) for r in unclean[:8]]}"
            )
        return [
            "PostgreSQL restarted under web load",
            "503 + message during the outage, /healthz 503; all 200 ≤ 5 s after",
            observed,
            bool(ok),
        ]

    def _gunicorn_start(self, port):
        log = open(self.logdir / "gunicorn.log", "wb")  # noqa: SIM115 - kept open for the server's life
        env = {**self._worker_env(), "DEBUG": "1", "ALLOWED_HOSTS": "127.0.0.1", "LOG_LEVEL": "WARNING"}
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "-c", "python:factcheck.gunicorn_conf", "factcheck.wsgi",
             "-w", "2", "-b", f"127.0.0.1:{port}",
             "--timeout", "30", "--graceful-timeout", "5"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        self.procs.append(server)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if request(port, "GET", "/healthz")[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        return server

    # --- output ------------------------------------------------------------------------------------

    def _table(self, rows):
        self.stdout.write("")
        self.stdout.write(f"{'scenario':38} | {'expected':58} | {'result':6} | {'took':5} | observed")
        self.stdout.write("-" * 160)
        for scenario, expected, observed, ok, took in rows:
            self.stdout.write(f"{scenario:38} | {expected:58} | {'PASS' if ok else 'FAIL':6} | {took:>5} | {observed}")


class _WebLoad:
    """Logged-in clients cycling through a few pages; records (t, path, status, latency, says_unavailable)."""

    def __init__(self, port, cookies):
        self.port, self.cookies = port, cookies
        self.paths = ["/healthz", reverse("claims:queue"), reverse("claims:articles")]
        self.records = []
        self.lock = threading.Lock()
        self.halt = threading.Event()
        self.threads = []

    def _client(self, k):
        i = k
        while not self.halt.is_set():
            path = self.paths[i % len(self.paths)]
            i += 1
            started = time.monotonic()
            try:
                status, body, _ = request(self.port, "GET", path, cookies=self.cookies, timeout=15)
                says = b"Temporarily unavailable" in body or b'"database": {"ok": false' in body
            except OSError as exc:
                status, says = exc.__class__.__name__, False
            with self.lock:
                self.records.append((started, path, status, time.monotonic() - started, says))
            time.sleep(0.02)

    def start(self, clients):
        self.threads = [threading.Thread(target=self._client, args=(k,), daemon=True) for k in range(clients)]
        for t in self.threads:
            t.start()

    def stop(self):
        self.halt.set()
        for t in self.threads:
            t.join(timeout=30)
        return self.records


def _outage_judge(records, *, stop_begin, down_at, start_begin, up_at):
    """(ok, the observed line, [(title, records)] before/outage/after, unclean answers) of a restart."""

    def clean(r):  # a 200, or a 503 that says what happened
        return r[2] == 200 or (r[2] == 503 and r[4])

    before = [r for r in records if r[0] + r[3] < stop_begin]
    # While the stop and start commands run the server is going down or coming up: either
    # answer is fine there, as long as it is clean.
    during = [r for r in records if down_at <= r[0] and r[0] + r[3] <= start_begin]
    after = [r for r in records if r[0] >= up_at]
    unclean = [r for r in records if not clean(r)]
    during_bad = [r for r in during if not (r[2] == 503 and r[4])]
    during_health = {r[2] for r in during if r[1] == "/healthz"}
    # Recovery: from when on after PostgreSQL is back has every answer been a 200?
    last_bad = max((r[0] + r[3] for r in after if r[2] != 200), default=up_at)
    recovered_in = last_bad - up_at
    after_health = [r[2] for r in after if r[1] == "/healthz"]
    ok = (
        all(r[2] == 200 for r in before)
        and during
        and not during_bad
        and not unclean
        and during_health == {503}
        and recovered_in <= 5
        and after_health
        and after_health[-1] == 200
        and any(r[0] - up_at > recovered_in for r in after)
    )
    statuses = {}
    for r in during:
        statuses[r[2]] = statuses.get(r[2], 0) + 1
    observed = (
        f"before: {sum(r[2] == 200 for r in before)}/{len(before)} 200; down {start_begin - down_at:.1f} s "
        f"(+{down_at - stop_begin:.1f} s stopping, {up_at - start_begin:.1f} s starting): {len(during)} answers "
        f"{dict(sorted(statuses.items(), key=str))}, {len(during_bad)} not a 503 with the message, slowest "
        f"{max((r[3] for r in during), default=0) * 1000:.0f} ms, /healthz {sorted(during_health, key=str)}; "
        f"{len(unclean)} unclean answers overall; all 200 again {recovered_in:.1f} s after it was back "
        f"({sum(r[2] == 200 for r in after)}/{len(after)} 200 after), /healthz last {after_health[-1:]}"
    )
    return ok, observed, [("before", before), ("outage", during), ("after", after)], during_bad + unclean
