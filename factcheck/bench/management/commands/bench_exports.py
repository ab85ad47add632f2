"""Benchmark the report exports on throwaway data; prints a table.

    python manage.py bench_exports            # CSV 10k + 100k, PDF 100 + 1,000, JSON-LD 10k
    python manage.py bench_exports --quick    # CSV 1k + 10k, PDF 20 + 100, JSON-LD 1k

Data: a newsroom named "bench-exports-<timestamp>" with bulk-created articles, statements,
published verdicts and evidence, built inside ONE transaction in the configured database
(DATABASE_URL) that is rolled back at the end, so nothing is left behind. Each row is timed
writing to a temporary file. "Peak memory" is the peak of Python allocations (tracemalloc) while
the file is written, from the query to the last byte, measured on a second CSV run (tracing slows
Python several times, so times come from the untraced run): it is what grows if an export stops
streaming. For PDF, whose memory is mostly WeasyPrint's layout, the column is the process's resident
high-water mark during that export (Linux VmHWM, reset before each run). WeasyPrint is imported and
warmed up (one tiny render) before the first PDF, as a worker does once in its life, and that time is
printed apart; each PDF row then says its pages/s against issue 15's targets. `--pdf-whole` adds, beside
each PDF row, the same report laid out as one document (the pre-parts way), for a side-by-side ratio.
On PostgreSQL the tables are ANALYZEd after the data is built, as autovacuum would.
"""

import datetime
import gc
import re
import subprocess
import tempfile
import time
import tracemalloc

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone

from factcheck.bench.benchdata import bulk_verdicts
from factcheck.newsrooms.models import Membership, Newsroom
from factcheck.reports.models import ReportExport
from factcheck.reports.pdf import pdf_write
from factcheck.reports.selection import report_rows, report_verdicts
from factcheck.reports.services import ITERATOR_CHUNK, report_write
from factcheck.verdicts.models import rating_scale_seed


class _Rollback(Exception):
    pass


def _reset_rss_peak():
    """Reset Linux's resident high-water mark (VmHWM) of this process; a no-op elsewhere."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def _rss_peak():
    """VmHWM in bytes (Linux), else None."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _pdf_pages(path):
    """Page count through poppler's pdfinfo (poppler-utils); None when it is not installed."""
    try:
        done = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True)  # noqa: S603, S607
    except (OSError, subprocess.CalledProcessError):
        return None
    match = re.search(r"^Pages:\s+(\d+)", done.stdout, re.M)
    return int(match.group(1)) if match else None


class Command(BaseCommand):
    help = "Time CSV, PDF and JSON-LD exports (and CSV peak memory) on throwaway data; prints a table."

    def add_arguments(self, parser):
        parser.add_argument("--quick", action="store_true", help="Ten times smaller, for a smoke run.")
        parser.add_argument(
            "--formats", default="csv,pdf,jsonld", help="Comma-separated subset of csv,pdf,jsonld (default: all)."
        )
        parser.add_argument(
            "--pdf-whole", action="store_true", help="Also lay each PDF out as one document (the old way)."
        )

    def handle(self, *args, quick=False, formats="csv,pdf,jsonld", pdf_whole=False, **options):
        self.pdf_whole = pdf_whole
        scale = 10 if quick else 1
        plan = [
            ("csv", 10_000 // scale),
            ("csv", 100_000 // scale),
            ("pdf", 100 // scale * (2 if quick else 1)),
            ("pdf", 1_000 // scale),
            ("jsonld", 10_000 // scale),
        ]
        wanted = {f.strip() for f in formats.split(",") if f.strip()}
        plan = [(fmt, n) for fmt, n in plan if fmt in wanted]
        vendor = connection.vendor
        name = connection.settings_dict["NAME"]
        self.stdout.write(f"bench_exports on {vendor} database {name!s}: throwaway data, rolled back at the end")
        results = []
        # DEBUG keeps every SQL statement in connection.queries_log; production does not, so neither do we.
        try:
            with override_settings(DEBUG=False), transaction.atomic():
                results = self._run(plan)
                raise _Rollback
        except _Rollback:
            pass
        self._table(results)

    def _run(self, plan):
        stamp = timezone.now().strftime("%Y%m%d%H%M%S")
        users = get_user_model().objects
        author = users.create_user(username=f"bench-author-{stamp}")
        reviewer = users.create_user(username=f"bench-reviewer-{stamp}")
        sizes = sorted({n for _, n in plan})
        rooms = {}
        built = 0
        for n in sizes:
            # one newsroom per size, each holding exactly n verdicts
            room = Newsroom.objects.create(name=f"bench-exports-{stamp}-{n}", url="https://bench.example.org/")
            rating_scale_seed(room)
            Membership.objects.create(user=author, newsroom=room, role="editor")
            started = time.perf_counter()
            bulk_verdicts(newsroom=room, n=n, author=author, reviewer=reviewer)
            built += n
            self.stdout.write(f"  built {n:>7,} verdicts in {time.perf_counter() - started:6.1f} s")
            rooms[n] = room
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # fresh rows have no planner statistics yet
                for table in ("claims_article", "claims_claim", "verdicts_verdict", "verdicts_evidence"):
                    cursor.execute(f"ANALYZE {table}")
        if any(fmt == "pdf" for fmt, _ in plan):
            # a worker imports WeasyPrint and loads its fonts once in its life, not once a report
            started = time.perf_counter()
            from weasyprint import HTML

            HTML(string="<p>warm-up</p>").write_pdf()
            seconds = time.perf_counter() - started
            self.stdout.write(f"  WeasyPrint import + first render (not in the times below): {seconds:.1f} s")
        results = []
        for fmt, n in plan:
            room = rooms[n]
            export = ReportExport(
                newsroom=room, requested_by=author, format=fmt, filters={}, base_url="https://bench.example.org/",
                created_at=timezone.now(),
            )  # fmt: skip
            variants = [("", None)]
            if fmt == "pdf" and self.pdf_whole:
                variants.append((" whole", 10**9))
            for label, part in variants:
                _reset_rss_peak()
                seconds, rows, size, pages, _ = self._export(export, fmt, n, trace=False, part=part)
                peak = self._export(export, fmt, n, trace=True)[4] if fmt == "csv" else _rss_peak()
                results.append({"format": fmt + label, "n": n, "rows": rows, "seconds": seconds, "peak": peak,
                                "size": size, "pages": pages})  # fmt: skip
                self.stdout.write(f"  {fmt + label:<9} {n:>7,}: {seconds:6.2f} s")
        return results

    def _export(self, export, fmt, n, trace, part=None):
        """One export into a temporary file: (seconds, rows, bytes, pages, peak traced bytes)."""
        with tempfile.NamedTemporaryFile(suffix=f".{fmt}") as fh:
            gc.collect()
            if trace:
                tracemalloc.start()
            started = time.perf_counter()
            verdicts = report_rows(
                report_verdicts(newsroom=export.newsroom, filters={}, with_body=fmt == "pdf"), chunk_size=ITERATOR_CHUNK
            )
            if part:
                rows = pdf_write(export=export, verdicts=verdicts, target=fh, total=n, part=part)
            else:
                rows, _ = report_write(export=export, verdicts=verdicts, target=fh, total=n)
            fh.flush()
            seconds = time.perf_counter() - started
            peak = None
            if trace:
                peak = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
            size = fh.tell()
            pages = _pdf_pages(fh.name) if fmt == "pdf" else None
        return seconds, rows, size, pages, peak

    def _table(self, results):
        out = self.stdout.write
        out("")
        out(f"{'export':<10}{'verdicts':>10}{'time (s)':>10}{'rows/s':>10}{'peak MiB':>10}{'file MiB':>10}{'pages':>8}")
        for r in results:
            rate = r["rows"] / r["seconds"] if r["seconds"] else 0
            pages = str(r["pages"]) if r["pages"] is not None else "—"
            peak = f"{r['peak'] / 2**20:.1f}" if r["peak"] is not None else "—"
            out(
                f"{r['format']:<10}{r['n']:>10,}{r['seconds']:>10.2f}{rate:>10,.0f}{peak:>10}"
                f"{r['size'] / 2**20:>10.1f}{pages:>8}"
            )
        csvs = [r for r in results if r["format"] == "csv"]
        if len(csvs) == 2:
            small, large = sorted(csvs, key=lambda r: r["n"])
            ratio = large["peak"] / small["peak"] if small["peak"] else float("inf")
            verdict = "MET" if ratio <= 1.2 else "MISSED"
            out("")
            out(f"CSV peak memory {large['n']:,} vs {small['n']:,}: {ratio:.2f}x (target <= 1.2x): {verdict}")
        for pdf in [r for r in results if r["format"] == "pdf"]:
            if pdf["pages"]:  # issue 15: >= 5 pages/s, and 1,000 verdicts in <= 60 s
                rate = pdf["pages"] / pdf["seconds"]
                verdict = "MET" if rate >= 5 and (pdf["n"] < 1000 or pdf["seconds"] <= 60) else "MISSED"
                out(f"PDF {pdf['n']:,}: {pdf['pages']} pages in {pdf['seconds']:.1f} s, {rate:.1f} pages/s "
                    f"(target >= 5 pages/s{', <= 60 s' if pdf['n'] >= 1000 else ''}): {verdict}")  # fmt: skip
            whole = next((r for r in results if r["format"] == "pdf whole" and r["n"] == pdf["n"]), None)
            if whole and pdf["peak"] and whole["peak"]:
                out(f"PDF {pdf['n']:,}: peak RSS in parts {pdf['peak'] / 2**20:.0f} MiB vs as one document "
                    f"{whole['peak'] / 2**20:.0f} MiB ({whole['peak'] / pdf['peak']:.1f}x); "
                    f"{pdf['pages'] or 0} pages at {(pdf['pages'] or 0) / pdf['seconds']:.1f} pages/s")  # fmt: skip
        out("(PDF peak = resident high-water of the whole process during that export, baseline included)")
        out(f"generated {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC")
