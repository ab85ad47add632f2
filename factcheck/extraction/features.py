"""Features for the check-worthiness model, shared by training and inference.

Hashed word 1-2 grams and in-word character 3-5 grams (crc32, stable across processes and Python
versions), TF-IDF weighted, plus a few hand features that an editor can read as reasons.
"""

from __future__ import annotations

import math
import re
import zlib

from . import quantities as Q
from .claimtypes import COMPARISON, OPINION, PREDICTION

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


def hashed_terms(text: str) -> tuple[dict[int, float], list[tuple[int, str]]]:
    """Term counts by bucket, and the readable word terms (bucket, term) for reasons."""
    low = _DIGIT.sub("0", text.lower())
    words = _WORD.findall(low)
    counts: dict[int, float] = {}
    readable: list[tuple[int, str]] = []
    crc = zlib.crc32
    prev = None
    for w in words:
        h = crc(("w " + w).encode()) % N_BUCKETS
        counts[h] = counts.get(h, 0.0) + 1.0
        readable.append((h, w))
        if prev is not None:
            bg = prev + " " + w
            h = crc(("b " + bg).encode()) % N_BUCKETS
            counts[h] = counts.get(h, 0.0) + 1.0
            readable.append((h, bg))
        prev = w
        padded = " " + w + " "
        n = len(padded)
        for k in (3, 4, 5):
            for i in range(0, n - k + 1):
                h = crc(padded[i : i + k].encode()) % N_BUCKETS
                counts[h] = counts.get(h, 0.0) + 1.0
    return counts, readable


def hand_features(text: str, raw_quantities: list | None = None) -> list[float]:
    if raw_quantities is None:
        raw_quantities = Q.find(text)
    kinds = [q.kind for q in raw_quantities]
    numeric = [q for q in raw_quantities if Q.is_numeric(q)]
    n_words = len(text.split())
    return [
        1.0 if numeric else 0.0,
        math.log1p(len(numeric)),
        1.0 if "money" in kinds else 0.0,
        1.0 if "percent" in kinds else 0.0,
        1.0 if COMPARISON.search(text) else 0.0,
        1.0 if _FIRST_PERSON.search(text) else 0.0,
        1.0 if "?" in text else 0.0,
        1.0 if OPINION.search(text) else 0.0,
        1.0 if PREDICTION.search(text) else 0.0,
        math.log1p(n_words) / 4.0,
        1.0 if _ATTRIB.search(text) else 0.0,
        math.log1p(len(_CAPS.findall(text))),
        1.0 if "date" in kinds else 0.0,
        1.0 if _YOU.search(text) else 0.0,
        1.0 if _CALL.search(text) else 0.0,
    ]
