"""Round 10 (issue 12): a level said to cross a threshold ("sales broke through the $4 trillion mark - coming
in at $4.06 trillion", "pushed oil above $50 a barrel for the first time … closed at $51.15", "closed at
24,997 … will rise above the 25,000 mark before long"). The threshold is marked by a crossing word before
it and "mark", "level", "barrier", "threshold", "milestone" or "for the first time" after it, or named as
a baseline ("below last year's peak of $55.67"); the level is the nearest figure of the same measure, in its
sentence, else up to two sentences before, else after, that is not itself a
change amount ("closed up $2.80") or a bound. A crossing said to be ahead ("will rise above") puts the
level on the other side now. Run after the other rules, on pairs no rule linked."""

from __future__ import annotations

import re

from ..types import Quantity
from .common import _FULL_STOP, Article, _family, _fmt, _same_measure, _words

_CROSS_BEFORE = re.compile(
    r"\b(?P<dir>above|over|through|past|beyond|topped|topping|tops|breached|breaching|crossed|crossing|"
    r"below|under|beneath)\s+(?:the\s+|a\s+)?$",
    re.I,
)
# a baseline named by what it is: "below last year's peak of $55.67", "above 2004's average of $41.48"
_BASELINE_BEFORE = re.compile(
    r"\b(?P<dir>above|below|under|over|beyond)\s+(?:[\w'’]+\s+){0,2}?(?:peak|average|high|low|level)\s+of\s+$", re.I
)
_MARK_AFTER = re.compile(
    r"\s*(?!an?\s)(?:[a-z]+\s+)?(?:mark|barrier|threshold|milestone|level)\b|[^.;!?\d]{0,30}?\bfor\s+the\s+first\s+time\b",
    re.I,
)
_AHEAD = re.compile(
    r"\b(?:will|would|could|may|might|(?:expected|set|likely|poised|forecast|predicted|tipped|due)\s+to|"
    r"on\s+course\s+to|hopes?\s+to|aims?\s+to)\b(?:\s+[a-z]+){0,3}\s*$",
    re.I,
)
_CHANGE_AMOUNT = re.compile(
    r"\b(?:up|down|by|rose|fell|gained|lost|added|adding|shed|shedding|jumped|dropped)\s+$", re.I
)
_MARK_WORDS = frozenset({"mark", "level", "barrier", "threshold", "milestone", "point", "points"})
_BELOW = ("below", "under", "beneath")
_NEAR = 2  # sentences before or after the threshold's where its level is looked for


def _threshold(text: str, t: Quantity) -> int:
    """+1 if t is a threshold the text says a level is above (or has crossed upwards), -1 below, 0 if t is
    no threshold. A crossing ahead ("will rise above", "expected to fall below") gives the side it is on now."""
    before = text[max(0, t.start - 50) : t.start]
    m = _BASELINE_BEFORE.search(before)
    if m is None:
        m = _CROSS_BEFORE.search(before)
        if m is None or not (_MARK_AFTER.match(text, t.end) or _words(t.unit) & _MARK_WORDS - {"point", "points"}):
            return 0
    sign = -1 if m.group("dir").lower() in _BELOW else 1
    clause = _FULL_STOP.split(text[max(0, t.start - 60) : t.start - len(before) + m.start()])[-1]
    return -sign if _AHEAD.search(clause) else sign


def _comparable(text: str, t: Quantity, x: Quantity) -> bool:
    """x a level that can be set against the threshold t: same measure (a count's "mark" or "points" word
    aside), within a factor of 2.5, no bound or change amount itself."""
    if x is t or x.qualifier is not None or not x.value or not t.value or _family(x) != _family(t):
        return False
    if not 0.4 <= x.value / t.value <= 2.5 or _CHANGE_AMOUNT.search(text, max(0, x.start - 12), x.start):
        return False
    if _AHEAD.search(_FULL_STOP.split(text[max(0, x.start - 40) : x.start])[-1]):
        return False  # "could hit 150,000 by September": a forecast, not the level now
    if _family(t) == "count" and (_words(t.unit) <= _MARK_WORDS or _words(x.unit) <= _MARK_WORDS):
        return True
    return _same_measure(t, x)


def thresholds_crossed(art: Article) -> None:
    """A threshold (_threshold) and the nearest comparable level (_comparable) within _NEAR sentences: a
    comparison that holds when the level is on the side the text says."""
    text = art.text
    figs, sents, sent = art.figures()
    for k, t in enumerate(figs):
        sign = _threshold(text, t) if t.kind in ("money", "percent", "count", "other") else 0
        if not sign:
            continue
        near = [
            x
            for x in figs[max(0, k - 12) : k + 12]
            if abs(sent(x) - sents[k]) <= _NEAR and not _threshold(text, x) and _comparable(text, t, x)
        ]
        # its own sentence first, then the sentences before (the level a later clause refers back to), then after
        x = min(near, key=lambda q: (sent(q) != sents[k], sent(q) > sents[k], abs(q.start - t.start)), default=None)
        if x is None:
            continue
        holds = x.value > t.value if sign > 0 else x.value < t.value
        side = "above" if sign > 0 else "below"
        art.add(
            "comparison",
            [t],
            x,
            holds,
            f"{x.text} ({_fmt(x.value)}) against the {t.text} ({_fmt(t.value)}) the text says it is {side}: "
            + ("consistent" if holds else f"but {_fmt(x.value)} is not {side} {_fmt(t.value)}"),
            unless_linked=True,
        )
