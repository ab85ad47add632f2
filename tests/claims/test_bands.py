"""Which statements a newsroom sees as check-worthy: its own threshold if it set one, else the model's
calibrated one (the extractor's flag), so the article page's count and its highlights always agree."""

import pytest

from django.urls import reverse

from factcheck.claims.models import claim_band, claim_worthy
from factcheck.newsrooms.models import Newsroom
from tests.factories import make_article, make_claim

pytestmark = pytest.mark.django_db


class _Row:
    def __init__(self, score, flag):
        self.checkworthiness, self.checkworthy = score, flag


@pytest.mark.parametrize(
    ("score", "flag", "threshold", "band"),
    [
        (0.35, True, None, "mid"),  # the model's threshold (≈ 0.29) said yes: highlighted, not "low"
        (0.35, False, None, "low"),
        (0.9, True, None, "high"),
        (0.35, True, 0.5, "low"),  # the newsroom asked for more than the model
        (0.6, False, 0.5, "mid"),  # ... or for less
        (0.85, False, 0.5, "high"),
        (0.85, True, 0.9, "low"),
    ],
)
def test_the_band_follows_the_newsrooms_threshold_or_else_the_extractors_flag(score, flag, threshold, band):
    row = _Row(score, flag)
    assert claim_band(row, threshold) == band
    assert claim_worthy(row, threshold) == (band != "low")


def test_a_new_newsroom_follows_the_model():
    assert Newsroom.objects.create(name="Fresh desk").checkworthy_threshold is None


def test_the_article_page_counts_what_it_highlights(login, editor, newsroom):
    article = make_article(newsroom)
    make_claim(article, start=0, end=10, checkworthiness=0.35, checkworthy=True)
    make_claim(article, start=11, end=20, checkworthiness=0.2, checkworthy=False)
    response = login(editor).get(reverse("claims:article", args=[article.pk]))
    assert response.context["worthy_count"] == 1
    assert [c.band for c in response.context["claims"]] == ["mid", "low"]
    newsroom.checkworthy_threshold = 0.3
    newsroom.save()
    response = login(editor).get(reverse("claims:article", args=[article.pk]))
    assert response.context["worthy_count"] == 1
    newsroom.checkworthy_threshold = 0.1
    newsroom.save()
    response = login(editor).get(reverse("claims:article", args=[article.pk]))
    assert response.context["worthy_count"] == 2
    assert [c.band for c in response.context["claims"]] == ["mid", "mid"]
