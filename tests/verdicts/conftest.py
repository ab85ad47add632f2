"""Shared by the review room's tests: a statement to work on, the acting membership, a verdict in review."""

import pytest

from factcheck.newsrooms.models import Membership
from factcheck.verdicts.models import RatingScale, Verdict
from factcheck.verdicts.services import verdict_save_draft, verdict_submit, verdict_version
from tests.factories import make_article, make_claim, make_evidence


@pytest.fixture
def claim(newsroom):
    """'The terminal cost £48m and will handle 2.1 million passengers a year, the port authority said.'"""
    return make_claim(make_article(newsroom), start=39, end=133)


@pytest.fixture
def rating(newsroom):
    """Mostly true (a test file may name another rating `rating`)."""
    return RatingScale.objects.get(newsroom=newsroom, label="Mostly true")


def member(user):
    return Membership.objects.select_related("newsroom").get(user=user)


def ready_for_review(claim, author, rating):
    """One evidence item and a complete draft by `author`, submitted for review."""
    make_evidence(claim, author)
    verdict = verdict_save_draft(member=member(author), claim=claim, rating=rating, conclusion="It cost £52m.")
    return verdict_submit(member=member(author), verdict=verdict)


def open_version(claim):
    """The version a verdict form loaded now carries (its hidden `version`): the open draft's, '' for none."""
    return verdict_version(Verdict.objects.filter(claim=claim, status=Verdict.Status.DRAFT).first())
