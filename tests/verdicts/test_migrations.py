"""The contributors backfill of migration 0002: authors, savers and submitters; never reviewers."""

import importlib

from django.apps import apps

from factcheck.verdicts.models import Verdict
from tests.factories import make_article, make_claim, make_verdict

backfill = importlib.import_module("factcheck.verdicts.migrations.0002_verdict_contributors").backfill_contributors


def _save_as(verdict, user, reason=None):
    verdict._history_user = user
    verdict._change_reason = reason
    verdict.save()


def test_it_backfills_authors_savers_and_submitters_but_not_reviewers(newsroom, editor, colleague, checker):
    # given a version written by the checker, saved by the editor, submitted by the checker, returned by
    # the colleague: the history the review room wrote before contributors existed
    verdict = make_verdict(make_claim(make_article(newsroom)), checker)
    _save_as(verdict, editor)
    _save_as(verdict, checker, "submitted for review")
    _save_as(verdict, colleague, "returned to the author")
    Verdict.contributors.through.objects.all().delete()
    # when
    backfill(apps, None)
    backfill(apps, None)  # idempotent
    # then
    assert set(verdict.contributors.all()) == {checker, editor}
