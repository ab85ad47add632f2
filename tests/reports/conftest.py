"""Report test data: published verdicts with public and private evidence, built from models directly."""

import datetime

import pytest

from django.utils import timezone

from factcheck.sources.models import Claimant
from factcheck.verdicts.models import Evidence, RatingScale, Verdict
from tests.factories import make_article, make_claim, make_source, make_verdict

BODY = (
    "Council promises faster buses\n\n"
    "The mayor said on Monday that bus journeys in the city are 20% faster than in 2019. "
    "She added that the new lanes cost £12m, half the original estimate. "
    '=HYPERLINK("http://evil.example") is not a real claim, but a test of escaping.\n\n'
    "Opposition councillors disputed the figures."
)
PRIVATE_QUOTE = "Off the record, the transport officer said the data was incomplete."
PUBLIC_QUOTE = "Average bus journey times fell by 4% between 2019 and 2024."


def make_evidence(claim, user, source=None, url="https://stats.example.gov/report", **extra):
    return Evidence.objects.create(newsroom=claim.newsroom, claim=claim, source=source, added_by=user, url=url, **extra)


def published_verdict(claim, author, reviewer, rating_label, when, **extra):
    rating = RatingScale.objects.get(newsroom=claim.newsroom, label=rating_label)
    return make_verdict(
        claim,
        author,
        status=Verdict.Status.PUBLISHED,
        rating=rating,
        reviewer=reviewer,
        published_at=when,
        conclusion=extra.pop("conclusion", "The figure is not supported by the city's own statistics."),
        **extra,
    )


@pytest.fixture
def report_world(newsroom, editor, colleague):
    return build_report_world(newsroom, editor, colleague)


def build_report_world(newsroom, editor, colleague):
    """Three statements of one article: two published verdicts, one draft; private and public evidence."""
    outlet = make_source(newsroom, name="City Gazette", url="https://gazette.example.com/", kind="news_outlet")
    stats = make_source(newsroom, name="City Statistics Office", url="https://stats.example.gov/", kind="government")
    mayor = Claimant.objects.create(
        newsroom=newsroom, name="Jane Mayor", role="Mayor", same_as="https://www.wikidata.org/wiki/Q1"
    )
    article = make_article(
        newsroom,
        body=BODY,
        title="Council promises faster buses",
        url="https://gazette.example.com/buses",
        outlet=outlet,
        published_on=datetime.date(2026, 10, 5),
    )
    s1 = BODY.index("The mayor said")
    e1 = BODY.index("2019.") + len("2019.")
    s2 = BODY.index("She added")
    e2 = BODY.index("estimate.") + len("estimate.")
    s3 = BODY.index("=HYPERLINK")
    e3 = BODY.index("escaping.") + len("escaping.")
    c1 = make_claim(article, start=s1, end=e1, claimant=mayor, types="numeric comparison")
    c2 = make_claim(article, start=s2, end=e2, claimant=mayor, types="numeric")
    c3 = make_claim(article, start=s3, end=e3, types="quote")
    when = timezone.make_aware(datetime.datetime(2026, 10, 20, 9, 30))
    v1 = published_verdict(c1, editor, colleague, "Mostly false", when)
    v2 = published_verdict(c2, editor, colleague, "True", when + datetime.timedelta(days=3), conclusion="Confirmed.")
    v3 = make_verdict(c3, editor, status=Verdict.Status.DRAFT, conclusion="Draft thoughts.")
    public = make_evidence(c1, editor, source=stats, quote=PUBLIC_QUOTE, stance="refutes", is_primary=True)
    private = make_evidence(
        c1, editor, source=stats, quote=PRIVATE_QUOTE, url="https://internal.example/secret", is_private=True
    )
    make_evidence(c2, editor, source=stats, quote="=SUM(A1:A9)", is_primary=True, url="https://stats.example.gov/lanes")
    return {
        "outlet": outlet,
        "stats": stats,
        "mayor": mayor,
        "article": article,
        "claims": [c1, c2, c3],
        "published": [v1, v2],
        "draft": v3,
        "public_evidence": public,
        "private_evidence": private,
    }
