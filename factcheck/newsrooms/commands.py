"""What management commands that work on one newsroom share: the --newsroom SLUG option."""

from django.core.management.base import CommandError

from factcheck.newsrooms.models import Newsroom


def newsroom_argument(parser, *, required=True):
    help_text = "The newsroom's slug." if required else "Only this newsroom (its slug)."
    parser.add_argument("--newsroom", required=required, help=help_text)


def newsroom_from_slug(slug):
    """The newsroom named on the command line; CommandError (a clear message, exit 1) when none has it."""
    room = Newsroom.objects.filter(slug=slug).first()
    if room is None:
        raise CommandError(f"No newsroom with the slug {slug!r}.")
    return room
