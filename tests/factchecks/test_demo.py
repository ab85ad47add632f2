"""The demo newsroom (make run) shows a statement already checked elsewhere."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command

from factcheck.claims.models import Claim
from factcheck.core.people import full_name
from factcheck.factchecks.models import KnownFactCheck


def test_the_demo_imports_known_checks_that_match_its_rail_article(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", stdout=io.StringIO())
    assert KnownFactCheck.objects.filter(newsroom__slug="demo-desk").count() == 3
    matched = Claim.objects.filter(newsroom__slug="demo-desk", has_known_match=True)
    assert matched.exists()
    assert all("Northern Line Rail" in c.article.title for c in matched.select_related("article"))


def test_the_demo_people_have_full_names_for_exports(db):
    # Exports and public pages name people by their full name only (never the login): without one the
    # demo's CSV had empty author and reviewer columns.
    call_command("demo", stdout=io.StringIO())
    people = get_user_model().objects.filter(memberships__newsroom__slug="demo-desk")
    assert people.count() == 5 and all(full_name(u) for u in people)
