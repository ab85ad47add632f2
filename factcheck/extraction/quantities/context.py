"""What surrounds a figure: the unit words after it, the qualifier, name or currency before it, and
whether its line is a headline."""

from __future__ import annotations

import re

from ..numbers import NUMBER_WORDS
from .patterns import (
    _AND_WORD,
    _IDENTIFIER_BEFORE,
    _IDENTIFIER_ENDINGS,
    _QUAL_ENDINGS,
    _QUAL_RE,
    _SENTENCE_END,
    _UNIT_WORD,
)
from .words import _ACRONYMS, _IRREGULAR_PLURALS, _LY_NOUNS, _MONEY_WORDS, _NOT_A_HEAD, _QUALIFIERS, _STOP


def _may_end_with(window: str, endings: tuple[str, ...]) -> bool:
    """False only when no match of a case-insensitive "(word)\\s*$" pattern is possible. Non-ASCII
    text always goes to the regex (re.IGNORECASE folds some characters that str.lower() leaves)."""
    tail = window.rstrip()
    return not tail.isascii() or tail.lower().endswith(endings)


def _is_plural(word: str) -> bool:
    if word.endswith(("'s", "’s")):
        return False  # "one teacher's pay": a possessive
    return word in _IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith("ss") and len(word) > 2)


def _money_before(text: str, out: list, s: int, e: int, end: int) -> str:
    """The currency a bare scaled figure carries over from an amount earlier in its sentence: "9.5 million
    euros in 2025, of which 7.1 million came from cargo" — unless a counted noun follows ("2 million
    customers") or the sentence ended in between."""
    nxt, _ = _unit_after(text, e, end)
    first_word = nxt.split(" ", 1)[0].lower() if nxt else ""
    if first_word and (_is_plural(first_word) or first_word in _MONEY_WORDS):
        return ""
    for q in reversed(out):
        if s - q.end > 120:
            return ""
        if q.kind == "money":
            return q.unit if q.end <= s and not _SENTENCE_END.search(text, q.end, s) else ""
    return ""


def _unit_after(text: str, pos: int, end: int) -> tuple[str, int]:
    """Words naming what is counted, right after a number: "drones and missiles", "hours"."""
    words: list[tuple[int, int]] = []
    p = pos
    while len(words) < 3:
        m = _UNIT_WORD.match(text, p, end)
        if not m:
            break
        w = m.group(1)
        lw = w.lower()
        if (lw in _STOP and w not in _ACRONYMS) or lw in NUMBER_WORDS or (len(lw) >= 5 and lw.endswith(("ed", "ing"))):
            break
        words.append((m.start(1), m.end(1)))
        p = m.end()
        if _is_plural(lw):
            # a plural noun ends the phrase; allow "drones and missiles"
            m2 = _AND_WORD.match(text, p, end)
            if m2:
                w2 = m2.group(1).lower()
                if w2 not in _STOP and w2 not in NUMBER_WORDS and _is_plural(w2):
                    words.append((m2.start(1), m2.end(1)))
                    p = m2.end()
            break
    while words and _not_a_head(text[words[-1][0] : words[-1][1]]):
        words.pop()  # "1,200 work in", "3,800 abroad": a unit phrase ends on a noun
    if not words:
        return "", pos
    return text[words[0][0] : words[-1][1]], words[-1][1]


def _not_a_head(word: str) -> bool:
    """A verb, an adverb or a predicative adjective (words._NOT_A_HEAD, or a lower-case word in -ly that is
    not a noun): it cannot end the phrase naming what a figure counts. A capitalised word is a name."""
    if not word.islower():
        return False
    return word in _NOT_A_HEAD or (len(word) > 3 and word.endswith("ly") and word not in _LY_NOUNS)


def _identifier_before(text: str, lo: int, pos: int) -> bool:
    """ "Radio 4", "Section 28": the figure names something."""
    return _may_end_with(text[lo:pos], _IDENTIFIER_ENDINGS) and _IDENTIFIER_BEFORE.search(text, lo, pos) is not None


def _qualifier(text: str, sent_start: int, pos: int) -> tuple[str | None, str | None]:
    lo = max(sent_start, pos - 30)
    if not _may_end_with(text[lo:pos], _QUAL_ENDINGS):
        return None, None
    m = _QUAL_RE.search(text, lo, pos)
    if not m:
        return None, None
    q = m.group("q").lower()
    return q, _QUALIFIERS[q]


def _title_case_line(text: str, pos: int) -> bool:
    """Most words around pos (60 characters either side, within the line) are capitalised: a headline."""
    lo, hi = max(0, pos - 60), min(len(text), pos + 60)
    line = text[lo:hi]
    k = pos - lo
    line = line[line.rfind("\n", 0, k) + 1 :]
    nl = line.find("\n")
    words = re.findall(r"[A-Za-z][\w'’]*", line if nl < 0 else line[:nl])
    long_words = [w for w in words if len(w) > 3]
    return len(long_words) >= 4 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)
