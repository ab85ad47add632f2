"""pg_trgm's similarity in Python, for the embedded database (SQLite has no trigram index): the same
numbers PostgreSQL gives, so SIMILAR_MIN-style thresholds mean the same on both."""

import re

_WORD = re.compile(r"[^\W_]+")


def trigrams(text):
    """pg_trgm's trigram set: each lower-cased word padded with two spaces before and one after."""
    grams = set()
    for word in _WORD.findall(text.lower()):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def trigram_similarity(a, b):
    """pg_trgm's similarity(a, b): shared trigrams over all trigrams."""
    ga, gb = trigrams(a), trigrams(b)
    union = ga | gb
    return len(ga & gb) / len(union) if union else 0.0
