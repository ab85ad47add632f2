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
    assert response.content.decode().count("· check-worthy") == 1  # the tooltips say the same
    newsroom.checkworthy_threshold = 0.6  # above both: the extractor's flag no longer counts
    newsroom.save()
    response = login(editor).get(reverse("claims:article", args=[article.pk]))
    assert response.context["worthy_count"] == 0
    assert "· check-worthy" not in response.content.decode()
    queue = login(editor).get(reverse("claims:queue")).content.decode()
    assert "(check-worthy)" not in queue and "band-low" in queue
    newsroom.checkworthy_threshold = 0.3
    newsroom.save()
    response = login(editor).get(reverse("claims:article", args=[article.pk]))
    assert response.context["worthy_count"] == 1
    newsroom.checkworthy_threshold = 0.1
    newsroom.save()
    response = login(editor).get(reverse("claims:article", args=[article.pk]))
    assert response.context["worthy_count"] == 2
    assert [c.band for c in response.context["claims"]] == ["mid", "mid"]
    assert response.content.decode().count("· check-worthy") == 2
    assert login(editor).get(reverse("claims:queue")).content.decode().count("(check-worthy)") == 2


# --- Settings → Check-worthiness (admins) -------------------------------------------------------------

THRESHOLD_URL = "/settings/check-worthiness/"


def test_the_settings_page_names_the_models_threshold(login, admin_member, newsroom):
    from factcheck.claims.threshold import model_threshold

    assert reverse("claims:threshold") == THRESHOLD_URL
    response = login(admin_member).get(THRESHOLD_URL)
    assert response.status_code == 200
    html = response.content.decode()
    threshold, trained = model_threshold()
    assert trained and 0.0 < threshold < 1.0
    assert f"<strong>{threshold:.2f}</strong>" in html and "no trained model" not in html
    assert "following the model" in html


def test_an_admin_sets_an_own_threshold_then_goes_back_to_the_model(login, admin_member, newsroom):
    client = login(admin_member)
    response = client.post(THRESHOLD_URL, {"mode": "own", "threshold": "0.62"})
    assert response.status_code == 302
    newsroom.refresh_from_db()
    assert newsroom.checkworthy_threshold == pytest.approx(0.62)
    assert "your own threshold, 0.62" in client.get(THRESHOLD_URL).content.decode()
    client.post(THRESHOLD_URL, {"mode": "model", "threshold": "0.62"})  # the number is ignored
    newsroom.refresh_from_db()
    assert newsroom.checkworthy_threshold is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"mode": "own", "threshold": ""}, "Give a score from 0 to 1"),
        ({"mode": "own", "threshold": "1.5"}, "less than or equal to 1"),
        ({"mode": "own", "threshold": "half"}, "Enter a number"),
        ({"mode": "sometimes"}, "Select a valid choice"),
    ],
)
def test_a_bad_threshold_is_refused_with_the_reason_and_nothing_changes(login, admin_member, newsroom, data, message):
    newsroom.checkworthy_threshold = 0.4
    newsroom.save()
    response = login(admin_member).post(THRESHOLD_URL, data)
    assert response.status_code == 200  # the form again, with the reason (the house style for forms)
    assert message in response.content.decode()
    newsroom.refresh_from_db()
    assert newsroom.checkworthy_threshold == pytest.approx(0.4)
