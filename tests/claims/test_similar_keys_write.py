"""The write path keys its own statements for the similar panel (claims 0013; PostgreSQL): the keys it
computes in Python are the database's claims_similar_keys(), a text that is not ASCII is keyed by the
database, and every insert after the write (in the same transaction too) is keyed by the trigger again."""

import random
import string

import pytest

from django.db import connection

from factcheck.claims import batches, similar
from factcheck.claims.models import Claim
from tests.claims.test_batches import _runs
from tests.factories import make_article, make_claim

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the word keys are PostgreSQL's"),
]


def _database_keys(texts):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.i, array(SELECT DISTINCT unnest(claims_similar_keys(t.text)) ORDER BY 1) "
            "FROM unnest(%s::text[]) WITH ORDINALITY AS t(text, i) ORDER BY t.i",
            [texts],
        )
        return [keys for _, keys in cursor.fetchall()]


def _stored_keys(claim_id):
    with connection.cursor() as cursor:
        cursor.execute("SELECT key FROM claims_similarkey WHERE claim_id = %s ORDER BY key", [claim_id])
        return [key for (key,) in cursor.fetchall()]


def _generated_texts(n, seed=15):
    rng = random.Random(seed)
    alphabet = string.ascii_letters + string.digits + " .,;:'’\"-_/()%£$!?\t\n"
    words = ["inflation", "Inflation", "INFLATION", "drones", "missiles", "a", "of", "rose", "record", "don't",
             "well-being", "co_operate", "e-mail", "GDP", "per", "cent", "twenty", "x86", "abc1defg"]  # fmt: skip
    texts = []
    for _ in range(n):
        parts = [rng.choice(words) if rng.random() < 0.6 else "".join(rng.choices(alphabet, k=rng.randint(1, 14)))]
        parts += [rng.choice(words) if rng.random() < 0.6 else "".join(rng.choices(alphabet, k=rng.randint(1, 14)))
                  for _ in range(rng.randint(0, 30))]  # fmt: skip
        texts.append(" ".join(parts).encode("ascii", "ignore").decode())
    return texts


def test_the_python_keys_are_the_databases_on_ascii_texts():
    texts = _generated_texts(600) + ["", "GDP was up 3% in 2019.", "Officials said more than 63 drones hit targets."]
    assert [similar.word_keys(t) for t in texts] == _database_keys(texts)
    assert sum(len(similar.word_keys(t)) == similar.KEYS for t in texts) > 100  # long texts are cut at KEYS


def test_a_text_that_is_not_ascii_is_left_to_the_database():
    assert similar.word_keys("İstanbul’s ΣΟΦΟΣ café rose 3%") is None


def test_a_batch_keys_its_statements_as_the_trigger_would(newsroom):
    # given: articles, one with statements that are not ASCII
    bodies = [
        "The council said 1,200 homes were built in 2023. Officials added that 300 of them were for rent.",
        "Istanbul’s café owners reported a 12% fall in sales. İzmir’s mayor said the ΣΟΦΟΣ index rose by 4%.",
    ]
    runs = _runs(newsroom, bodies)
    # when
    batches.extraction_run_batch(run_ids=[r.pk for r in runs])
    # then
    claims = list(Claim.objects.filter(newsroom=newsroom).order_by("pk"))
    assert any(not c.text.isascii() for c in claims) and any(c.text.isascii() for c in claims)
    assert [_stored_keys(c.pk) for c in claims] == _database_keys([c.text for c in claims])
    assert all(_stored_keys(c.pk) for c in claims)


def test_inserts_after_a_batch_in_the_same_transaction_are_keyed_by_the_trigger(newsroom):
    runs = _runs(newsroom, ["Exports rose 8% to £3.1bn last year, the trade body said on Monday."])
    batches.extraction_run_batch(run_ids=[r.pk for r in runs])  # the test's transaction is still open
    text = "Imports of machinery doubled between 2019 and 2023, customs figures show."
    later = make_claim(make_article(newsroom, body=text, title="Later"), start=0, end=len(text))
    assert _stored_keys(later.pk) == _database_keys([text])[0] != []
