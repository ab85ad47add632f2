"""Benchmark the extraction pipeline end to end against the configured PostgreSQL and Redis.

Prints, in one run on the same texts:

- in-process: the extractor's throughput on one core, and for each worker count N the throughput of N
  forked extractor processes side by side (what N cores give when they work at once: shared caches,
  memory bandwidth and other tenants included), and the write path's time per article, one
  article per transaction (results_write) and EXTRACTION_BATCH_SIZE articles per transaction
  (results_write_many), beside the extraction's time per article;
- for each worker count N (each `celery worker -c N` started by this command) and each mode:
  `runs` (one task per article, as single submits) and `import` (the texts imported through
  claims.importing.articles_import, which sends its runs in batches), articles/s and statements/s and
  the ratio of end-to-end throughput to N × in-process throughput (the issue's target) and to the N
  extractors side by side;
- with the last worker count on an idle queue: one article at a time submitted through article_submit,
  the latency until its statements are visible (p50, p95).

Texts come from ../shared/data/bbc-news-fulltext at run time (never stored in the repo); with
--generate they are synthesised instead.
"""

import json
import os
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from factcheck.bench.harness import process_stop, worker_start
from factcheck.claims.importing import articles_import
from factcheck.claims.models import Article, Claim, ExtractionRun, content_hash
from factcheck.claims.results import RunResult, results_write, results_write_many
from factcheck.claims.services import article_submit, extraction_enqueue
from factcheck.newsrooms.models import Newsroom

ROOT = Path(__file__).resolve().parents[4]
BBC = ROOT.parent / "shared" / "data" / "bbc-news-fulltext" / "articles.jsonl"
Status = ExtractionRun.Status
DONE = [Status.SUCCEEDED, Status.FAILED]


class Command(BaseCommand):
    help = "End-to-end pipeline benchmark (needs PostgreSQL via DATABASE_URL and Redis via CELERY_BROKER_URL)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--workers", default="2", help="worker process counts to measure, e.g. 1,2")
        parser.add_argument("--mode", default="runs,import", help="runs (a task per article), import, or both")
        parser.add_argument("--chunk", type=int, default=100, help="import: lines per transaction")
        parser.add_argument("--latency", type=int, default=20, help="single submits timed to visible (0: none)")
        parser.add_argument("--data", default=str(BBC), help="articles.jsonl with {title, text} per line")
        parser.add_argument("--generate", action="store_true", help="synthesise texts instead of reading --data")
        parser.add_argument("--timeout", type=int, default=1800)

    def handle(self, *args, articles, workers, mode, chunk, latency, data, generate, timeout, **options):
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise CommandError("Set CELERY_BROKER_URL to a Redis URL: this measures the real queue.")
        if connection.vendor != "postgresql":
            raise CommandError("Set DATABASE_URL to PostgreSQL: this measures the real database.")
        texts = self._texts(articles, data, generate)
        counts = [int(n) for n in workers.split(",") if n.strip()]
        modes = [m.strip() for m in mode.split(",") if m.strip()]
        if set(modes) - {"runs", "import"}:
            raise CommandError("--mode takes runs, import or runs,import")
        self.stdout.write(f"{len(texts)} articles, {sum(map(len, texts)):,} characters; extractor in-process first")
        newsroom = self._newsroom()
        inproc, statements, extractions = self._in_process(texts)
        rows = [("in-process extraction, 1 core", inproc, len(texts) / inproc, statements / inproc, None, None)]
        side = {n: _side_by_side(texts, n) for n in counts}
        for n, secs in side.items():
            rows.append((f"in-process, {n} side by side", secs, len(texts) / secs, statements / secs, None, None))
        writes = self._writes(newsroom, texts, extractions)
        self.stdout.write(f"messages left in the bench broker's queues, dropped: {_queues_purge()}")
        for n in counts:
            # the deployment's worker (README): extraction and the default queue, where each written batch sends
            # its known fact-check matching
            worker = worker_start(f"bench{n}", queues=QUEUES, concurrency=n)
            try:
                for m in modes:
                    elapsed, found, lat = self._end_to_end(newsroom, texts, m, chunk, timeout, worker.pid)
                    ratio = ((len(texts) / elapsed) / (n * len(texts) / inproc), side[n] / elapsed)
                    label = f"{m}, {n} worker process{'es' if n > 1 else ''}"
                    if m == "import":
                        label = f"import ({settings.EXTRACTION_BATCH_SIZE}/batch), {n} workers"
                    rows.append((label, elapsed, len(texts) / elapsed, found / elapsed, ratio, lat))
                submit_latency = self._submit_latency(newsroom, texts, latency, timeout) if n == counts[-1] else []
            finally:
                process_stop(worker)
        self._report(rows, len(texts) / inproc, writes, submit_latency)
        _bench_rows_delete(newsroom)

    def _report(self, rows, per_s, writes, submit_latency):
        self.stdout.write("")
        self.stdout.write(
            f"{'mode':34} {'seconds':>8} {'articles/s':>11} {'statements/s':>13} {'vs N×in-proc':>13} "
            f"{'vs N side by side':>18} {'p50 ms':>8} {'p95 ms':>8}"
        )
        for label, secs, aps, sps, ratio, lat in rows:
            ratio_s, side_s = (f"{ratio[0]:.0%}", f"{ratio[1]:.0%}") if ratio is not None else ("—", "—")
            self.stdout.write(
                f"{label:34} {secs:8.2f} {aps:11.1f} {sps:13.0f} {ratio_s:>13} {side_s:>18} "
                f"{_p50(lat):>8} {_p95(lat):>8}"
            )
        self.stdout.write("target: import with 2 processes ≥ 80% of 2 × in-process throughput")
        self.stdout.write("")
        self.stdout.write(f"per article, in-process: extraction {1000 / per_s:.1f} ms")
        for label, ms in writes:
            self.stdout.write(f"per article, in-process: write, {label} {ms:.1f} ms")
        if submit_latency:
            self.stdout.write(
                f"single submit → statements visible, idle queue, {len(submit_latency)} articles: "
                f"p50 {_p50(submit_latency)} ms, p95 {_p95(submit_latency)} ms (target p95 ≤ 1000 ms)"
            )

    def _cpu_report(self, mode, before, after, elapsed, articles):
        """Where the CPU went, in ms per article, beside what the cores offered (ms per article × cores)."""
        used = {}
        for key, value in after.items():
            if isinstance(value, dict):  # per backend: one that connected during the run started at 0
                value = sum(cpu - before[key].get(pid, 0.0) for pid, cpu in value.items())
                used[key] = value * 1000 / articles
            else:
                used[key] = (value - before[key]) * 1000 / articles
        parts = ", ".join(f"{k} {v:.1f}" for k, v in used.items())
        total = sum(v for k, v in used.items() if not k.startswith("of which"))
        offered = elapsed * 1000 / articles * (os.cpu_count() or 1)
        self.stdout.write(
            f"{mode}: CPU ms per article: {parts}; sum {total:.1f} of {offered:.1f} offered by "
            f"{os.cpu_count()} cores (the rest went to other tenants or idled)"
        )

    def _texts(self, n, data, generate):
        if generate:
            from factcheck.demo.content import ARTICLES

            base = [a["body"] for a in ARTICLES]
            # the demo texts vary in their figures; a copy marker keeps every generated text distinct
            return [f"{base[i % len(base)].replace('550', str(1000 + i))}\n\n(copy {i})" for i in range(n)]
        path = Path(data)
        if not path.exists():
            raise CommandError(f"{path} not found: pass --data or --generate")
        texts, seen = [], set()
        with open(path, encoding="utf-8") as f:
            for line in f:
                item = json.loads(line)
                text = f"{item.get('title', '')}\n\n{item['text']}"
                if content_hash(text) in seen:  # the corpus holds a few duplicate stories
                    continue
                seen.add(content_hash(text))
                texts.append(text)
                if len(texts) == n:
                    break
        while len(texts) < n:  # fewer lines than asked: repeat with a marker so hashes differ
            texts.append(f"{texts[len(texts) % max(1, len(texts))]}\n\n(copy {len(texts)})")
        return texts

    def _newsroom(self):
        newsroom, _ = Newsroom.objects.get_or_create(slug="bench-pipeline", defaults={"name": "Pipeline benchmark"})
        _bench_rows_delete(newsroom)
        return newsroom

    def _in_process(self, texts):
        from factcheck.extraction import extract

        extract(texts[0])  # warm up (model load)
        started, cpu = time.perf_counter(), time.process_time()
        extractions = [extract(t) for t in texts]
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        self.stdout.write(
            f"in-process extraction: {elapsed * 1000 / len(texts):.1f} ms per article, "
            f"{cpu * 1000 / len(texts):.1f} ms of CPU"
        )
        return elapsed, sum(len(e.statements) for e in extractions), extractions

    def _writes(self, newsroom, texts, extractions):
        """The write path's ms per article: one article per transaction, then a batch per transaction."""
        size = settings.EXTRACTION_BATCH_SIZE
        timed = []
        for label, per_call in (("one article a transaction", 1), (f"{size} articles a transaction", size)):
            runs = self._taken_runs(newsroom, texts)
            results = [RunResult(run, e, 0) for run, e in zip(runs, extractions, strict=True)]
            started = time.perf_counter()
            for i in range(0, len(runs), per_call):
                batch = results[i : i + per_call]
                if per_call == 1:
                    results_write(run=batch[0].run, extraction=batch[0].extraction, duration_ms=0)
                else:
                    results_write_many(batch)
            timed.append((label, (time.perf_counter() - started) * 1000 / len(runs)))
            _bench_rows_delete(newsroom)
        return timed

    def _taken_runs(self, newsroom, texts):
        """Articles with RUNNING runs (attempt 1), as a worker holds them just before the write."""
        articles = Article.objects.bulk_create(
            Article(newsroom=newsroom, title=f"Bench {i}", body=t, content_hash=content_hash(t))
            for i, t in enumerate(texts)
        )
        return ExtractionRun.objects.bulk_create(
            ExtractionRun(newsroom=newsroom, article=a, status=Status.RUNNING, attempts=1) for a in articles
        )

    def _end_to_end(self, newsroom, texts, mode, chunk, timeout, worker_pid):
        cpu = _cpu_snapshot(worker_pid)
        started = time.perf_counter()
        if mode == "import":
            lines = (json.dumps({"title": f"Bench {i}", "text": t}) for i, t in enumerate(texts))
            report = articles_import(newsroom=newsroom, user=None, lines=lines, chunk_size=chunk)
            wall = time.perf_counter() - started
            self.stdout.write(
                f"import: the importer returned after {wall:.2f} s ({wall * 1000 / len(texts):.2f} ms a line)"
            )
            if report.imported != len(texts):
                raise CommandError(f"import: {report.imported} imported, errors {report.errors[:3]}")
        else:
            articles = Article.objects.bulk_create(
                Article(newsroom=newsroom, title=f"Bench {i}", body=t, content_hash=content_hash(t))
                for i, t in enumerate(texts)
            )
            runs = ExtractionRun.objects.bulk_create(ExtractionRun(newsroom=newsroom, article=a) for a in articles)
            for run in runs:
                extraction_enqueue(run_id=run.pk)
        self._wait_done(newsroom, started + timeout)
        elapsed = time.perf_counter() - started
        self._cpu_report(mode, cpu, _cpu_snapshot(worker_pid), elapsed, len(texts))
        failed = ExtractionRun.objects.filter(newsroom=newsroom, status=Status.FAILED).count()
        if failed:
            raise CommandError(f"{failed} runs failed")
        found = Claim.objects.filter(newsroom=newsroom).count()
        rows = list(ExtractionRun.objects.filter(newsroom=newsroom).only("finished_at", "enqueued_at", "started_at"))
        latencies = [(r.finished_at - r.enqueued_at).total_seconds() * 1000 for r in rows]
        in_task = [(r.finished_at - r.started_at).total_seconds() * 1000 for r in rows]
        self.stdout.write(
            f"{mode}: mean time from take to finish (extract + database, a batch's wait included) "
            f"{statistics.mean(in_task):.1f} ms per article"
        )
        _bench_rows_delete(newsroom)
        return elapsed, found, latencies

    def _wait_done(self, newsroom, deadline):
        pending = ExtractionRun.objects.filter(newsroom=newsroom).exclude(status__in=DONE)
        while pending.exists():
            if time.perf_counter() > deadline:
                raise CommandError("runs not finished in time")
            time.sleep(0.05)

    def _submit_latency(self, newsroom, texts, count, timeout):
        """Submit one article at a time on an idle queue; ms until its statements are visible."""
        latencies = []
        for i, text in enumerate(texts[:count]):
            started = time.perf_counter()
            result = article_submit(newsroom=newsroom, user=None, title=f"Single {i}", body=text)
            visible = Claim.objects.filter(article=result.article)
            finished = ExtractionRun.objects.filter(pk=result.run.pk, status__in=DONE)
            while not (visible.exists() or finished.exists()):
                if time.perf_counter() - started > timeout:
                    raise CommandError("a single submit was not extracted in time")
                time.sleep(0.005)
            latencies.append((time.perf_counter() - started) * 1000)
        _bench_rows_delete(newsroom)
        return latencies


QUEUES = "extraction,default"


def _side_by_side(texts, n):
    """Seconds for n forked processes to extract the texts between them (each every n-th text), the
    extractor loaded once before the fork as the workers do (celeryd_after_setup)."""
    import multiprocessing

    from factcheck.extraction import extract

    extract(texts[0])
    ctx = multiprocessing.get_context("fork")
    started = time.perf_counter()
    procs = [ctx.Process(target=_extract_share, args=(texts, i, n)) for i in range(n)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    if any(p.exitcode for p in procs):
        raise CommandError("an in-process extractor failed")
    return time.perf_counter() - started


def _extract_share(texts, i, n):
    from factcheck.extraction import extract

    for text in texts[i::n]:
        extract(text)


def _queues_purge():
    """Drop messages an earlier run left in the bench broker's queues (e.g. one stopped part-way): its tasks
    would run during this one's timing and name rows that are gone."""
    from factcheck.celery import app

    with app.connection_for_write() as conn:
        return sum(conn.default_channel.queue_purge(queue) or 0 for queue in QUEUES.split(","))


def _bench_rows_delete(newsroom):
    """Remove the benchmark's own rows between measurements, then VACUUM what they leave behind.

    Plain DELETEs (no ORM cascade: it would write a history row per statement, 20,000 a mode), and the
    VACUUM now rather than an autovacuum in the middle of the next mode's measurement. A row that
    another table still references (none should) falls back to the ORM's cascade."""
    from django.db import IntegrityError, transaction

    try:
        with transaction.atomic(), connection.cursor() as cursor:
            for table in ("claims_claim", "claims_extractionrun", "claims_article"):
                cursor.execute(f"DELETE FROM {table} WHERE newsroom_id = %s", [newsroom.pk])  # noqa: S608
    except IntegrityError:
        Article.objects.filter(newsroom=newsroom).delete()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) claims_claim, claims_extractionrun, claims_article")


def _p50(values):
    return f"{statistics.median(values):.0f}" if values else "—"


def _p95(values):
    return f"{statistics.quantiles(values, n=20)[-1]:.0f}" if values and len(values) > 1 else "—"


def _proc_stat(pid):
    """(pid, parent pid, own CPU s, reaped children's CPU s, process name) from /proc (Linux), or None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            raw = f.read()
    except OSError:
        return None
    name = raw[raw.index("(") + 1 : raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2 :].split()
    tick = os.sysconf("SC_CLK_TCK")
    own = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    reaped = (int(fields[13]) + int(fields[14])) / tick  # cutime, cstime
    return int(pid), int(fields[1]), own, reaped, name


def _cpu_snapshot(worker_pid):
    """CPU seconds so far of: the worker process and its pool, this process, every PostgreSQL process (other
    databases' work included: the server is shared), Redis. A process's exited children count once reaped."""
    stats = [st for pid in os.listdir("/proc") if pid.isdigit() and (st := _proc_stat(pid))]
    by_parent = {}
    for st in stats:
        by_parent.setdefault(st[1], []).append(st)

    def tree(root):
        return root[2] + root[3] + sum(tree(child) for child in by_parent.get(root[0], []))

    def named(name):
        roots = [st for st in stats if st[4] == name and all(p[0] != st[1] or p[4] != name for p in stats)]
        return sum(tree(root) for root in roots)

    worker = next((st for st in stats if st[0] == worker_pid), None)
    return {
        "workers": tree(worker) if worker else 0.0,
        "this process": time.process_time(),
        "postgres": named("postgres"),
        "of which this database's connections": _database_backends(stats),
        "redis": named("redis-server"),
    }


def _database_backends(stats):
    """{pid: CPU s} of the PostgreSQL backends connected to this benchmark's database (their process title
    names it); the workers keep theirs open (CONN_MAX_AGE), so a run's delta is theirs and the importer's."""
    name = connection.settings_dict["NAME"]
    backends = {}
    for pid, _, own, _, proc_name in stats:
        if proc_name != "postgres":
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                title = f.read().decode("utf-8", "replace")
        except OSError:
            continue
        if f" {name} " in title:
            backends[pid] = own
    return backends
