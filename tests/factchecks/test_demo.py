"""The demo newsroom (make run) shows a statement already checked elsewhere."""

import io

from django.core.management import call_command

from factcheck.claims.models import Claim
from factcheck.factchecks.models import KnownFactCheck


def test_the_demo_imports_known_checks_that_match_its_rail_article(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", stdout=io.StringIO())
    assert KnownFactCheck.objects.filter(newsroom__slug="demo-desk").count() == 3
    matched = Claim.objects.filter(newsroom__slug="demo-desk", has_known_match=True)
    assert matched.exists()
    assert all("Northern Line Rail" in c.article.title for c in matched.select_related("article"))
