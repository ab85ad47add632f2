"""Writes and workflows of the reports room: request an export, run it, prune old files.

Small reports are written straight into the response (see views.builder); a report with more
verdicts than its format's inline limit becomes a ReportExport row (PENDING) and a Celery task on
the `reports` queue. The task takes the row with a conditional UPDATE (PENDING → RUNNING), writes
the file outside any transaction with progress (done/total verdicts), stores it under
MEDIA_ROOT/exports/<newsroom>/ and finishes with a second conditional UPDATE. A redelivered task
finds the row already taken or finished and does nothing.

Limits and retention (settings read at call time, defaults here):
- REPORTS_INLINE_MAX: verdicts a format writes inline; more runs as a job. CSV and JSON-LD 2,000
  (one to two seconds of streaming), PDF 25 (WeasyPrint needs roughly 0.1-0.3 s per verdict
  section, so a request stays within a few seconds; see `manage.py bench_exports`).
- REPORTS_RETENTION_DAYS: export files are deleted this many days after they finish (7); the row
  stays, marked expired, so the list still shows who exported what.
"""

import logging
import tempfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from factcheck.core.jobs import JobProgress, JobType, job_enqueue, job_fail, job_finish, job_mine, job_sweep, job_take
from factcheck.newsrooms.models import Membership
from factcheck.reports.models import ReportExport
from factcheck.reports.selection import FILTER_KEYS, report_rows, report_verdicts

logger = logging.getLogger(__name__)

Status = ReportExport.Status
DEFAULT_INLINE_MAX = {"csv": 2000, "jsonld": 2000, "pdf": 25}
DEFAULT_RETENTION_DAYS = 7
ITERATOR_CHUNK = 500


def inline_limit(fmt):
    return {**DEFAULT_INLINE_MAX, **getattr(settings, "REPORTS_INLINE_MAX", {})}[fmt]


def retention_days():
    return getattr(settings, "REPORTS_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)


def report_runs_inline(*, fmt, count):
    """Whether a report of `count` verdicts is written straight into the response."""
    return count <= inline_limit(fmt)


# --- request --------------------------------------------------------------------------------


@transaction.atomic
def report_export_request(
    *, newsroom, user, format: str, filters: dict, base_url: str, internal: bool = False, bom: bool = False
) -> ReportExport:
    """Save a PENDING export and enqueue it once the transaction commits."""
    if internal and not user.memberships.filter(newsroom=newsroom, role=Membership.Role.ADMIN).exists():
        raise ValidationError({"internal": "Only newsroom admins can export private evidence."})
    unknown = set(filters) - set(FILTER_KEYS)
    if unknown:
        raise ValidationError({"filters": f"Unknown filters: {', '.join(sorted(unknown))}"})
    export = ReportExport(
        newsroom=newsroom,
        requested_by=user,
        format=format,
        filters=filters,
        internal=internal,
        bom=bom and format == ReportExport.Format.CSV,
        base_url=base_url,
    )
    export.full_clean()
    export.save()
    transaction.on_commit(lambda: report_export_enqueue(export_id=export.pk))
    return export


def report_export_enqueue(*, export_id):
    """Hand an export to the broker; if the broker is down the row stays PENDING and the sweep sends it."""
    from factcheck.reports.tasks import reports_export_task

    return job_enqueue(task=reports_export_task, job_model=ReportExport, pk=export_id)


def _time_limit_message():
    return (
        f"The export was stopped after {settings.REPORTS_SOFT_TIME_LIMIT} s, its time limit. Narrow the "
        "filters (fewer verdicts) and request it again."
    )


EXPORT_JOB = JobType(
    model=ReportExport,
    queue="reports",
    enqueue=lambda pk: report_export_enqueue(export_id=pk),
    soft_time_limit=lambda: settings.REPORTS_SOFT_TIME_LIMIT,
    time_limit_message=_time_limit_message,
)


# --- the run --------------------------------------------------------------------------------


def report_write(*, export, verdicts, target, on_row=None, total=None):
    """Write the report of `verdicts` in the export's format to the binary file `target`.

    total: how many verdicts `verdicts` yields, when known. Returns (rows written, skipped list).
    Shared by the job and the benchmark.
    """
    from factcheck.reports import claimreview, csvexport, pdf

    skipped = []
    if export.format == ReportExport.Format.CSV:
        rows = 0

        def count(n):
            nonlocal rows
            rows = n
            if on_row:
                on_row(n)

        for line in csvexport.csv_lines(
            verdicts, base_url=export.base_url, bom=export.bom, on_row=count, internal=export.internal
        ):
            target.write(line.encode("utf-8"))
        return rows, skipped
    if export.format == ReportExport.Format.JSONLD:
        bounds = claimreview.scale_bounds(export.newsroom)
        seen = 0

        def count(n):
            nonlocal seen
            seen = n
            if on_row:
                on_row(n)

        chunks = claimreview.jsonld_chunks(
            verdicts, base_url=export.base_url, bounds=bounds, skipped=skipped, on_row=count
        )
        for chunk in chunks:
            target.write(chunk.encode("utf-8"))
        return seen - len(skipped), skipped
    rows = pdf.pdf_write(export=export, verdicts=verdicts, target=target, on_row=on_row, total=total)
    return rows, skipped


def report_export_run(*, export_id):
    """Run one export. Idempotent: returns early when the row is gone, taken or finished."""
    if not job_take(EXPORT_JOB, export_id):
        return None
    export = ReportExport.objects.select_related("newsroom", "requested_by").get(pk=export_id)
    try:
        verdicts = report_verdicts(
            newsroom=export.newsroom, filters=export.filters, with_body=export.format == ReportExport.Format.PDF
        )
        total = verdicts.count()
        job_mine(EXPORT_JOB, export_id, export.attempts).update(progress_total=total)
        progress = JobProgress(EXPORT_JOB, export_id, export.attempts, total=total, interval=0.25, write_last=True)
        with tempfile.TemporaryFile() as fh:
            rows, skipped = report_write(
                export=export,
                verdicts=report_rows(verdicts, internal=export.internal, chunk_size=ITERATOR_CHUNK),
                target=fh,
                on_row=progress,
                total=total,
            )
            size = fh.tell()
            fh.seek(0)
            name = default_storage.save(f"exports/{export.newsroom_id}/{export.download_name}", File(fh))
    except Exception as exc:  # the export's failure is the job's failure, not the worker's
        logger.exception("report export %s failed", export_id)
        message = f"The export failed ({exc.__class__.__name__}: {str(exc)[:300]})."
        job_fail(EXPORT_JOB, export_id, export.attempts, message)
        return None
    fields = {"progress_done": total, "file": name, "size_bytes": size, "rows": rows, "skipped": skipped}
    if not job_finish(EXPORT_JOB, export_id, export.attempts, **fields):
        default_storage.delete(name)
        logger.warning("report export %s was reclaimed while running; file discarded", export_id)
        return None
    export.refresh_from_db()
    return export


def report_export_sweep(*, now=None):
    """Re-send, take back or fail stuck exports: the shared policy of core.jobs.job_sweep."""
    return job_sweep(EXPORT_JOB, now=now)


# --- prune ----------------------------------------------------------------------------------


def report_prune(*, now=None):
    """Delete export files older than the retention; the row stays, marked expired. Returns {"expired": n}."""
    now = now or timezone.now()
    cutoff = now - timezone.timedelta(days=retention_days())
    expired = 0
    old = ReportExport.objects.filter(status=Status.SUCCEEDED, finished_at__lt=cutoff, expired_at__isnull=True)
    for export in old.only("pk", "file")[:1000]:
        if export.file:
            try:
                default_storage.delete(export.file.name)
            except OSError as exc:
                logger.warning("could not delete export file %s: %s", export.file.name, exc)
                continue
        expired += ReportExport.objects.filter(pk=export.pk, expired_at__isnull=True).update(expired_at=now, file="")
    return {"expired": expired}
