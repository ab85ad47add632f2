"""Import other organisations' ClaimReview JSON-LD into a newsroom's known fact-checks."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from factcheck.factchecks.services import MAX_IMPORT_BYTES, known_import, known_import_url
from factcheck.newsrooms.commands import newsroom_argument, newsroom_from_slug


class Command(BaseCommand):
    help = (
        "Import ClaimReview JSON-LD (a file or an http(s) feed URL) into a newsroom's known fact-checks. "
        "Idempotent: records are upserted on URL + claim text. Bad records are listed by position and skipped."
    )

    def add_arguments(self, parser):
        newsroom_argument(parser)
        parser.add_argument("source", help="A JSON / JSON-LD file, or an http(s) URL fetched through the SSRF guard.")

    def handle(self, *args, source, newsroom, **options):
        room = newsroom_from_slug(newsroom)
        if source.lower().startswith(("http://", "https://")):
            report = known_import_url(newsroom=room, url=source)
        else:
            path = Path(source)
            if not path.is_file():
                raise CommandError(f"No such file: {source}")
            if path.stat().st_size > MAX_IMPORT_BYTES:
                raise CommandError(f"{source} is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB.")
            report = known_import(newsroom=room, raw=path.read_bytes())
        for position, message in report.errors:
            where = f"record {position}" if position else "feed"
            self.stderr.write(f"{where}: {message}")
        if report.read == 0 and report.errors:
            raise CommandError("Nothing imported.")
        self.stdout.write(
            self.style.SUCCESS(
                f"{room.slug}: {report.created} created, {report.updated} updated, {report.unchanged} unchanged, "
                f"{len(report.errors)} skipped with errors."
            )
        )
