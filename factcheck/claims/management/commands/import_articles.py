"""manage.py import_articles FILE.jsonl --newsroom SLUG [--user NAME] [--chunk N]

A line with a "url" and no "text" becomes an article submitted by URL: its page is fetched and read by
the extraction run (README, "Fetching articles by URL")."""

import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from factcheck.claims.importing import articles_import
from factcheck.newsrooms.commands import newsroom_argument, newsroom_from_slug


class Command(BaseCommand):
    help = "Import articles from a JSON-lines file and queue their extraction. Bad lines are reported and skipped."

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            help='JSON lines: {"title", "text", "url"?, "published"?, "outlet"?}, or a "url" without "text" '
            "(the page is fetched by the extraction run); - for stdin",
        )
        newsroom_argument(parser)
        parser.add_argument("--user", help="username recorded as the submitter")
        parser.add_argument("--chunk", type=int, default=500, help="lines per transaction (default 500)")

    def handle(self, *args, file, newsroom, user, chunk, **options):
        room = newsroom_from_slug(newsroom)
        submitter = None
        if user:
            submitter = get_user_model().objects.filter(username=user).first()
            if submitter is None:
                raise CommandError(f"No user {user!r}")
        if chunk < 1:
            raise CommandError("--chunk must be at least 1")
        stream = sys.stdin.buffer if file == "-" else self._open(file)
        try:
            report = articles_import(
                newsroom=room, user=submitter, lines=stream, chunk_size=chunk, on_progress=self._progress
            )
        finally:
            if stream is not sys.stdin.buffer:
                stream.close()
        self.stderr.write("")
        for number, reason in report.errors:
            self.stdout.write(f"line {number}: {reason}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.imported} imported, {report.duplicates} duplicates skipped, "
                f"{len(report.errors)} lines with errors"
            )
        )

    def _open(self, path):
        try:
            return open(path, "rb")  # noqa: SIM115 - closed in handle()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from None

    def _progress(self, report):
        self.stderr.write(
            f"\r{report.lines} lines: {report.imported} imported, {report.duplicates} duplicates, "
            f"{len(report.errors)} errors",
            ending="",
        )
        self.stderr.flush()
