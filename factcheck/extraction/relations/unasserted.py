"""Round 15 (precision audit): where the text does not assert a relation that a rule's cues and arithmetic
would report, so that no "broken" alarm is raised on an article whose figures are right. Each guard names
a class of wording found wrong on articles no rule was tuned on (RELATIONS_GOLD.md, "Precision audit
(round 15)"); none reads a particular article."""

from __future__ import annotations

import re

from ..types import Quantity
from .common import _DOWN, _FULL_STOP, _STOP, _UP, INF, _overlap, _words

# a figure named as what was passed ("topped 411 parts per million", "surpassed the Beijing tally of 47
# medals", "exceeded 40C"): a lower bound the subject went beyond, not the subject's own figure
PASSED_BEFORE = re.compile(
    r"\b(?:surpass|exceed|top|beat|overt(?:ake|ook)|pass|eclips)\w*\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:of\s+)?$",
    re.I,
)
_OR_MORE_AFTER = re.compile(r"\s*(?:[a-z]+\s+){0,3}?or\s+(?:more|over|above)\b", re.I)  # "100 or more crimes"
_PARALLEL = re.compile(r"\b(?:also|too|as\s+well|similarly|likewise)\b", re.I)
_NP_END = re.compile(r"\b(?:at|in|on|from|with|who|which|that|to|for|by|if|under|over|when|after|as)\b|[,;:()'‘’\"“”]")
_NEXT_WORD = re.compile(r"\s+(?:most\s+|least\s+)?([a-z]+)\b")
_NOT_SUPERLATIVE = frozenset(
    {"interest", "forest", "request", "guest", "contest", "protest", "harvest", "arrest", "suggest", "honest"}
    | {"modest", "digest", "invest", "manifest", "inquest", "conquest", "bequest", "midwest", "northwest"}
)
_WEAK = frozenset(_STOP | {"than", "that", "will", "would", "more", "less", "one", "per", "they", "have", "been"})


def bounds(text: str, q: Quantity) -> tuple[float, float]:
    """The interval q allows, reading "topped 411" and "100 or more" as lower bounds, and a round figure
    ("Four million", "300,000") as rounded to its last non-zero digit, up to 5% of it."""
    lo = -INF if q.low is None else q.low
    hi = INF if q.high is None else q.high
    if PASSED_BEFORE.search(text, max(0, q.start - 45), q.start) or _OR_MORE_AFTER.match(text, q.end):
        lo, hi = min(lo, q.value), INF
    slack = max(min(q.tolerance, 0.05 * abs(q.value)), _round_slack(q.value))  # as _close reads rounding
    return lo - slack, hi + slack


def ranking_size(text: str, q: Quantity) -> bool:
    """q is the size of a ranking ("the ten cleanest and ten most polluted cities", "the 25 best schools"):
    a list's length, not an amount that adds up or restates another list's."""
    unit = q.unit.lower().split() if q.kind in ("count", "other") else []
    if unit:
        first = unit[0]  # "ten greenest": the word is the figure's unit
    else:
        m = _NEXT_WORD.match(text, q.end, q.end + 40)
        if m is None:
            return False
        first = "most" if m.group(0).lstrip().lower().startswith(("most ", "least ")) else m.group(1).lower()
    if first in ("best", "worst", "most", "least", "top"):
        return True
    return len(first) >= 6 and first.endswith("est") and first.rstrip("s") not in _NOT_SUPERLATIVE


def _round_slack(v: float) -> float:
    if v != int(v) or abs(v) < 100:
        return 0.0
    n, zeros = int(abs(v)), 0
    while n % 10 == 0:
        n, zeros = n // 10, zeros + 1
    return min(0.5 * 10**zeros, 0.05 * abs(v)) if zeros >= 2 else 0.0


def _content(words) -> set[str]:
    return {w.rstrip("s") for w in words if w not in _WEAK}


def _noun_after(text: str, q: Quantity) -> set[str]:
    """The words of what q counts or measures, right after it ("£1.8bn | pay rise | if …"), move words
    left out ("12% rise in rents": the rents are cut off at "in", so nothing is compared)."""
    tail = _FULL_STOP.split(text[q.end : q.end + 30], maxsplit=1)[0]
    tail = _NP_END.split(tail, maxsplit=1)[0]
    words = re.findall(r"[a-z][a-z'’-]{2,}", tail.lower())
    return _content(w for w in words if not (_UP.fullmatch(w) or _DOWN.fullmatch(w)))  # "rise" names no thing


def _unit_words(q: Quantity) -> frozenset[str]:
    """The noun of a count or measure ("45 banks"); a currency or a % names no thing."""
    return frozenset() if q.kind in ("money", "percent") else _words(q.unit)


def _clause_before(text: str, q: Quantity, width: int = 120) -> str:
    return re.split(r"[.!?](?:\s|$)|\n|;", text[max(0, q.start - width) : q.start])[-1]


def break_unasserted(text: str, a: Quantity, b: Quantity) -> bool:
    """a (a headline or lead figure) and b (a later figure in like words) are not asserted to be one figure
    with two values: their intervals overlap once bounds and rounding are read ("more than 55" … "100 or
    more"; "Four million" … "4,007,927"; "topped 411" … "exceeded 410"), b is set beside a as a parallel
    ("X also spent more than £4m"), or b's words do not name what a measures ("£1.8bn pay rise" … "the
    economy will grow by £3.4bn")."""
    if _overlap(bounds(text, a), bounds(text, b)) or ranking_size(text, a) or ranking_size(text, b):
        return True
    if _PARALLEL.search(_clause_before(text, b)):
        return True
    noun = _noun_after(text, a) | _unit_words(a)
    if not noun:
        return False
    around = _clause_before(text, b, 100) + " " + text[b.end : b.end + 40]
    return not noun & (_content(re.findall(r"[a-z][a-z'’-]{2,}", around.lower())) | _unit_words(b))


# a figure that is no amount a relation could be about: the denominator of a rate worded "one in 10 callers"
# (the rate rises as it gets smaller), and a picture gallery's counter ("Play slideshow 1 of 40")
_ONE_IN_BEFORE = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|\d{1,3})\s+in\s+(?:every\s+)?$", re.I)
_GALLERY = (
    r"\b(?:slideshow|gallery|images?|photos?|pictures?|slides?)\s+(?:(?:Getty|AFP|Reuters|PA|AP)\s+(?:Images\s+)?)?"
)
_GALLERY_FIRST = re.compile(_GALLERY + r"$", re.I)
_GALLERY_SECOND = re.compile(_GALLERY + r"\d{1,3}\s+of\s+$", re.I)


def no_amount(text: str, q: Quantity) -> bool:
    """q names no amount: "one in 10 callers" (a rate's denominator), "slideshow 1 of 40" (a counter)."""
    before = text[max(0, q.start - 30) : q.start]
    if before.endswith(("in ", "every ")):  # cheap tests before the patterns
        return q.kind == "count" and bool(_ONE_IN_BEFORE.search(before))
    if before.endswith("of "):
        return bool(_GALLERY_SECOND.search(before))
    return text.startswith(" of ", q.end) and bool(_GALLERY_FIRST.search(before))
