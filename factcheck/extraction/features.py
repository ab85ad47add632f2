"""Features for the check-worthiness model, shared by training and inference.

Hashed word 1-2 grams and in-word character 3-5 grams (crc32, stable across processes and Python
versions), TF-IDF weighted, plus a few hand features that an editor can read as reasons.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter

from . import quantities as Q
from .claimtypes import wording

N_BUCKETS = 1 << 18
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_DIGIT = re.compile(r"\d")
_CAPS = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|we|we're|we’re|our|us)\b")
_YOU = re.compile(r"\b(?:you|your|you're|you’re)\b", re.I)
_ATTRIB = re.compile(r"\b(?:said|says|told|according to|reported|announced|stated)\b", re.I)
_CALL = re.compile(r"\b(?:called on|calls on|call on|urged|urges|urge|demand(?:ed|s)?|appeal(?:ed|s)? to)\b", re.I)

HAND_FEATURES = [
    ("num", "has a specific number"),
    ("nquant", "several quantities"),
    ("money", "an amount of money"),
    ("pct", "a percentage"),
    ("cmp", "comparison or superlative"),
    ("first", "first-person voice"),
    ("question", "a question"),
    ("opinion", "opinion or evaluative wording"),
    ("modal", "prediction or modal verb"),
    ("length", "sentence length"),
    ("attrib", "attributed to a source"),
    ("names", "names people, places or organisations"),
    ("date", "mentions a date or year"),
    ("you", "addresses the listener"),
    ("call", "a call to action"),
]


_WORD_CACHE: dict[str, tuple[int, tuple[int, ...]]] = {}
_WORD_CACHE_MAX = 300_000


def _word_features(w: str) -> tuple[int, tuple[int, ...]]:
    """(unigram bucket, character n-gram buckets) of a word; memoised, as words repeat a lot."""
    r = _WORD_CACHE.get(w)
    if r is None:
        crc = zlib.crc32
        padded = " " + w + " "
        n = len(padded)
        grams = tuple(crc(padded[i : i + k].encode()) % N_BUCKETS for k in (3, 4, 5) for i in range(0, n - k + 1))
        r = (crc(("w " + w).encode()) % N_BUCKETS, grams)
        if len(_WORD_CACHE) < _WORD_CACHE_MAX:
            _WORD_CACHE[w] = r
    return r


def hashed_terms(text: str) -> tuple[dict[int, float], list[tuple[int, str]]]:
    """Term counts by bucket, and the readable word terms (bucket, term) for reasons."""
    low = _DIGIT.sub("0", text.lower())
    words = _WORD.findall(low)
    ids: list[int] = []
    readable: list[tuple[int, str]] = []
    crc = zlib.crc32
    prev = None
    for w in words:
        uni, grams = _word_features(w)
        ids.append(uni)
        ids.extend(grams)
        readable.append((uni, w))
        if prev is not None:
            bg = prev + " " + w
            h = crc(("b " + bg).encode()) % N_BUCKETS
            ids.append(h)
            readable.append((h, bg))
        prev = w
    return dict(Counter(ids)), readable


def hand_features(text: str, raw_quantities: list | None = None) -> list[float]:
    if raw_quantities is None:
        raw_quantities = Q.find(text)
    kinds = [q.kind for q in raw_quantities]
    numeric = [q for q in raw_quantities if Q.is_numeric(q)]
    n_words = len(text.split())
    comparison, _causal, prediction, opinion, _event = wording(text)
    return [
        1.0 if numeric else 0.0,
        math.log1p(len(numeric)),
        1.0 if "money" in kinds else 0.0,
        1.0 if "percent" in kinds else 0.0,
        1.0 if comparison else 0.0,
        1.0 if _FIRST_PERSON.search(text) else 0.0,
        1.0 if "?" in text else 0.0,
        1.0 if opinion else 0.0,
        1.0 if prediction else 0.0,
        math.log1p(n_words) / 4.0,
        1.0 if _ATTRIB.search(text) else 0.0,
        math.log1p(len(_CAPS.findall(text))),
        1.0 if "date" in kinds else 0.0,
        1.0 if _YOU.search(text) else 0.0,
        1.0 if _CALL.search(text) else 0.0,
    ]
