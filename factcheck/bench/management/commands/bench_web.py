"""Web latency benchmark: the review screens served by gunicorn against the configured PostgreSQL.

`manage.py bench_web [--users 50] [--duration 60] [--json FILE]` runs, at the archive's current size
(build it with `bench_seed`):

1. collectstatic, then gunicorn (`-w 3`, DEBUG off, 127.0.0.1 only) on the configured database;
2. an isolated pass: one logged-in client, each screen requested `--samples` times in turn, so a
   screen's latency is its own cost (no queueing behind other requests);
3. a load pass: `--users` clients (each its own bench user and session), no think time, cycling
   through every screen for `--duration` seconds; latency here includes the wait for a free worker;
4. p50/p95/p99 and errors per screen for both passes, and the floor: `/healthz` (one `SELECT 1`) and
   the anonymous login page, the cheapest views on the same stack.

`--compare A.json B.json` prints the two runs side by side: p95(B)/p95(A) per screen (target ≤ 1.3)
and p50 against the floor (target ≤ 3×). `--explain` prints EXPLAIN (ANALYZE, BUFFERS) of the
queue's main query and of the search and count queries. A screen whose URL does not exist yet
prints "n/a".
"""

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
from django.db import connection
from django.urls import NoReverseMatch, reverse

from factcheck.bench.harness import HOST, login, process_stop, request, summarise
from factcheck.bench.management.commands.bench_seed import BENCH_PASSWORD
from factcheck.claims.models import Article, Claim
from factcheck.newsrooms.models import Membership, Newsroom

ROOT = Path(__file__).resolve().parents[4]
FLOOR = "floor: /healthz"
FILTERS = {"status": "new", "type": "numeric", "min_score": "0.5"}


class Screen:
    def __init__(self, name, paths, anonymous=False, headers=None):
        self.name = name
        self.paths = paths  # list of paths to cycle through; None = the URL does not exist (yet)
        self.anonymous = anonymous
        self.headers = headers


def _screen_get(port, screen, path, cookies, *, timeout):
    """GET one of a screen's paths as its persona (anonymous screens without the session); the status."""
    return request(
        port, "GET", path, cookies=None if screen.anonymous else cookies, headers=screen.headers, timeout=timeout
    )[0]


class Command(BaseCommand):
    help = "p50/p95/p99 and errors per review screen, served by gunicorn (needs PostgreSQL and bench_seed data)."

    def add_arguments(self, parser):
        parser.add_argument("--users", type=int, default=50, help="concurrent clients in the load pass (≤ 200)")
        parser.add_argument("--duration", type=int, default=60, help="seconds of the load pass (≤ 600)")
        parser.add_argument("--samples", type=int, default=100, help="requests per screen in the isolated pass")
        parser.add_argument(
            "--screen-seconds",
            type=float,
            default=30,
            help="isolated pass: stop a screen after this long (≥ 5 samples)",
        )
        parser.add_argument("--newsroom", default="bench")
        parser.add_argument("--search", default="unemployment", help="the search box's text")
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument("--gunicorn-workers", type=int, default=3)
        parser.add_argument("--label", default="", help="name of this run in the JSON and the compare table")
        parser.add_argument("--json", help="write the figures to this file")
        parser.add_argument("--explain", action="store_true", help="print EXPLAIN (ANALYZE, BUFFERS) of the queue")
        parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"), help="compare two --json files")

    def handle(self, *args, **opts):
        if opts["compare"]:
            return self._compare(*opts["compare"])
        if connection.vendor != "postgresql":
            raise CommandError("Set DATABASE_URL to PostgreSQL: this measures the real database.")
        users = max(1, min(opts["users"], 200))
        duration = max(5, min(opts["duration"], 600))
        room = Newsroom.objects.filter(slug=opts["newsroom"]).first()
        if room is None:
            raise CommandError(f"no newsroom {opts['newsroom']!r}: run bench_seed first")
        statements = Claim.objects.filter(newsroom__slug__startswith=opts["newsroom"]).count()
        label = opts["label"] or f"{statements:,} statements"
        rng = random.Random(5)
        screens = self._screens(room, opts["search"], rng)
        logins = self._users(room, users)

        if opts["explain"]:
            self._explain(room, opts["search"])

        server = self._start_gunicorn(opts["port"], opts["gunicorn_workers"])
        try:
            self.stdout.write(
                f"gunicorn -w {opts['gunicorn_workers']} on {HOST}:{opts['port']}; logging in {users} users"
            )
            sessions = self._login_all(opts["port"], logins)
            self.stdout.write(f"isolated pass: {opts['samples']} requests per screen, one client")
            isolated = self._isolated(opts["port"], sessions[0], screens, opts["samples"], opts["screen_seconds"])
            self.stdout.write(f"load pass: {users} clients for {duration} s, no think time")
            load, rps = self._load(opts["port"], sessions, screens, duration)
        finally:
            process_stop(server)

        result = {"label": label, "statements": statements, "users": users, "duration": duration,
                  "isolated": isolated, "load": load, "rps": rps, "search": opts["search"]}  # fmt: skip
        self._print_run(result)
        if opts["json"]:
            Path(opts["json"]).write_text(json.dumps(result, indent=1))

    # --- what to request -------------------------------------------------------------------------

    def _screens(self, room, search, rng):
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
            Screen(FLOOR, [url("healthz")]),
            Screen("floor: login page (anonymous)", [url("login")], anonymous=True),
            Screen("queue first page", [queue] if queue else None),
            Screen("filtered queue", [f"{queue}?{urlencode(FILTERS)}"] if queue else None),
            Screen("search", [f"{queue}?{urlencode({'q': search})}"] if queue else None),
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

    def _env(self):
        return {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-web-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "LOG_LEVEL": "WARNING",
        }

    def _start_gunicorn(self, port, workers):
        env = self._env()
        subprocess.run(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
        self.gunicorn_log = tempfile.NamedTemporaryFile(  # noqa: SIM115 - the server outlives this block
            prefix="bench-web-gunicorn-", suffix=".log", delete=False
        )
        proc = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "-c", "python:factcheck.gunicorn_conf", "factcheck.wsgi",
             "-w", str(workers), "-b", f"{HOST}:{port}",
             "--timeout", "60", "--graceful-timeout", "5", "--backlog", "256"],
            cwd=ROOT, env=env, stdout=self.gunicorn_log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise CommandError(f"gunicorn exited with {proc.returncode}; see {self.gunicorn_log.name}")
            try:
                if request(port, "GET", "/healthz")[0] == 200:
                    return proc
            except OSError:
                pass
            time.sleep(0.2)
        process_stop(proc)
        raise CommandError(f"gunicorn did not answer /healthz within 30 s; see {self.gunicorn_log.name}")

    # --- clients -----------------------------------------------------------------------------------

    def _login_all(self, port, usernames):
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

    def _isolated(self, port, cookies, screens, samples, seconds):
        figures = {}
        for screen in screens:
            if screen.paths is None:
                figures[screen.name] = None
                continue
            times, errors = [], 0
            give_up = time.monotonic() + seconds
            for i in range(samples + 5):
                if len(times) >= 5 and time.monotonic() > give_up:
                    break
                path = screen.paths[i % len(screen.paths)]
                started = time.perf_counter()
                try:
                    status = _screen_get(port, screen, path, cookies, timeout=60)
                except OSError:
                    status = 0
                elapsed = (time.perf_counter() - started) * 1000
                if i < 5 and elapsed < 1000:
                    continue  # warm-up: first hits fill the worker's caches (a slow screen skips it)
                times.append(elapsed)
                errors += status != 200
            figures[screen.name] = summarise(times, errors)
        return figures

    def _load(self, port, sessions, screens, duration):
        live = [s for s in screens if s.paths is not None]
        records = {s.name: [] for s in live}
        errors = {s.name: 0 for s in live}
        samples = []
        lock = threading.Lock()
        stop_at = time.monotonic() + duration

        def client(k, cookies):
            rng = random.Random(k)
            mine = {s.name: [] for s in live}
            bad = {s.name: 0 for s in live}
            i = k
            while time.monotonic() < stop_at:
                screen = live[i % len(live)]
                i += 1
                path = rng.choice(screen.paths)
                started = time.perf_counter()
                try:
                    status = _screen_get(port, screen, path, cookies, timeout=30)
                except OSError as exc:
                    status = f"{exc.__class__.__name__}"
                mine[screen.name].append((time.perf_counter() - started) * 1000)
                if status != 200:
                    bad[screen.name] += 1
                    with lock:
                        if len(samples) < 5:
                            samples.append(f"{status} {path}")
            with lock:
                for name in mine:
                    records[name].extend(mine[name])
                    errors[name] += bad[name]

        started = time.monotonic()
        threads = [threading.Thread(target=client, args=(k, c), daemon=True) for k, c in enumerate(sessions)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=duration + 60)
        elapsed = time.monotonic() - started
        if samples:
            self.stdout.write(f"  first errors: {'; '.join(samples)}")
        figures = {s.name: None for s in screens}
        figures.update({name: summarise(times, errors[name]) for name, times in records.items()})
        total = sum(len(t) for t in records.values())
        return figures, total / elapsed

    # --- output ------------------------------------------------------------------------------------

    def _print_run(self, result):
        self.stdout.write("")
        self.stdout.write(f"{result['label']}: search {result['search']!r}, filters {urlencode(FILTERS)}")
        for phase, title in (("isolated", "isolated (one client)"),
                             ("load", f"under load ({result['users']} clients, {result['duration']} s, "
                                      f"{result['rps']:.1f} req/s)")):  # fmt: skip
            self.stdout.write(f"  {title}")
            self.stdout.write(f"  {'screen':32} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
            for name, f in result[phase].items():
                if f is None:
                    self.stdout.write(f"  {name:32} {'n/a':>6}")
                else:
                    self.stdout.write(
                        f"  {name:32} {f['n']:6} {f['p50']:8.1f} {f['p95']:8.1f} {f['p99']:8.1f} {f['errors']:7}"
                    )

    def _compare(self, before_path, after_path):
        a = json.loads(Path(before_path).read_text())
        b = json.loads(Path(after_path).read_text())
        self.stdout.write("")
        self.stdout.write(f"before: {a['label']} ({a['statements']:,} statements); after: {b['label']} "
                          f"({b['statements']:,} statements); search {b['search']!r}")  # fmt: skip
        for phase, title in (("isolated", "isolated pass (one client, a screen's own cost)"),
                             ("load", f"load pass ({b['users']} clients, {b['duration']} s; "
                                      f"{a['rps']:.1f} → {b['rps']:.1f} req/s)")):  # fmt: skip
            floor = (b[phase].get(FLOOR) or {}).get("p50")
            self.stdout.write("")
            self.stdout.write(title)
            self.stdout.write(
                f"{'screen':32} {'p50 A':>7} {'p95 A':>7} {'p50 B':>7} {'p95 B':>7} {'p95 B/A':>8} {'≤1.3':>5} "
                f"{'p50 B/floor':>11} {'≤3×':>4} {'errors A/B':>10}"
            )
            names = [*a[phase], *(n for n in b[phase] if n not in a[phase])]
            for name in names:
                fa, fb = a[phase].get(name), b[phase].get(name)
                if fa is None or fb is None:
                    self.stdout.write(f"{name:32} {'n/a':>7}")
                    continue
                ratio = fb["p95"] / fa["p95"] if fa["p95"] else float("inf")
                vs_floor = fb["p50"] / floor if floor else float("nan")
                floor_row = name.startswith("floor")
                self.stdout.write(
                    f"{name:32} {fa['p50']:7.1f} {fa['p95']:7.1f} {fb['p50']:7.1f} {fb['p95']:7.1f} {ratio:8.2f} "
                    f"{'—' if floor_row else ('ok' if ratio <= 1.3 else 'MISS'):>5} {vs_floor:10.1f}× "
                    f"{'—' if floor_row else ('ok' if vs_floor <= 3 else 'MISS'):>4} "
                    f"{str(fa['errors']) + '/' + str(fb['errors']):>10}"
                )
        self.stdout.write("")
        self.stdout.write(
            "targets: p95 after ≤ 1.3 × p95 before for every screen; p50 ≤ 3 × the /healthz floor; 0 errors"
        )

    # --- EXPLAIN -----------------------------------------------------------------------------------

    def _explain(self, room, search):
        try:
            from factcheck.claims.views import PAGE_SIZE, queue_query
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
            ("search", {"q": search}, False),
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
