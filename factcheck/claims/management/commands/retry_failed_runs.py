from django.core.management.base import BaseCommand

from factcheck.claims.services import extraction_retry_failed
from factcheck.newsrooms.commands import newsroom_argument, newsroom_from_slug


class Command(BaseCommand):
    help = "Start a new extraction run for every article whose latest run failed."

    def add_arguments(self, parser):
        newsroom_argument(parser, required=False)

    def handle(self, *args, newsroom=None, **options):
        room = newsroom_from_slug(newsroom) if newsroom else None
        started = extraction_retry_failed(newsroom=room)
        self.stdout.write(self.style.SUCCESS(f"{started} failed article(s) queued for extraction again."))
