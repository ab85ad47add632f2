"""Statements: the smallest span a checker would give one verdict. Usually a sentence, split at
clause boundaries that join independent claims ("…, while …", "…; …", "…, whereas …")."""

from __future__ import annotations

import re

_CLAUSE = re.compile(r"(,\s+(?:while|whereas|whilst)\s+|;\s+|,\s+but\s+(?=\w+\s+\w+))")
_MIN_WORDS = 4


def split(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clause spans of the sentence text[start:end]; a single span when nothing splits."""
    cuts = []
    for m in _CLAUSE.finditer(text, start, end):
        if any(a < m.start() < b for a, b in quotes):
            continue
        before = text[start : m.start()]
        if before.count("(") > before.count(")"):
            continue  # "9.5bn kronor (£722m; $1.3bn)"
        cuts.append((m.start(), m.end()))
    if not cuts:
        return [(start, end)]
    spans = []
    pos = start
    for cs, ce in cuts:
        left = text[pos:cs]
        right = text[ce:end]
        if len(left.split()) >= _MIN_WORDS and len(right.split()) >= _MIN_WORDS:
            spans.append((pos, cs))
            pos = ce
    spans.append((pos, end))
    return spans
