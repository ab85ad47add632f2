"""Queue search (claims 0009): the stored search vector, and the two plans of a search on PostgreSQL — a term
with few matches sorted from the search index, a term with more than COUNT_CAP walked in score order —
return the same statements in the same order."""

import random

import pytest

from django.db import connection, transaction
from django.db.models import Subquery
from django.urls import reverse

from factcheck.claims.models import Claim
from factcheck.claims.queue import COUNT_CAP, PAGE_SIZE, queue_filter, queue_order
from tests.factories import make_article

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the stored search vector is PostgreSQL's"),
]


def _statements(article, texts_and_scores, first=0):
    return Claim.objects.bulk_create(
        Claim(
            newsroom=article.newsroom,
            article=article,
            start=first + i,
            end=first + i + 1,
            text=text,
            checkworthiness=score,
        )
        for i, (text, score) in enumerate(texts_and_scores)
    )


@pytest.fixture
def crowded(newsroom, other_newsroom):
    """More than COUNT_CAP statements about tariffs (ties in score included), statements without the word
    scored above all of them, and another newsroom's tariff statements scored higher still."""
    rng = random.Random(15)
    article = make_article(newsroom)
    scores = [round(rng.random(), 2) for _ in range(COUNT_CAP + 40)]  # two decimals: many ties
    _statements(article, [(f"Tariffs on steel rose by {i} points", s) for i, s in enumerate(scores)])
    _statements(article, [("The harbour opened a terminal", 1.0)] * 30, first=5000)
    _statements(make_article(other_newsroom), [("New tariffs were announced", 1.0)] * 20)
    return article


def _ids(qs, n):
    return list(qs.values_list("pk", flat=True)[:n])


@pytest.mark.parametrize("sort", ["score", "newest", "oldest"])
def test_the_walk_and_the_sorted_plan_return_the_same_statements_in_order(crowded, editor, sort):
    membership = editor.memberships.get()
    data = {"q": "tariff", "sort": sort}
    qs = queue_filter(membership, data)
    walked, _ = queue_order(qs, data, many_matches=True)
    sorted_, _ = queue_order(qs, data, many_matches=False)
    first = _ids(walked, 3 * PAGE_SIZE)
    assert first == _ids(sorted_, 3 * PAGE_SIZE)
    expected = Claim.objects.filter(newsroom=crowded.newsroom, text__icontains="tariff")
    key = {"score": ("-checkworthiness", "-pk"), "newest": ("-pk",), "oldest": ("pk",)}[sort]
    assert first == _ids(expected.order_by(*key), 3 * PAGE_SIZE)


def test_a_search_with_many_matches_pages_through_them_in_score_order(login, editor, crowded):
    client = login(editor)
    first = client.get(reverse("claims:queue"), {"q": "tariffs"}).context
    assert first["count_capped"] and first["count"] == COUNT_CAP
    rows = list(first["rows"])
    second = client.get(reverse("claims:queue") + "?" + first["next_query"]).context["rows"]
    rows += list(second)
    assert len(rows) == 2 * PAGE_SIZE and all("Tariffs" in c.text for c in rows)
    assert not Claim.objects.filter(pk__in=[c.pk for c in rows]).exclude(newsroom_id=crowded.newsroom_id).exists()
    keys = [(c.checkworthiness, c.pk) for c in rows]
    assert keys == sorted(keys, reverse=True)
    best = Claim.objects.filter(newsroom=crowded.newsroom, text__startswith="Tariffs").order_by(
        "-checkworthiness", "-pk"
    )
    assert [c.pk for c in rows] == _ids(best, 2 * PAGE_SIZE)


def test_a_search_with_few_matches_counts_them_exactly(login, editor, newsroom):
    _statements(make_article(newsroom), [("Ferry fares doubled", 0.4), ("Ferries were late", 0.9), ("Rail fares", 0.8)])
    context = login(editor).get(reverse("claims:queue"), {"q": "ferry"}).context
    assert not context["count_capped"] and context["count"] == 2
    assert [c.text for c in context["rows"]] == ["Ferries were late", "Ferry fares doubled"]


def test_the_search_vector_follows_the_text_whatever_writes_it(login, editor, newsroom):
    (claim,) = _statements(make_article(newsroom), [("Turbines were installed offshore", 0.5)])
    client = login(editor)
    assert [c.pk for c in client.get(reverse("claims:queue"), {"q": "turbine"}).context["rows"]] == [claim.pk]
    Claim.objects.filter(pk=claim.pk).update(text="Pylons were installed inland")  # generated column: recomputed
    assert not client.get(reverse("claims:queue"), {"q": "turbine"}).context["rows"]
    assert [c.pk for c in client.get(reverse("claims:queue"), {"q": "pylon"}).context["rows"]] == [claim.pk]


def test_a_search_reaches_its_newsroom_through_the_search_index(crowded, editor):
    membership = editor.memberships.get()
    data = {"q": "harbour"}  # 30 of the newsroom's 1,070 statements
    qs, _ = queue_order(queue_filter(membership, data), data)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT gin_clean_pending_list('claim_search_idx'::regclass)")  # as autovacuum would
            cursor.execute("ANALYZE claims_claim")
            # Too small a table to need an index: leave the planner bitmap scans, so it picks by selectivity.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_indexscan = off")
        plan = qs[: PAGE_SIZE + 1].explain()
    lines = plan.splitlines()
    scan = next((i for i, line in enumerate(lines) if "on claim_search_idx" in line), None)
    assert scan is not None, plan
    cond = next(x for x in lines[scan + 1 : scan + 4] if "Index Cond" in x)
    assert "newsroom_id" in cond and "search_vector" in cond, plan


@pytest.mark.parametrize("sort", ["score", "newest", "oldest"])
def test_a_search_with_few_matches_pages_through_all_of_them_in_order(login, editor, newsroom, other_newsroom, sort):
    """The one-pass plan (claims.queue.counted_page_ids): the count and each page's statements come from the
    same read of the matches; paging with the cursor visits every match once, in the sort's order."""
    rng = random.Random(16)
    article = make_article(newsroom)
    matches = _statements(article, [(f"Ferry fares rose {i}%", round(rng.random(), 1)) for i in range(130)])
    _statements(article, [("Bus fares rose", 1.0)] * 10, first=500)
    _statements(make_article(other_newsroom), [("Ferry fares fell", 1.0)] * 10)
    key = {"score": lambda c: (-c.checkworthiness, -c.pk), "newest": lambda c: -c.pk, "oldest": lambda c: c.pk}
    expected = [c.pk for c in sorted(matches, key=key[sort])]
    client, seen, query = login(editor), [], f"q=ferry&sort={sort}"
    while query is not None:
        context = client.get(reverse("claims:queue") + "?" + query).context
        assert context["count"] == 130 and not context["count_capped"]
        seen += [c.pk for c in context["rows"]]
        query = context["next_query"] or None
    assert seen == expected


@pytest.mark.django_db(transaction=True)  # VACUUM, which sets the visibility map, runs outside a transaction
def test_a_status_and_type_filter_is_counted_from_the_queue_index_alone(editor, newsroom):
    """claims 0010: claim_queue_idx carries `types`, so the capped count of "new numeric statements scored
    0.5 or more" tests the type in the index (an index-only scan; without the column, each candidate's table
    row is read)."""
    rng = random.Random(17)
    article = make_article(newsroom)
    Claim.objects.bulk_create(
        Claim(
            newsroom=newsroom,
            article=article,
            start=i,
            end=i + 1,
            text=f"Statement {i}",
            checkworthiness=rng.random(),
            types=rng.choice(["numeric", "numeric quote", "quote", "opinion", ""]),
            status=rng.choice(["new", "new", "in_progress", "dismissed"]),
        )
        for i in range(3000)
    )
    qs = queue_filter(editor.memberships.get(), {"status": "new", "type": "numeric", "min_score": 0.5})
    sql, params = qs.order_by()[: COUNT_CAP + 1].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE claims_claim")
        with transaction.atomic():
            for scan in ("seqscan", "bitmapscan"):  # leave the planner index scans: index-only if the index covers
                cursor.execute(f"SET LOCAL enable_{scan} = off")
            cursor.execute(f"EXPLAIN SELECT count(*) FROM ({sql}) AS m", params)  # noqa: S608 -- Django's SQL
            plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using claim_queue_idx" in plan, plan
    assert "types" in plan.split("Index Only Scan", 1)[1], plan  # the type is tested in the index scan's filter


def test_a_search_inside_a_subquery_matches_the_subquerys_own_rows(editor, newsroom):
    """The search condition names the statements table by the alias its query gives it: inside a Subquery
    (table U0) it tests the subquery's rows. (Naming `claims_claim` made it a test of the outer query's row:
    the best-scored match below came out as nothing.)"""
    article = make_article(newsroom)
    _statements(article, [("Ferry fares doubled", 0.5), ("Ferries were late", 0.9)])
    _statements(article, [("Rail fares rose", 1.0), ("Bus fares fell", 0.7)], first=100)
    best = queue_filter(editor.memberships.get(), {"q": "ferry"}).order_by("-checkworthiness").values("pk")[:1]
    assert list(Claim.objects.filter(pk__in=Subquery(best)).values_list("text", flat=True)) == ["Ferries were late"]


def test_a_term_the_planner_expects_far_over_the_cap_is_not_counted(login, editor, newsroom, monkeypatch):
    """A frequent term's matches are not read to count them (claims.queue.SURELY_OVER_CAP, from the planner's
    statistics); the page still comes from the score walk, best first. A rare term is counted exactly."""
    rng = random.Random(17)
    article = make_article(newsroom)
    frequent = _statements(article, [(f"Ferry fares rose {i}%", round(rng.random(), 2)) for i in range(400)])
    _statements(article, [("Tram fares rose", 0.5)] * 3, first=1000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE claims_claim")  # the planner's word statistics
    monkeypatch.setattr("factcheck.claims.queue.SURELY_OVER_CAP", 200)
    client = login(editor)
    context = client.get(reverse("claims:queue"), {"q": "ferry"}).context
    assert context["count_capped"]  # 400 expected > 200: "More than 1000", not counted
    best = sorted(frequent, key=lambda c: (-c.checkworthiness, -c.pk))[:PAGE_SIZE]
    assert [c.pk for c in context["rows"]] == [c.pk for c in best]
    context = client.get(reverse("claims:queue"), {"q": "tram"}).context
    assert (context["count"], context["count_capped"]) == (3, False)


def test_a_filter_value_out_of_range_is_named_as_ignored(login, checker, newsroom):
    """ "?min_score=50" (a person thinking in percent): the rows are not filtered by it, and the page says why."""
    html = login(checker).get("/queue/?min_score=50").content.decode()
    assert 'id="queue-ignored"' in html
    assert "<strong>Score from</strong>: Give a score from 0 to 1 (0.5 is 50%). This filter is ignored." in html
    assert 'id="queue-ignored"' not in login(checker).get("/queue/?min_score=0.5").content.decode()
