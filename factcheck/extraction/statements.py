"""Statements: the smallest span a checker would give one verdict. Usually a sentence, split at
clause boundaries that join independent claims ("…, while …", "…; …", "…, whereas …")."""

from __future__ import annotations

import bisect
import re

from . import work

_CLAUSE = re.compile(r"(,\s+(?:while|whereas|whilst)\s+|;\s+|,\s+but\s+(?=\w+\s+\w+))")
_NON_SPACE = re.compile(r"\S+")  # a word as str.split() sees it (re's \s is str.isspace())
_MIN_WORDS = 4

# A dateline opening a story's first paragraphs: "KYIV, July 4: …", "WASHINGTON — …", "NEW YORK, March 3
# (AP) — …", "Kyiv (Reuters) - …". It says where and when the story was filed, not what it claims, so it is
# left out of the statement. A place in capitals with a date or an agency before a colon or dash, a place in
# capitals alone only before a dash ("NHS: waiting lists…" and "UK: …" are subjects, not datelines), and a
# place in other case only with a news agency.
_PLACE_CAPS = r"[A-Z][A-Z'’.\-]{2,}(?: [A-Z][A-Z'’.\-]+){0,3}"
_DATE = r",[ ]+(?:[A-Z][a-z]{2,8}\.?[ ]+\d{1,2}(?:,[ ]+\d{4})?|\d{1,2}[ ]+[A-Z][a-z]{2,8}(?:[ ]+\d{4})?)"
_AGENCY = r"[ ]+\((?:Reuters|AP|AFP|Bloomberg|PA|UPI|dpa|IANS|PTI|ANI|Xinhua|Yonhap|Kyodo|TASS|EFE|ANSA)\)"
_DASH = r"[ ]*(?:—|–|--?)[ ]+"
_DATELINE = re.compile(
    rf"(?:{_PLACE_CAPS}(?:{_DATE}(?:{_AGENCY})?|{_AGENCY})[ ]*(?::|—|–|--?)[ ]+"
    rf"|{_PLACE_CAPS}(?:,[ ]+[A-Z][A-Za-z.]+)?{_DASH}"
    rf"|[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}}(?:{_DATE})?{_AGENCY}[ ]*(?::|—|–|--?)[ ]+)"
    r"(?=[A-Z0-9\"“‘'])"
)


def after_dateline(text: str, start: int, end: int) -> int:
    """Where the sentence text[start:end] begins once a leading dateline is left out (start if none, or if
    fewer than four words would be left)."""
    m = _DATELINE.match(text, start, min(end, start + 120))
    if m is None or len(text[m.end() : end].split()) < _MIN_WORDS:
        return start
    return m.end()


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
