"""The similar-statements panel's search is bounded (issue 15; PostgreSQL): candidates come from word keys
kept by triggers (claims 0011), at most similar.PER_KEY statements a key, then ranked by trigram similarity; a
text of short words only is compared with the newsroom's newest similar.RECENT statements.
On small newsrooms, where no key reaches the cap, the panel shows what ranking the whole newsroom would.
"""

import pytest

from django.db import connection
from django.urls import reverse

from factcheck.claims import similar
from factcheck.claims.models import Claim
from factcheck.verdicts.views.similar import SIMILAR_LIMIT, SIMILAR_MIN, similar_candidates, similar_claims
from tests.factories import make_article, make_claim

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram search is PostgreSQL's"),
]

HX = {"HX-Request": "true"}
TEXT = "Officials said more than 63 drones and nine missiles hit targets in eight places overnight."
# Each a little further from TEXT than the one before (similarities from about 0.9 down to below SIMILAR_MIN).
VARIANTS = [
    "Officials said more than 63 drones and nine missiles hit targets in eight places on Sunday.",
    "Officials said more than 60 drones and nine missiles hit targets in eight regions overnight.",
    "Officials said 63 drones and some missiles struck targets in several places overnight.",
    "Officials say dozens of drones and missiles hit targets in eight cities.",
    "Drones and missiles hit targets overnight, officials said.",
    "More than 63 drones were launched, the air force said.",
    "Officials said nine missiles were shot down.",
    "The harbour town opened a new ferry terminal on Friday.",
    "Inflation fell to 2.1% in March, the statistics office said.",
]


def _statement(newsroom, text, n):
    body = f"{text} ({n})"  # distinct bodies: one article per statement
    return make_claim(make_article(newsroom, body=body, title=f"Article {n}"), start=0, end=len(text))


@pytest.fixture
def target(newsroom):
    return _statement(newsroom, TEXT, 0)


def _similarity(a, b):
    with connection.cursor() as cursor:
        cursor.execute("SELECT similarity(%s, %s)", [a, b])
        return cursor.fetchone()[0]


def _keys(claim):
    with connection.cursor() as cursor:
        cursor.execute("SELECT key FROM claims_similarkey WHERE claim_id = %s ORDER BY key", [claim.pk])
        return [key for (key,) in cursor.fetchall()]


def _keys_of(text):
    with connection.cursor() as cursor:
        cursor.execute("SELECT array(SELECT unnest(claims_similar_keys(%s)) ORDER BY 1)", [text])
        return cursor.fetchone()[0]


def test_it_reads_the_candidates_from_the_keys_alone(newsroom, target):
    for n in range(1, 13):
        _statement(newsroom, TEXT, n)
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")  # a tiny table: leave the planner the index
        params = {"text": TEXT, "newsroom": newsroom.pk, "article": target.article_id, "claim": 0}
        cursor.execute("EXPLAIN " + similar.KEYED_SQL, params | {"per_key": 200, "limit": 60})
        plan = "\n".join(line for (line,) in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    assert "claims_similarkey_pkey" in plan, plan  # one descent of the key's index per word key...
    assert plan.count("Limit") == 2, plan  # ...cut at PER_KEY, and the candidates cut too
    # no walk over the statements: the only read of them is the statement's own article's, by its index
    reads = [line for line in plan.splitlines() if "on claims_claim" in line]
    assert len(reads) == 1 and "Index" in reads[0], plan
    assert "Index Cond: (article_id = " in plan, plan


def test_the_statements_own_article_does_not_take_the_candidates(newsroom, target, monkeypatch):
    elsewhere = _statement(newsroom, VARIANTS[0], 1)
    for start in (1, 2, 3):  # newer statements of the same article, sharing its words
        make_claim(target.article, start=start, end=len(TEXT) - start)
    monkeypatch.setattr(similar, "PER_KEY", 2)
    assert similar_candidates(target, TEXT)[:1] == [elsewhere.pk]


SHORT = "GDP was up 3% in 2019."


def test_a_statement_with_too_few_word_keys_is_compared_with_the_newest(newsroom):
    assert _keys_of(SHORT) == []
    target, copy = _statement(newsroom, SHORT, 1), _statement(newsroom, SHORT.replace("3%", "4%"), 2)
    _statement(newsroom, "The harbour town opened a new ferry terminal on Friday.", 3)
    assert [row.pk for row in similar_claims(target)] == [copy.pk]


def test_the_newest_window_is_bounded(newsroom, monkeypatch):
    # given: a copy older than the window's newest statements
    target, old_copy = _statement(newsroom, SHORT, 1), _statement(newsroom, SHORT.replace("3%", "4%"), 2)
    newer = [_statement(newsroom, f"Tax rose {n}% in May.", n) for n in range(3, 6)]
    Claim.objects.filter(pk=old_copy.pk).update(created_at=target.created_at.replace(year=2020))
    monkeypatch.setattr(similar, "RECENT", 3)
    # then: only the window is ranked, and the old copy is out of it
    found = similar.recent_candidates(newsroom_id=newsroom.pk, text=SHORT, limit=10, article_id=target.article_id)
    assert sorted(found) == sorted(c.pk for c in newer)
    # and a window that reaches it ranks it first
    monkeypatch.setattr(similar, "RECENT", 4)
    assert similar.recent_candidates(newsroom_id=newsroom.pk, text=SHORT, limit=1, claim_id=target.pk) == [old_copy.pk]


def test_the_newest_window_is_read_through_the_newsrooms_date_index(newsroom):
    # The test database is nearly empty, so the planner's choice among indexes follows its (fresh or missing)
    # statistics: a CI run once took the newsroom_id index plus a sort. With scans and sorts priced out, the
    # plan left is the one whose index yields the window in order, so this fails only if no index can.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        params = {"text": SHORT, "newsroom": newsroom.pk, "article": 0, "claim": 0, "recent": 2000, "limit": 60}
        cursor.execute("EXPLAIN " + similar.RECENT_SQL, params)
        plan = "\n".join(line for (line,) in cursor.fetchall())
    assert "claim_newsroom_created_idx" in plan and "Backward" in plan, plan


def test_the_migration_can_run_again_after_stopping_part_way(newsroom, target):
    from importlib import import_module

    forward = import_module("factcheck.claims.migrations.0011_similar_keys").FORWARD
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the test's transaction: no deferred checks pending
        for sql in forward:  # as `migrate` would after a run stopped anywhere in it
            cursor.execute(sql)
    again = _statement(newsroom, TEXT, 1)
    assert _keys(target) == _keys(again) == _keys_of(TEXT)  # the backfill did not duplicate; triggers fire


def test_the_keys_follow_the_statements_text(newsroom, target):
    # given: keys written with the statement (6 longest words)
    assert _keys(target) == _keys_of(TEXT) and len(_keys_of(TEXT)) == 6
    # when its text changes, then its keys do
    Claim.objects.filter(pk=target.pk).update(text=VARIANTS[-1])
    assert _keys(target) == _keys_of(VARIANTS[-1]) != _keys_of(TEXT)
    # when it is deleted, then its keys go with it
    target.delete()
    assert _keys(target) == []


def test_a_figure_changed_keeps_the_keys():
    assert _keys_of("The survey was voted for by nearly 215 listeners.") == _keys_of(
        "The survey was voted for by nearly 236 listeners."
    )


def test_each_key_gives_at_most_its_newest_statements(newsroom, target, monkeypatch):
    copies = [_statement(newsroom, TEXT, n).pk for n in range(1, 6)]
    monkeypatch.setattr(similar, "PER_KEY", 2)
    assert sorted(similar_candidates(target, TEXT)) == sorted(copies[-2:])


def test_the_panel_shows_the_most_similar_statements_of_the_whole_newsroom(newsroom, other_newsroom, target):
    for n, text in enumerate(VARIANTS, start=1):
        _statement(newsroom, text, n)
    _statement(other_newsroom, TEXT, 99)  # a copy in another newsroom is never shown
    make_claim(target.article, start=0, end=len(TEXT) - 1)  # nor a statement of the same article
    candidates = Claim.objects.filter(newsroom=newsroom).exclude(article=target.article)
    ranked = sorted(((_similarity(TEXT, c.text), c.pk) for c in candidates), reverse=True)
    expected = [pk for sim, pk in ranked if sim >= SIMILAR_MIN][:SIMILAR_LIMIT]
    assert len(expected) == SIMILAR_LIMIT  # the fixture has more similar statements than the panel shows
    rows = similar_claims(target)
    assert [row.pk for row in rows] == expected
    assert all(row.similarity >= SIMILAR_MIN for row in rows)
    assert [row.similarity for row in rows] == sorted((row.similarity for row in rows), reverse=True)
    assert not rows.timed_out


def test_copies_fill_the_panel_most_similar_first(newsroom, target):
    copies = {_statement(newsroom, TEXT, n).pk for n in range(1, 8)}
    near = _statement(newsroom, VARIANTS[0], 50)
    rows = similar_claims(target)
    assert len(rows) == SIMILAR_LIMIT
    assert {row.pk for row in rows} <= copies and near.pk not in {row.pk for row in rows}
    assert all(row.similarity == 1 for row in rows)


def test_only_statements_above_the_cut_are_shown(newsroom, target):
    far = [_statement(newsroom, text, n) for n, text in enumerate(VARIANTS[-2:], start=1)]
    assert all(_similarity(TEXT, c.text) < SIMILAR_MIN for c in far)
    assert list(similar_claims(target)) == []


def test_the_panel_page_with_copies(login, editor, newsroom, target):
    # The timeout fallback ("took too long and was stopped"): tests/claims/test_views.py.
    for n in range(1, 8):
        _statement(newsroom, TEXT, n)
    response = login(editor).get(reverse("verdicts:claim", args=[target.pk]), {"tab": "similar"}, headers=HX)
    assert response.status_code == 200
    assert len(response.context["similar"]) == SIMILAR_LIMIT and not response.context["similar"].timed_out


def _slow_walk(others, text):  # a walk PostgreSQL itself stops at the panel's statement timeout
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(2)")
    return []


def test_it_stops_the_walk_at_its_budget_and_says_how_long_it_waited(login, editor, newsroom, target, monkeypatch):
    # given: a budget PostgreSQL enforces (statement_timeout) and a walk that outlasts it
    from factcheck.verdicts.views import similar as verdict_views

    monkeypatch.setattr(verdict_views, "SIMILAR_TIMEOUT_MS", 40)
    monkeypatch.setattr(verdict_views, "similar_candidates", _slow_walk)
    # when
    response = login(editor).get(reverse("verdicts:claim", args=[target.pk]), {"tab": "similar"}, headers=HX)
    # then: the panel says it stopped, after how long, and retries in place
    similar = response.context["similar"]
    assert similar.timed_out and list(similar) == [] and similar.budget_ms == 40
    assert b"took too long and was stopped after 40 ms" in response.content
    assert f'hx-target="#claim-{target.pk}-similar"'.encode() in response.content
    assert b"No earlier statement" not in response.content


def test_a_walk_within_its_budget_is_not_flagged(newsroom, target, monkeypatch):
    from factcheck.verdicts.views import similar as verdict_views

    _statement(newsroom, VARIANTS[0], 1)
    monkeypatch.setattr(verdict_views, "SIMILAR_TIMEOUT_MS", 60_000)
    rows = similar_claims(target)
    assert [row.text for row in rows] == [VARIANTS[0]] and not rows.timed_out and rows.budget_ms == 60_000


def test_the_panel_does_not_load_the_articles_bodies(newsroom, target):
    _statement(newsroom, VARIANTS[0], 1)
    rows = similar_claims(target)
    assert rows and all("body" in row.article.get_deferred_fields() for row in rows)
    assert rows[0].article.title == "Article 1"  # the title, which the panel shows, is loaded
