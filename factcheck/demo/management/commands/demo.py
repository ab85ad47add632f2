"""Create (or refresh) the demo newsroom: users per role, sources, claimants, three articles."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from factcheck.claims.services import article_submit
from factcheck.demo import content
from factcheck.factchecks.services import known_import
from factcheck.newsrooms.models import Membership, Newsroom
from factcheck.sources.models import Claimant, Source
from factcheck.verdicts.models import rating_scale_seed


class Command(BaseCommand):
    help = "Create the demo newsroom with one user per role and three articles (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            newsroom, _ = Newsroom.objects.get_or_create(
                slug="demo-desk", defaults={"name": "Demo Desk", "url": "https://factcheck.example.org/"}
            )
            rating_scale_seed(newsroom)
            users = self._users(newsroom)
            outlets = self._sources(newsroom)
            for name, role, kind, same_as in content.CLAIMANTS:
                Claimant.objects.update_or_create(
                    newsroom=newsroom, name=name, defaults={"role": role, "kind": kind, "same_as": same_as}
                )
            known_import(newsroom=newsroom, data=content.KNOWN_FACTCHECKS)  # matched once the articles are extracted
            created = 0
            for item in content.ARTICLES:
                result = article_submit(
                    newsroom=newsroom,
                    user=users["checker"],
                    title=item["title"],
                    body=item["body"],
                    url=item["url"],
                    outlet=outlets.get(item["outlet"]),
                    published_on=item["published_on"],
                )
                created += result.created
        self.stdout.write(self.style.SUCCESS(f"Demo newsroom '{newsroom}': {created} new article(s)."))
        self.stdout.write("Demo logins (username / password / role):")
        for username, role, password, _, _ in content.USERS:
            self.stdout.write(f"  {username:8} / {password:18} / {role}")

    def _users(self, newsroom):
        User = get_user_model()
        users = {}
        for username, role, password, superuser, (first, last) in content.USERS:
            user, _ = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
            user.first_name, user.last_name = first, last
            user.set_password(password)
            user.is_staff = user.is_superuser = superuser
            user.save()
            Membership.objects.update_or_create(user=user, newsroom=newsroom, defaults={"role": role})
            users[username] = user
        return users

    def _sources(self, newsroom):
        sources = {}
        for name, url, kind, credibility, notes in content.SOURCES:
            source, _ = Source.objects.update_or_create(
                newsroom=newsroom,
                name=name,
                defaults={"url": url, "kind": kind, "credibility": credibility, "notes": notes},
            )
            sources[name] = source
        return sources
