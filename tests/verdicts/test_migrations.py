"""Data migrations: the contributors backfill of 0002 (authors, savers and submitters; never reviewers) and
0006, which takes the ratings labelled Unverifiable off the scale."""

import importlib

from django.apps import apps

from factcheck.verdicts.models import RatingScale, Verdict
from tests.factories import make_article, make_claim, make_verdict

off_the_scale = importlib.import_module(
    "factcheck.verdicts.migrations.0006_ratingscale_on_scale"
).unverifiable_off_the_scale
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


def test_it_takes_every_unverifiable_rating_off_the_scale_and_nothing_else(newsroom, other_newsroom):
    # given scales as they were before 0006: everything on the scale, one newsroom spelling it in lower case
    RatingScale.objects.update(on_scale=True)
    RatingScale.objects.filter(newsroom=other_newsroom, label="Unverifiable").update(label="unverifiable")
    RatingScale.objects.create(newsroom=newsroom, label="Unverifiable claim", value=40)
    # when
    off_the_scale(apps, None)
    # then
    off = set(RatingScale.objects.filter(on_scale=False).values_list("newsroom_id", "label"))
    assert off == {(newsroom.pk, "Unverifiable"), (other_newsroom.pk, "unverifiable")}
    assert RatingScale.objects.filter(on_scale=True).count() == RatingScale.objects.count() - 2
