"""Web latency benchmark: the review screens served by gunicorn against PostgreSQL.

`manage.py bench_web [--against DATABASE_URL] [--users 50] [--duration 60] [--json FILE]` runs, at the
archives' current sizes (build them with `bench_seed`):

1. collectstatic, then one gunicorn (`-w 3`, DEBUG off, 127.0.0.1 only) per database: the configured
   one (A) and, with `--against`, a second one (B) on the next port;
2. an isolated pass: one signed-in client, each screen requested `--samples` times, A and B in turn
   request by request, so a screen's latency is its own cost and both sizes see the same machine;
3. a load pass per database, run by Locust headless (requirements/bench.txt; factcheck/bench/locustfile.py):
   `--users` signed-in bench users (each its own session), spawned at `--spawn-rate` per second,
   no think time unless `--think`, for `--duration` seconds; latency includes the wait for a free worker;
4. p50/p95/p99, errors (and req/s under load) per screen, with the machine's load average during
   each pass, and the floors: a signed-in empty page through the same middleware and base template
   (/bench/floor/, served only with FACTCHECK_BENCH=1), `/healthz` and the anonymous login page.

With `--against`, one table puts A and B side by side (p95 B/A per screen, target ≤ 1.3; p50 against
the floor, target ≤ 3×). `--compare A.json B.json` prints the same table from two saved runs.
`--explain` prints EXPLAIN (ANALYZE, BUFFERS) of the queue's queries on each database. `--no-isolated`
/ `--no-load` skip a pass (`make bench-load` is the load pass alone). A screen whose URL does not
exist yet prints "n/a".
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection
from django.urls import NoReverseMatch, reverse

from factcheck.bench.harness import HOST, ROOT, login, process_stop, request, summarise
from factcheck.bench.load import LoadAverage, locust_run, locust_version
from factcheck.bench.management.commands.bench_seed import BENCH_PASSWORD
from factcheck.bench.webreport import FLOOR, FLOOR_HEALTHZ, compare, compare_files, print_run
from factcheck.claims.models import Article, Claim
from factcheck.newsrooms.models import Membership, Newsroom

FILTERS = {"status": "new", "type": "numeric", "min_score": "0.5"}


class Screen:
    def __init__(self, name, paths, anonymous=False, headers=None):
        self.name = name
        self.paths = paths  # list of paths to cycle through; None = the URL does not exist (yet)
        self.anonymous = anonymous
        self.headers = headers

    def as_dict(self):
        return {"name": self.name, "paths": self.paths, "anonymous": self.anonymous, "headers": self.headers}


class Side:
    """One database under test: its archive, its screens, its bench users, its gunicorn and sessions."""

    def __init__(self, plan, database_url=None):
        self.label, self.statements = plan["label"], plan["statements"]
        self.screens = [Screen(**s) for s in plan["screens"]]
        self.users = plan["users"]
        self.database_url = database_url  # None: the configured database
        self.server = self.port = self.sessions = None


def _screen_get(port, screen, path, cookies, *, timeout):
    """GET one of a screen's paths as its persona (anonymous screens without the session); the status."""
    return request(
        port, "GET", path, cookies=None if screen.anonymous else cookies, headers=screen.headers, timeout=timeout
    )[0]


class Command(BaseCommand):
    help = "p50/p95/p99 and errors per review screen, served by gunicorn (needs PostgreSQL and bench_seed data)."

    def add_arguments(self, parser):
        parser.add_argument("--against", metavar="DATABASE_URL", help="a second archive, measured side by side")
        parser.add_argument("--users", type=int, default=50, help="Locust users in the load pass (≤ 200)")
        parser.add_argument("--spawn-rate", type=float, default=25, help="Locust users started per second (≤ 50)")
        parser.add_argument("--duration", type=int, default=60, help="seconds of the load pass (≤ 600)")
        parser.add_argument(
            "--think", type=float, default=0, help="load pass: seconds between a user's requests, on average (≤ 30)"
        )
        parser.add_argument("--samples", type=int, default=100, help="requests per screen in the isolated pass")
        parser.add_argument(
            "--screen-seconds",
            type=float,
            default=30,
            help="isolated pass: stop a screen after this long (≥ 5 samples)",
        )
        parser.add_argument(
            "--cold",
            action="store_true",
            help="skip reading each archive into the OS page cache first (pg_prewarm): measure what is on disk",
        )
        parser.add_argument("--no-isolated", action="store_true", help="skip the isolated pass")
        parser.add_argument("--no-load", action="store_true", help="skip the load pass")
        parser.add_argument("--newsroom", default="bench")
        parser.add_argument("--search", default="unemployment", help="the search box's text (a rare term)")
        parser.add_argument(
            "--search-frequent",
            default="government",
            help="a term with a full first page at every size: its cost grows with the matches to sort",
        )
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument("--gunicorn-workers", type=int, default=3)
        parser.add_argument("--label", default="", help="name of this run in the JSON and the compare table")
        parser.add_argument("--json", help="write the figures of the configured database to this file")
        parser.add_argument("--json-against", help="write the figures of --against to this file")
        parser.add_argument("--explain", action="store_true", help="print EXPLAIN (ANALYZE, BUFFERS) of the queue")
        parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"), help="compare two --json files")
        parser.add_argument("--plan-only", metavar="FILE", help=argparse.SUPPRESS)

    def handle(self, *args, **opts):
        if opts["compare"]:
            return compare_files(self.stdout, *opts["compare"])
        if connection.vendor != "postgresql":
            raise CommandError("Set DATABASE_URL to PostgreSQL: this measures the real database.")
        opts["users"] = max(1, min(opts["users"], 200))
        opts["duration"] = max(5, min(opts["duration"], 600))
        opts["spawn_rate"] = max(1.0, min(opts["spawn_rate"], 50.0))
        opts["think"] = max(0.0, min(opts["think"], 30.0))
        if opts["plan_only"]:  # the --against side's plan, made by a child process on that database
            Path(opts["plan_only"]).write_text(json.dumps(self._plan(opts)))
            return
        tool = None if opts["no_load"] else f"locust {locust_version()}"
        sides = [Side(self._plan(opts))]
        if opts["against"]:
            sides.append(Side(self._plan_elsewhere(opts), opts["against"]))
        if not opts["cold"]:
            for side in sides:
                self.stdout.write(f"{side.label}: {prewarm(side.database_url)}")
        try:
            for k, side in enumerate(sides):
                side.port = opts["port"] + k
                side.server = self._start_gunicorn(side.port, opts["gunicorn_workers"], side.database_url)
                self.stdout.write(f"{side.label}: gunicorn -w {opts['gunicorn_workers']} on {HOST}:{side.port}")
                side.sessions = self._login_all(side.port, side.users)
            results = [self._result(side, opts, tool) for side in sides]
            if not opts["no_isolated"]:
                self.stdout.write(f"isolated pass: {opts['samples']} requests per screen, one client, sides in turn")
                with LoadAverage() as load:
                    isolated = self._isolated(sides, opts["samples"], opts["screen_seconds"])
                for result, figures in zip(results, isolated, strict=True):
                    result["isolated"], result["loadavg"]["isolated"] = figures, load.figures()
            if not opts["no_load"]:
                for side, result in zip(sides, results, strict=True):
                    self._load(side, result, opts)
        finally:
            for side in sides:
                if side.server is not None:
                    process_stop(side.server)
        for result in results:
            print_run(self.stdout, result)
        if len(results) == 2:
            compare(self.stdout, *results)
        for result, path in zip(results, (opts["json"], opts["json_against"]), strict=False):
            if path:
                Path(path).write_text(json.dumps(result, indent=1))

    def _result(self, side, opts, tool):
        return {"label": side.label, "statements": side.statements, "users": opts["users"],
                "duration": opts["duration"], "spawn_rate": opts["spawn_rate"], "think": opts["think"],
                "search": f"{opts['search']}, frequent: {opts['search_frequent']}",
                "filters": urlencode(FILTERS), "load_tool": tool, "isolated": None, "load": None,
                "loadavg": {}}  # fmt: skip

    # --- what to request -------------------------------------------------------------------------

    def _plan(self, opts):
        room = Newsroom.objects.filter(slug=opts["newsroom"]).first()
        if room is None:
            raise CommandError(f"no newsroom {opts['newsroom']!r}: run bench_seed first")
        statements = Claim.objects.filter(newsroom__slug__startswith=opts["newsroom"]).count()
        if opts["explain"]:
            self._explain(room, (opts["search"], opts["search_frequent"]))
        return {
            "label": opts["label"] if opts["label"] and not opts["plan_only"] else f"{statements:,} statements",
            "statements": statements,
            "screens": [
                s.as_dict() for s in self._screens(room, (opts["search"], opts["search_frequent"]), random.Random(5))
            ],
            "users": self._users(room, opts["users"]),
        }

    def _plan_elsewhere(self, opts):
        """The --against database's plan, from a child process configured for it (prints its EXPLAIN)."""
        with tempfile.NamedTemporaryFile(prefix="bench-web-plan-", suffix=".json") as f:
            args = ["--plan-only", f.name, "--users", str(opts["users"]), "--newsroom", opts["newsroom"],
                    "--search", opts["search"], "--search-frequent", opts["search_frequent"],
                    *(["--explain"] if opts["explain"] else [])]  # fmt: skip
            subprocess.run(  # noqa: S603 - our own interpreter and arguments
                [sys.executable, "manage.py", "bench_web", *args],
                cwd=ROOT, env={**os.environ, "DATABASE_URL": opts["against"]}, check=True,
            )  # fmt: skip
            return json.loads(Path(f.name).read_text())

    def _screens(self, room, searches, rng):
        def url(name, *args):
            try:
                return reverse(name, args=args)
            except NoReverseMatch:
                return None

        queue = url("claims:queue")
        article_ids = list(Article.objects.filter(newsroom=room).order_by("?").values_list("pk", flat=True)[:200])
        claim_ids = list(Claim.objects.filter(newsroom=room).order_by("?").values_list("pk", flat=True)[:200])

        def many(name, ids):
            paths = [url(name, pk) for pk in ids]
            return paths if paths and paths[0] else None

        return [
            Screen(FLOOR, [url("bench:floor")]),
            Screen(FLOOR_HEALTHZ, [url("healthz")]),
            Screen("floor: login page (anonymous)", [url("login")], anonymous=True),
            Screen("queue first page", [queue] if queue else None),
            Screen("filtered queue", [f"{queue}?{urlencode(FILTERS)}"] if queue else None),
            Screen("search", [f"{queue}?{urlencode({'q': searches[0]})}"] if queue else None),
            Screen("search (frequent term)", [f"{queue}?{urlencode({'q': searches[1]})}"] if queue else None),
            Screen("article page", many("claims:article", article_ids)),
            Screen("statement review", many("verdicts:claim", claim_ids)),
            # The statement page's similar-statements panel, loaded by htmx after the page.
            Screen(
                "similar panel (htmx)",
                [f"{p}?tab=similar" for p in many("verdicts:claim", claim_ids) or []] or None,
                headers={"HX-Request": "true"},
            ),
            Screen("dashboard", [url("verdicts:dashboard")] if url("verdicts:dashboard") else None),
        ]

    def _users(self, room, n):
        """n bench users (editors of the bench newsroom), one per client, so no two share a session row."""
        User = get_user_model()
        password = make_password(BENCH_PASSWORD)
        names = [f"{room.slug}-load{i}" for i in range(n)]
        existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
        User.objects.bulk_create([User(username=name, password=password) for name in names if name not in existing])
        users = list(User.objects.filter(username__in=names))
        for user in users:
            if not user.check_password(BENCH_PASSWORD):
                user.password = password
                user.save(update_fields=["password"])
        Membership.objects.bulk_create(
            [Membership(user=u, newsroom=room, role=Membership.Role.EDITOR) for u in users], ignore_conflicts=True
        )
        return names

    # --- gunicorn --------------------------------------------------------------------------------

    def _env(self, database_url):
        return {
            **os.environ,
            **({"DATABASE_URL": database_url} if database_url else {}),
            "DEBUG": "0",
            "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-web-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "LOG_LEVEL": "WARNING",
        }

    def _start_gunicorn(self, port, workers, database_url):
        env = self._env(database_url)
        subprocess.run(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - the server outlives this block
            prefix="bench-web-gunicorn-", suffix=".log", delete=False
        )
        proc = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "-c", "python:factcheck.gunicorn_conf", "factcheck.wsgi",
             "-w", str(workers), "-b", f"{HOST}:{port}",
             "--timeout", "60", "--graceful-timeout", "5", "--backlog", "256"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise CommandError(f"gunicorn exited with {proc.returncode}; see {log.name}")
            try:
                if request(port, "GET", "/healthz")[0] == 200:
                    return proc
            except OSError:
                pass
            time.sleep(0.2)
        process_stop(proc)
        raise CommandError(f"gunicorn did not answer /healthz within 30 s; see {log.name}")

    # --- clients -----------------------------------------------------------------------------------

    def _login_all(self, port, usernames):
        """Every bench user logs in through the real login form (CSRF token, password check): its cookies."""
        sessions = [None] * len(usernames)

        def worker(indexes):
            for i in indexes:
                sessions[i] = login(port, usernames[i], BENCH_PASSWORD)

        threads = [threading.Thread(target=worker, args=(range(k, len(usernames), 4),)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return sessions

    def _isolated(self, sides, samples, seconds):
        """One client; per screen, each side in turn request by request. A list of figures per side."""
        figures = [{} for _ in sides]
        for screen in sides[0].screens:
            others = [next((s for s in side.screens if s.name == screen.name), None) for side in sides]
            if any(s is None or s.paths is None for s in others):
                for f in figures:
                    f[screen.name] = None
                continue
            times, errors = [[] for _ in sides], [0 for _ in sides]
            give_up = time.monotonic() + seconds * len(sides)
            for i in range(samples + 5):
                if min(len(t) for t in times) >= 5 and time.monotonic() > give_up:
                    break
                for j, (side, mine) in enumerate(zip(sides, others, strict=True)):
                    path = mine.paths[i % len(mine.paths)]
                    started = time.perf_counter()
                    try:
                        status = _screen_get(side.port, mine, path, side.sessions[0], timeout=60)
                    except OSError:
                        status = 0
                    elapsed = (time.perf_counter() - started) * 1000
                    if i < 5 and elapsed < 1000:
                        continue  # warm-up: first hits fill the worker's caches (a slow screen skips it)
                    times[j].append(elapsed)
                    errors[j] += status != 200
            for j, f in enumerate(figures):
                f[screen.name] = summarise(times[j], errors[j])
        return figures

    def _load(self, side, result, opts):
        self.stdout.write(
            f"load pass on {side.label}: Locust, {opts['users']} users, spawn {opts['spawn_rate']}/s, "
            f"{opts['duration']} s, think time {opts['think']} s"
        )
        with tempfile.NamedTemporaryFile(prefix="bench-web-locust-", suffix=".log", delete=False) as log:
            figures, total, failures, load = locust_run(
                side.port, side.screens, side.sessions, users=opts["users"], spawn_rate=opts["spawn_rate"],
                duration=opts["duration"], think=opts["think"], log=log,
            )  # fmt: skip
        result.update(load=figures, load_total=total, load_failures=failures)
        result["loadavg"]["load"] = load
        result["rps"] = total["rps"]

    # --- EXPLAIN -----------------------------------------------------------------------------------

    def _explain(self, room, searches):
        try:
            from factcheck.claims.queue import PAGE_SIZE, queue_query
        except ImportError:
            self.stdout.write("EXPLAIN: n/a (the queue view is not there)")
            return
        membership = Membership.objects.select_related("newsroom").get(
            newsroom=room, user__username=f"{room.slug}-editor"
        )
        related = ("article", "article__outlet", "assignee")
        cases = [
            ("queue first page (main query)", {}, False),
            ("queue count (capped)", {}, True),
            ("filtered queue", {"status": "new", "type": "numeric", "min_score": 0.5}, False),
            ("search", {"q": searches[0]}, False),
            ("search (frequent term)", {"q": searches[1]}, False),
        ]
        with connection.cursor() as cursor:
            cursor.execute("SET track_io_timing TO on")  # only for superusers; harmless otherwise
        for title, data, count in cases:
            qs, _ = queue_query(membership, data)
            if count:
                qs = qs.order_by()[:1001]
                sql, params = qs.query.sql_with_params()
                sql = f"SELECT COUNT(*) FROM ({sql}) subquery"  # noqa: S608 - Django-built SQL
            else:
                qs = qs.select_related(*related)[: PAGE_SIZE + 1]
                sql, params = qs.query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            self.stdout.write(f"\nEXPLAIN (ANALYZE, BUFFERS) — {title}")
            self.stdout.write(plan)
        self.stdout.write("")


_PREWARM_SQL = """
SELECT count(*), coalesce(sum(pg_prewarm(c.oid::regclass, 'read')), 0) * current_setting('block_size')::bigint
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'i', 'm') AND c.relpersistence = 'p'
"""


def prewarm(database_url=None) -> str:
    """Read every table and index of an archive into the OS page cache (pg_prewarm's 'read' mode: not into
    shared_buffers), so the two archives are compared in the same state. Without it the 10k archive is
    always in memory and the 1M one (2 GB) only partly, and the 1M side measures disk reads: the similar
    panel's p95 was 1.9-5.3x the 10k one cold and 1.16x warm (2026-12-03). A deployment sized so that its
    working set stays in memory sees the warm figures; `--cold` measures the other case."""
    import psycopg

    started = time.perf_counter()
    try:
        if database_url is None:
            with connection.cursor() as cursor:
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
                cursor.execute(_PREWARM_SQL)
                relations, size = cursor.fetchone()
        else:
            with psycopg.connect(database_url, autocommit=True) as conn:
                conn.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
                relations, size = conn.execute(_PREWARM_SQL).fetchone()
    except (DatabaseError, psycopg.Error) as exc:  # no extension, or no right to create it: measure, and say so
        return f"not prewarmed ({exc.__class__.__name__}: {str(exc).strip()[:120]}); measuring as it is"
    seconds = time.perf_counter() - started
    return f"prewarmed {relations} tables and indexes, {size / 2**20:,.0f} MB read in {seconds:.1f} s"
