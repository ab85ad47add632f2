"""Benchmark the extraction pipeline end to end against the configured PostgreSQL and Redis.

Prints, in one run on the same texts: the in-process extractor throughput, then articles/s and
statements/s through the broker with 1 and 2 worker processes (each `celery worker -c N` started
by this command), and the ratio of end-to-end throughput to N × in-process throughput.
Texts come from ../shared/data/bbc-news-fulltext at run time (never stored in the repo); with
--generate they are synthesised instead.
"""

import json
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from factcheck.bench.harness import process_stop, worker_start
from factcheck.claims.models import Article, Claim, ExtractionRun, content_hash
from factcheck.claims.services import extraction_enqueue
from factcheck.newsrooms.models import Newsroom

ROOT = Path(__file__).resolve().parents[4]
BBC = ROOT.parent / "shared" / "data" / "bbc-news-fulltext" / "articles.jsonl"


class Command(BaseCommand):
    help = "End-to-end pipeline benchmark (needs PostgreSQL via DATABASE_URL and Redis via CELERY_BROKER_URL)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--workers", default="1,2", help="worker process counts to measure, e.g. 1,2")
        parser.add_argument("--data", default=str(BBC), help="articles.jsonl with {title, text} per line")
        parser.add_argument("--generate", action="store_true", help="synthesise texts instead of reading --data")
        parser.add_argument("--timeout", type=int, default=1800)

    def handle(self, *args, articles, workers, data, generate, timeout, **options):
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise CommandError("Set CELERY_BROKER_URL to a Redis URL: this measures the real queue.")
        if connection.vendor != "postgresql":
            raise CommandError("Set DATABASE_URL to PostgreSQL: this measures the real database.")
        texts = self._texts(articles, data, generate)
        counts = [int(n) for n in workers.split(",") if n.strip()]
        self.stdout.write(f"{len(texts)} articles, {sum(map(len, texts)):,} characters; extractor in-process first")

        from factcheck.extraction import extract

        extract(texts[0])  # warm up (model load)
        started = time.perf_counter()
        statements = sum(len(extract(t).statements) for t in texts)
        inproc = time.perf_counter() - started
        rows = [("in-process, 1 core", inproc, len(texts) / inproc, statements / inproc, None, None)]

        for n in counts:
            elapsed, found, latencies = self._end_to_end(texts, n, timeout)
            ratio = (len(texts) / elapsed) / (n * len(texts) / inproc)
            rows.append(
                (f"end to end, {n} worker process{'es' if n > 1 else ''}", elapsed, len(texts) / elapsed,
                 found / elapsed, ratio, latencies)
            )  # fmt: skip

        self.stdout.write("")
        self.stdout.write(
            f"{'mode':34} {'seconds':>8} {'articles/s':>11} {'statements/s':>13} {'vs N×in-proc':>13} "
            f"{'p50 ms':>8} {'p95 ms':>8}"
        )
        for label, secs, aps, sps, ratio, lat in rows:
            ratio_s = f"{ratio:.0%}" if ratio is not None else "—"
            p50 = f"{statistics.median(lat):.0f}" if lat else "—"
            p95 = f"{statistics.quantiles(lat, n=20)[-1]:.0f}" if lat and len(lat) > 1 else "—"
            self.stdout.write(f"{label:34} {secs:8.2f} {aps:11.1f} {sps:13.0f} {ratio_s:>13} {p50:>8} {p95:>8}")
        self.stdout.write("target: end to end with 2 processes ≥ 80% of 2 × in-process throughput")

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

    def _end_to_end(self, texts, n, timeout):
        newsroom, _ = Newsroom.objects.get_or_create(slug="bench-pipeline", defaults={"name": "Pipeline benchmark"})
        Article.objects.filter(newsroom=newsroom).delete()
        articles = Article.objects.bulk_create(
            Article(newsroom=newsroom, title=f"Bench {i}", body=t, content_hash=content_hash(t))
            for i, t in enumerate(texts)
        )
        runs = ExtractionRun.objects.bulk_create(ExtractionRun(newsroom=newsroom, article=a) for a in articles)
        worker = self._start_worker(n)
        try:
            started = time.perf_counter()
            for run in runs:
                extraction_enqueue(run_id=run.pk)
            deadline = started + timeout
            pending = ExtractionRun.objects.filter(newsroom=newsroom).exclude(
                status__in=[ExtractionRun.Status.SUCCEEDED, ExtractionRun.Status.FAILED]
            )
            while pending.exists():
                if time.perf_counter() > deadline:
                    raise CommandError(f"runs not finished after {timeout} s")
                time.sleep(0.05)
            elapsed = time.perf_counter() - started
        finally:
            self._stop_worker(worker)
        failed = ExtractionRun.objects.filter(newsroom=newsroom, status=ExtractionRun.Status.FAILED).count()
        if failed:
            raise CommandError(f"{failed} runs failed")
        found = Claim.objects.filter(newsroom=newsroom).count()
        rows = list(ExtractionRun.objects.filter(newsroom=newsroom).only("finished_at", "enqueued_at", "started_at"))
        latencies = [(r.finished_at - r.enqueued_at).total_seconds() * 1000 for r in rows]
        in_task = [(r.finished_at - r.started_at).total_seconds() * 1000 for r in rows]
        self.stdout.write(
            f"{n} worker process(es): mean time inside the task (extract + database) "
            f"{statistics.mean(in_task):.1f} ms per article"
        )
        Article.objects.filter(newsroom=newsroom).delete()
        return elapsed, found, latencies

    def _start_worker(self, n):
        return worker_start(f"bench{n}", queues="extraction", concurrency=n)

    def _stop_worker(self, proc):
        process_stop(proc)
