"""Bounded candidate sets of statements similar to a text (PostgreSQL): the similar-statements panel and
matching a known fact-check to the newsroom's statements both start here.

A text with at least MIN_KEYS word keys (claims 0011: its 6 longest distinct words of 4 letters or more)
gets the statements sharing most keys with it among the PER_KEY newest of each key, read from the primary
key of claims_similarkey alone: at most 6 x PER_KEY index entries, whatever the newsroom's size. A text
with fewer keys ("GDP was up 3% in 2019.") gets the newsroom's RECENT newest statements instead: keys of
short words would be too common to find its copies, and a search of the whole newsroom would grow with it.
The caller ranks the candidates (pg_trgm's similarity, or the known-check scorer).

Both replaced a nearest-neighbour walk of a trigram GiST index over (newsroom_id, text) (claims 0004,
0008), which grew with the newsroom (up to 1-2 s at a million statements) and cost about 85 us of every
statement's insert; claims 0012 drops it.
"""

import hashlib
import re

from django.db import connection

KEYS = 6  # claims 0011: a statement's keys are its KEYS longest distinct words of 4 letters or more
PER_KEY = 200
MIN_KEYS = 2
RECENT = 1000  # similarity() of a short text against 1,000 statements: ~35 ms at 1M (2,000: 72-88 ms)

# One round trip answers how many keys the text has and its keyed candidates. Statements of `article` (the
# panel's own article: its siblings share its names and places and are the newest) and `claim` are left
# out inside each key's lookup, so they never crowd the others out.
KEYED_SQL = """
    SELECT cardinality(claims_similar_keys(%(text)s)), ARRAY(
        SELECT hit.claim_id FROM unnest(claims_similar_keys(%(text)s)) AS wanted(key)
        CROSS JOIN LATERAL (
            SELECT claim_id FROM claims_similarkey
            WHERE newsroom_id = %(newsroom)s AND key = wanted.key AND claim_id <> %(claim)s
              AND claim_id <> ALL(ARRAY(SELECT id FROM claims_claim WHERE article_id = %(article)s))
            ORDER BY claim_id DESC LIMIT %(per_key)s
        ) AS hit
        GROUP BY hit.claim_id ORDER BY count(*) DESC, hit.claim_id DESC LIMIT %(limit)s)
"""
# The fallback: the `limit` most similar of the newsroom's RECENT newest statements (its (newsroom_id,
# created_at) index walked backwards).
RECENT_SQL = """
    SELECT id FROM (
        SELECT id, text FROM claims_claim
        WHERE newsroom_id = %(newsroom)s AND id <> %(claim)s AND article_id <> %(article)s
        ORDER BY created_at DESC, id DESC LIMIT %(recent)s
    ) AS recent ORDER BY similarity(text, %(text)s) DESC, id DESC LIMIT %(limit)s
"""


_ASCII_WORD = re.compile(r"[a-z]{4,}")


def word_keys(text):
    """The keys PostgreSQL's claims_similar_keys(text) gives (claims 0011), computed here for the write path
    (claims 0013): the md5 of each of the KEYS longest distinct words of 4+ letters (ties: smaller md5 first),
    its first 32 bits as a signed integer; sorted, without repeats (two words may share 32 bits). None for a
    text that is not ASCII: there PostgreSQL's lower() and [[:alpha:]] follow the database's locale ("İ",
    final sigma), so the database computes them. Equality with the database is tested on generated texts."""
    if not text.isascii():
        return None
    words = set(_ASCII_WORD.findall(text.lower()))
    digests = ((-len(word), hashlib.md5(word.encode(), usedforsecurity=False).hexdigest()) for word in words)
    longest = sorted(digests)[:KEYS]
    return sorted({int.from_bytes(bytes.fromhex(digest[:8]), "big", signed=True) for _, digest in longest})


def keyed_candidates(*, newsroom_id, text, limit, article_id=0, claim_id=0):
    """(how many word keys `text` has, the ids of at most `limit` statements of the newsroom sharing most
    keys with it, most shared first, then newest). `article_id` and `claim_id` are left out (0: none)."""
    params = {"text": text, "newsroom": newsroom_id, "article": article_id, "claim": claim_id}
    params |= {"per_key": PER_KEY, "limit": limit}
    with connection.cursor() as cursor:
        cursor.execute(KEYED_SQL, params)
        keys, ids = cursor.fetchone()
    return keys, ids


def recent_candidates(*, newsroom_id, text, limit, article_id=0, claim_id=0):
    """The ids of the `limit` statements most similar to `text` (pg_trgm's similarity, then newest) among the
    newsroom's RECENT newest (`article_id` and `claim_id` left out)."""
    params = {"text": text, "newsroom": newsroom_id, "article": article_id, "claim": claim_id}
    params |= {"recent": RECENT, "limit": limit}
    with connection.cursor() as cursor:
        cursor.execute(RECENT_SQL, params)
        return [pk for (pk,) in cursor.fetchall()]


def candidates(*, newsroom_id, text, limit, article_id=0, claim_id=0):
    """The bounded candidates of a text: keyed (at most `limit`), or for a text with fewer than MIN_KEYS keys
    the RECENT newest statements, the `limit` most similar of them. Callers set a statement timeout."""
    scope = {"newsroom_id": newsroom_id, "text": text, "limit": limit, "article_id": article_id, "claim_id": claim_id}
    keys, ids = keyed_candidates(**scope)
    return ids if keys >= MIN_KEYS else recent_candidates(**scope)
