"""`manage.py rollup [--rebuild | --compact | --check] [--newsroom SLUG]`: upkeep of the dashboard's rollup.

--rebuild recounts every tally from the statements and verdicts (exact while people work: one
newsroom per transaction, each a single snapshot); --compact folds the delta rows the triggers
wrote into one row per key; --check compares the rollup with the live scans and exits 1 on a
difference. PostgreSQL only (elsewhere the dashboard counts live and there is nothing to keep).
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from factcheck.claims import rollup as claim_rollup
from factcheck.newsrooms.models import Newsroom
from factcheck.verdicts import dashboard, rollup


class Command(BaseCommand):
    help = "Rebuild, compact or check the dashboard's rollup (PostgreSQL)."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--rebuild", action="store_true", help="recount every tally from scratch")
        action.add_argument("--compact", action="store_true", help="fold the delta rows into one row per key")
        action.add_argument("--check", action="store_true", help="compare with the live counts; exit 1 on a difference")
        parser.add_argument("--newsroom", help="slug of one newsroom (default: all)")

    def handle(self, *args, rebuild, compact, check, newsroom, **options):
        if not claim_rollup.available():
            raise CommandError("The rollup is kept by PostgreSQL triggers; this database has none.")
        rooms = Newsroom.objects.order_by("pk")
        if newsroom:
            rooms = rooms.filter(slug=newsroom)
            if not rooms.exists():
                raise CommandError(f"No newsroom {newsroom!r}.")
        one = rooms.get().pk if newsroom else None
        if rebuild:
            count = rollup.rollup_rebuild(newsroom_id=one)
            self.stdout.write(f"rebuilt the rollup of {count} newsroom(s)")
        elif compact:
            rollup.rollup_compact(newsroom_id=one)
            self.stdout.write("compacted")
        else:
            self._check(rooms)

    def _check(self, rooms):
        today = timezone.localdate()
        wrong = []
        for room in rooms:
            live, kept = dashboard.live_counts(room, today), dashboard.rollup_counts(room, today)
            differ = [key for key in live if live[key] != kept[key]]
            self.stdout.write(f"{room.slug}: {'differs in ' + ', '.join(differ) if differ else 'exact'}")
            wrong += differ
        if wrong:
            raise CommandError("The rollup differs from the live counts: run `manage.py rollup --rebuild`.")
