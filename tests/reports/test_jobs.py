"""Export jobs through a real Celery worker on Redis, and the service paths around them."""

import time

import pytest

from django.core.files.storage import default_storage
from django.utils import timezone

from factcheck.bench.benchdata import bulk_verdicts
from factcheck.reports.models import ReportExport
from factcheck.reports.services import report_export_request, report_export_run, report_prune

Status = ReportExport.Status


def _watch(export_id, timeout=120):
    """Poll the row every few ms until it finishes; return the (status, done, total) states seen."""
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        row = ReportExport.objects.values_list("status", "progress_done", "progress_total").get(pk=export_id)
        if not seen or seen[-1] != row:
            seen.append(row)
        if row[0] in (Status.SUCCEEDED, Status.FAILED):
            return seen
        time.sleep(0.005)
    raise AssertionError(f"export {export_id} did not finish: {seen[-5:]}")


@pytest.mark.worker
def test_it_runs_an_export_through_a_real_worker(worker_processes, newsroom, editor, colleague, tmp_path):
    # given 3,000 published verdicts and a worker writing under a temporary MEDIA_ROOT
    bulk_verdicts(newsroom=newsroom, n=3000, author=editor, reviewer=colleague)
    worker_processes.start(extra_env={"MEDIA_ROOT": str(tmp_path)})
    # when an editor requests a CSV
    export = report_export_request(
        newsroom=newsroom, user=editor, format="csv", filters={}, base_url="https://desk.example.org/"
    )
    seen = _watch(export.pk)
    # then it went PENDING → RUNNING with growing progress → SUCCEEDED with a file
    assert seen[0][0] == Status.PENDING
    running = [s for s in seen if s[0] == Status.RUNNING]
    assert running, seen
    assert any(0 < done < total == 3000 for _, done, total in running), seen
    assert [d for _, d, _ in running] == sorted(d for _, d, _ in running)
    assert seen[-1] == (Status.SUCCEEDED, 3000, 3000)
    export.refresh_from_db()
    assert export.rows == 3000 and export.attempts == 1 and export.finished_at
    path = tmp_path / export.file.name
    assert path.exists() and path.stat().st_size == export.size_bytes
    assert export.file.name.startswith(f"exports/{newsroom.pk}/")
    assert sum(1 for _ in path.open(encoding="utf-8")) == 3001


@pytest.mark.worker
def test_it_fails_an_export_the_worker_cannot_write(worker_processes, newsroom, editor, colleague, tmp_path):
    # given a worker whose MEDIA_ROOT is a file, so the export cannot be stored
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")
    bulk_verdicts(newsroom=newsroom, n=50, author=editor, reviewer=colleague)
    worker_processes.start(extra_env={"MEDIA_ROOT": str(blocker)})
    export = report_export_request(
        newsroom=newsroom, user=editor, format="jsonld", filters={}, base_url="https://desk.example.org/"
    )
    seen = _watch(export.pk)
    assert seen[-1][0] == Status.FAILED
    export.refresh_from_db()
    assert export.message.startswith("The export failed (")
    assert "Error" in export.message  # NotADirectoryError / FileExistsError, named for the editor
    assert not export.file and export.finished_at


def test_it_enqueues_after_commit(newsroom, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        export = report_export_request(
            newsroom=newsroom, user=editor, format="csv", filters={}, base_url="https://x.example/"
        )
    assert export.status == Status.PENDING and len(callbacks) == 1


def test_it_refuses_internal_exports_from_non_admins(newsroom, editor):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        report_export_request(
            newsroom=newsroom, user=editor, format="csv", filters={}, base_url="https://x.example/", internal=True
        )


def test_it_does_nothing_for_a_finished_or_missing_export(newsroom, editor, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    export = ReportExport.objects.create(newsroom=newsroom, format="csv", base_url="https://x.example/")
    assert report_export_run(export_id=export.pk).status == Status.SUCCEEDED
    assert report_export_run(export_id=export.pk) is None  # redelivered: already finished
    assert report_export_run(export_id=999999) is None
    export.refresh_from_db()
    assert export.attempts == 1


def test_it_prunes_files_after_the_retention(newsroom, editor, colleague, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.REPORTS_RETENTION_DAYS = 7
    bulk_verdicts(newsroom=newsroom, n=5, author=editor, reviewer=colleague)
    old = report_export_run(
        export_id=ReportExport.objects.create(newsroom=newsroom, format="csv", base_url="https://x.example/").pk
    )
    fresh = report_export_run(
        export_id=ReportExport.objects.create(newsroom=newsroom, format="csv", base_url="https://x.example/").pk
    )
    ReportExport.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timezone.timedelta(days=8))
    old_name = old.file.name
    counts = report_prune()
    assert counts["expired"] == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.expired_at and not old.file and not default_storage.exists(old_name)
    assert fresh.is_downloadable and default_storage.exists(fresh.file.name)
