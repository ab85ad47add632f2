"""Match a newsroom's statements against its known fact-checks again, from scratch (a backfill)."""

from django.core.management.base import BaseCommand

from factcheck.factchecks.models import KnownFactCheck
from factcheck.factchecks.services import MATCH_CHUNK, known_from_verdict, matches_for_known
from factcheck.newsrooms.commands import newsroom_argument, newsroom_from_slug
from factcheck.verdicts.models import Verdict


class Command(BaseCommand):
    help = (
        "Record every published verdict of a newsroom as a known fact-check and match all its known "
        "fact-checks against its statements again (after an upgrade, or a change of thresholds)."
    )

    def add_arguments(self, parser):
        newsroom_argument(parser)

    def handle(self, *args, newsroom, **options):
        room = newsroom_from_slug(newsroom)
        verdict_ids = list(Verdict.objects.for_newsroom(room).published().values_list("pk", flat=True))
        own = sum(1 for pk in verdict_ids if known_from_verdict(verdict_id=pk) is not None)
        imported = list(
            KnownFactCheck.objects.for_newsroom(room)
            .filter(origin=KnownFactCheck.Origin.IMPORTED)
            .values_list("pk", flat=True)
        )
        matches = 0
        for i in range(0, len(imported), MATCH_CHUNK):
            matches += matches_for_known(known_ids=imported[i : i + MATCH_CHUNK])
        self.stdout.write(
            self.style.SUCCESS(
                f"{room.slug}: {own} own verdict(s) recorded; {len(imported)} imported fact-check(s) matched, "
                f"{matches} match(es)."
            )
        )
