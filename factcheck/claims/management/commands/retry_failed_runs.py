from django.core.management.base import BaseCommand, CommandError

from factcheck.claims.services import extraction_retry_failed
from factcheck.newsrooms.models import Newsroom


class Command(BaseCommand):
    help = "Start a new extraction run for every article whose latest run failed."

    def add_arguments(self, parser):
        parser.add_argument("--newsroom", help="only this newsroom (slug)")

    def handle(self, *args, newsroom=None, **options):
        room = None
        if newsroom:
            room = Newsroom.objects.filter(slug=newsroom).first()
            if room is None:
                raise CommandError(f"No newsroom with slug {newsroom!r}")
        started = extraction_retry_failed(newsroom=room)
        self.stdout.write(self.style.SUCCESS(f"{started} failed article(s) queued for extraction again."))
