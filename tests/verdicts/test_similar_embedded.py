"""The similar-statements panel on the embedded database (make run's SQLite): pg_trgm's similarity in
Python, so SIMILAR_MIN means what it means on PostgreSQL and unrelated statements stay out."""

from types import SimpleNamespace

import pytest

from django.db import connection

from factcheck.verdicts.views import similar as views
from factcheck.verdicts.views.similar import SIMILAR_MIN, similar_claims
from tests.factories import make_article, make_claim

pytestmark = pytest.mark.django_db

TEXT = "Passenger journeys on the coastal line rose 12% to 48.2 million in the year to March."
NEAR = "Coastal line passenger journeys rose 12 percent to 48.2 million in a year."
UNRELATED = [
    "Allies were urged to step up pressure and impose tougher sanctions.",
    "The council said 1.2 million trips were made last year, up from 900,000.",
    "Schools, hospitals and transport links in the capital were damaged.",
]


def _statement(newsroom, text, n):
    return make_claim(make_article(newsroom, body=f"{text} ({n})", title=f"Article {n}"), start=0, end=len(text))


def test_the_embedded_panel_ranks_by_trigram_similarity(newsroom, monkeypatch):
    target = _statement(newsroom, TEXT, 0)
    near = _statement(newsroom, NEAR, 1)
    for n, text in enumerate(UNRELATED, start=2):
        _statement(newsroom, text, n)
    if connection.vendor == "postgresql":  # the Python similarity is pg_trgm's
        with connection.cursor() as cursor:
            cursor.execute("SELECT similarity(%s, %s)", [TEXT, NEAR])
            expected = cursor.fetchone()[0]
    else:
        expected = None
    monkeypatch.setattr(views, "connection", SimpleNamespace(vendor="sqlite"))
    rows = similar_claims(target)
    assert [row.pk for row in rows] == [near.pk]
    assert rows[0].similarity >= SIMILAR_MIN
    if expected is not None:
        assert rows[0].similarity == pytest.approx(expected, abs=1e-6)
