"""Statements: the smallest span a checker would give one verdict. Usually a sentence, split at
clause boundaries that join independent claims ("…, while …", "…; …", "…, whereas …")."""

from __future__ import annotations

import bisect
import re

from . import work

_CLAUSE = re.compile(r"(,\s+(?:while|whereas|whilst)\s+|;\s+|,\s+but\s+(?=\w+\s+\w+))")
_NON_SPACE = re.compile(r"\S+")  # a word as str.split() sees it (re's \s is str.isspace())
_MIN_WORDS = 4


def split(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Clause spans of the sentence text[start:end]; a single span when nothing splits.

    Linear in the sentence: the open-bracket count before each join is carried forward, quotes are
    looked up by bisect, and words are counted from one index of the sentence's words.
    """
    w = work.current()
    if w is not None:
        w.add("statements", end - start)
    cuts = _cuts(text, start, end, quotes)
    if not cuts:
        return [(start, end)]
    if w is not None:
        w.add("statements", end - start + len(cuts))
    words = _WordIndex(text, start, end)
    spans = []
    pos = start
    for cs, ce in cuts:
        if words.at_least(pos, cs, _MIN_WORDS) and words.at_least(ce, end, _MIN_WORDS):
            spans.append((pos, cs))
            pos = ce
    spans.append((pos, end))
    return spans


def _cuts(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clause joins outside quotes and outside an open parenthesis ("9.5bn kronor (£722m; $1.3bn)")."""
    inside = work.Inside(quotes)
    cuts = []
    depth = 0  # "(" minus ")" in text[start:counted]
    counted = start
    for m in _CLAUSE.finditer(text, start, end):
        if inside(m.start()):
            continue
        depth += text.count("(", counted, m.start()) - text.count(")", counted, m.start())
        counted = m.start()
        if depth > 0:
            continue
        cuts.append((m.start(), m.end()))
    return cuts


class _WordIndex:
    """len(text[a:b].split()) >= k for many (a, b) of one sentence, each in O(log n)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in _NON_SPACE.finditer(text, start, end):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def at_least(self, a: int, b: int, k: int) -> bool:
        if a >= b:
            return k <= 0
        # words meeting [a, b): those starting before b, less those ending at or before a
        return bisect.bisect_left(self.starts, b) - bisect.bisect_right(self.ends, a) >= k
