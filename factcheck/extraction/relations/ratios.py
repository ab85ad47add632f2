"""Ratios said in words between two figures of one measure (issue 12, round 5): "£84m, double the £42m it
made in 2003", "three times the £30m of 2001", "half the £6bn it owed", and across a sentence, "… £84m.
That is twice the £42m …". The words assert the ratio, so one that does not fit (beyond rounding and a 10%
margin for a plain "twice") is reported broken."""

from __future__ import annotations

import re

from ..types import Quantity
from .common import ANAPHOR_SUBJECT, Article, _fmt, _same_measure, rounding

_FACTORS = {
    "twice": 2.0, "double": 2.0, "treble": 3.0, "triple": 3.0, "half": 0.5, "a third of": 1 / 3,
    "one third of": 1 / 3, "a quarter of": 0.25, "one quarter of": 0.25,
}  # fmt: skip
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_RATIO_TAIL = (
    r"(?P<q>more\s+than\s+|almost\s+|nearly\s+|about\s+|around\s+|roughly\s+|over\s+|some\s+)?"
    r"(?P<r>twice|double|treble|triple|half|(?:a|one)\s+(?:third|quarter)\s+of|"
    r"(?P<n>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times)\s+"
    r"(?:(?:as\s+(?:much|many|big|large|high)\s+as|that\s+of|those\s+of)\s+)?"
    r"(?:the|its|their|his|her|a|an|[\w'’-]+['’]s)?\s*(?:[\w'’-]+\s+){0,3}?"
)
_RATIO_GAP = re.compile(r"[^.;!?]{0,50}?\b" + _RATIO_TAIL, re.I)
# "… £84m last year. That is twice the £42m …"
_THAT_IS = re.compile(
    rf"(?:^|[.!?]\s+|\n)\s*{ANAPHOR_SUBJECT}\s+(?:is|was|would\s+be|represents|represented)\s+" + _RATIO_TAIL + "$",
    re.I,
)
_RATIO_WORDS = ("twice", "double", "treble", "triple", "half", "third", "quarter", "times")
_MARGIN = 0.10  # a plain "twice" allows 10% besides rounding ("double" of 41.5 is 83)


def ratios_in_words(art: Article) -> None:
    """Each figure x named after a ratio phrase ("double the £42m"): y is the figure of x's measure before
    the phrase, in x's sentence, or in the sentence before when x's opens "That is twice …"."""
    text = art.text
    figs, _sents, sent = art.figures()
    for k, x in enumerate(figs):
        art.tick(6, x.start)
        if k == 0 or x.kind in ("date", "rank") or x.value <= 0:
            continue
        before = figs[max(0, k - 4) : k]  # bounded: the rule is linear in the figures
        for y in reversed(before):
            if y.unit.lower().startswith("times"):
                continue  # round 13: "three times" itself is the ratio word, not the figure compared
            if y.kind == x.kind and _same_measure(x, y) and y.value > 0 and not _share_between(text, before, y, x):
                found = _ratio_between(text, y, x, sent)
                if found is not None:
                    tail = text[found[3] : x.start]
                    if _DOWN_AFTER.search(tail) and "than" not in tail:
                        break  # "seven times lower at 2": which way the ratio goes is not clear
                    if _UP_AFTER.search(tail) and "than" not in tail:
                        y, x = x, y  # round 15: "8, while B is seven times higher at 59": 59 is the multiple
                    _add_ratio_words(y, x, *found[:3], before, art.add)
                break


def _share_between(text: str, figs: list[Quantity], y: Quantity, x: Quantity) -> bool:
    """A share "of" x read as a figure between them ("nearly half of the £11.7m"): the share rules check it."""
    return any(q.kind == "percent" and y.end <= q.start < x.start and text.startswith(" of ", q.end) for q in figs)


# round 15: a comparative after the ratio with no "than" ("seven times higher at 59"): the figure after it is the
# multiple of the one before, not its base
_UP_AFTER = re.compile(r"\b(?:higher|greater|more|larger|bigger|faster|heavier|longer)\b", re.I)
_DOWN_AFTER = re.compile(r"\b(?:lower|smaller|less|fewer|slower|lighter|shorter)\b", re.I)


def _ratio_between(text: str, y: Quantity, x: Quantity, sent) -> tuple[float, str, str, int] | None:
    """(factor, qualifier, phrase, end of the phrase) when the words between y and x say that y is factor × x."""
    gap = text[max(y.end, x.start - 160) : x.start]
    if not any(w in gap for w in _RATIO_WORDS):
        return None  # a cheap test before the patterns (ratio words are lower case)
    if sent(y) == sent(x):
        m = _RATIO_GAP.fullmatch(text, y.end, x.start)
    elif sent(y) == sent(x) - 1:
        m = _THAT_IS.search(text, max(y.end, x.start - 100), x.start)
    else:
        m = None
    if m is None or not m.group("r").islower():
        return None  # "Doom 3, Half Life 2": a name, not a ratio
    phrase = re.sub(r"\s+", " ", m.group("r").lower())
    if m.group("n"):
        n = m.group("n").lower()
        factor = float(_NUMBER_WORDS.get(n, 0) or n)
    else:
        factor = _FACTORS[phrase]
    return factor, (m.group("q") or "").strip().lower(), phrase, m.end("r")


def _is_ratio_word(q: Quantity) -> bool:
    """The figure of the ratio phrase itself: "three times", "twice" (unit times), "half", "a third" (a fraction)."""
    return q.unit.lower().startswith("times") or q.unit == "fraction"


def _add_ratio_words(
    y: Quantity, x: Quantity, factor: float, qualifier: str, phrase: str, between, add, word: Quantity | None = None
) -> None:
    ratio = y.value / x.value
    lo = (y.value - y.tolerance) / (x.value + x.tolerance)
    hi = (y.value + y.tolerance) / max(x.value - x.tolerance, 1e-9)
    if qualifier == "more than" or qualifier == "over":
        ok = hi > factor
    elif qualifier in ("almost", "nearly"):
        ok = lo <= factor and hi >= factor * (1 - 2 * _MARGIN)
    else:
        ok = lo <= factor * (1 + _MARGIN) and hi >= factor * (1 - _MARGIN)
    exact = ratio == factor and not qualifier
    first, last = (y, x) if y.start < x.start else (x, y)
    times = word or next((q for q in between if _is_ratio_word(q) and first.end <= q.start < last.start), None)
    add(
        "ratio",
        [y, x],
        times,
        (True if exact else "approximately") if ok else False,
        f"{y.text} / {x.text} = {ratio:.2f}{rounding(lo, hi, '.2f')}; the text says "
        f"“{(qualifier + ' ') if qualifier else ''}{phrase}” (×{factor:.3g}, ±10%): "
        + ("consistent" if ok else f"but {_fmt(y.value)} is not that multiple of {_fmt(x.value)}"),
    )


# round 17: the ratio said after a figure, with its comparand left out because it was the figure before: "Its
# rival made £42m, half as much", "… 900 staff in 2004, three times as many", "… £30m, or twice that".
_ELIDED_RATIO = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?[,–—-]\s*(?:or\s+|just\s+|only\s+)?"
    r"(?P<q>more\s+than\s+|almost\s+|nearly\s+|about\s+|around\s+|roughly\s+|over\s+|some\s+)?"
    r"(?P<r>twice|double|treble|triple|half|(?:a|one)\s+(?:third|quarter)|"
    r"(?P<n>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s+times)\s+"
    r"(?:as\s+(?:much|many|big|large|high|great|long)|that(?:\s+(?:figure|amount|number|level|sum|total))?)"
    r"(?P<end>\s*[.;!?]|\s*$|,\s*(?!as\b|than\b)[a-z])",
    re.I,
)
_RATIO_KIND = frozenset({"ratio"})
_ELIDED_FACTORS = {"a third": 1 / 3, "one third": 1 / 3, "a quarter": 0.25, "one quarter": 0.25}


def ratios_with_an_elided_comparand(art: Article) -> None:
    """A figure y followed by ", half as much" / ", three times as many" / ", or twice that" and no comparand
    after it: y is that multiple of the figure of its measure just before it, in y's sentence or the one before
    (the comparand the sentence leaves out). Checked as ratios_in_words checks its ratios."""
    text = art.text
    figs, _sents, sent = art.figures()
    for k, y in enumerate(figs):
        if k == 0 or y.kind in ("date", "rank") or y.value <= 0:
            continue
        m = _ELIDED_RATIO.match(text, y.end, y.end + 90)
        if m is None or not m.group("r").islower():
            continue  # "Half Life 2": a name, not a ratio
        x = next(
            (
                q
                for q in reversed(figs[max(0, k - 4) : k])
                if sent(q) in (sent(y), sent(y) - 1)
                and not q.unit.lower().startswith("times")
                and q.kind == y.kind
                and _same_measure(q, y)
                and (q.kind != "count" or bool(q.unit) == bool(y.unit))  # "Doom 3 sold 3.4 million copies": a name
                and q.value > 0
            ),
            None,
        )
        if x is None or y.id in art.related(_RATIO_KIND):
            continue  # "900 staff, three times as many as the 300": another rule read the ratio
        phrase = re.sub(r"\s+", " ", m.group("r").lower())
        n = (m.group("n") or "").lower()
        factor = float(_NUMBER_WORDS.get(n, 0) or n) if n else _ELIDED_FACTORS.get(phrase) or _FACTORS[phrase]
        if not factor / 4 <= y.value / x.value <= factor * 4:
            continue  # not of the order the words say: another figure is the comparand, not x
        word = next(
            (q for q in figs[k + 1 : k + 3] if m.start("r") <= q.start < m.end("r") and _is_ratio_word(q)), None
        )
        _add_ratio_words(
            y, x, factor, (m.group("q") or "").strip().lower(), phrase, [], _unless_linked(art.add), word=word
        )


def _unless_linked(add):
    """add, reporting nothing on figures another rule already linked ("900 staff, three times as many as the 300")."""
    return lambda *args: add(*args, unless_linked=True)
