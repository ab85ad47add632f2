"""Restatements (issue 12): a headline or lead figure stated again in the body, a small count taken up
by "the nine men", a figure restated right after it ("nearly half - some 47%"), and a headline figure
the body contradicts in the same words."""

from __future__ import annotations

import re

from ..types import Quantity
from .common import (
    _FULL_STOP,
    _LEAD_FIGURES,
    _QUALIFIER_CMP,
    _STOP,
    _WINDOW,
    INF,
    ITEM_TAIL,
    Article,
    _close,
    _context_words,
    _family,
    _fmt,
    _loose,
    _same_measure,
    _same_precision,
    _tolerance_note,
    _words,
)
from .unasserted import break_unasserted, ranking_size

_RESTATE_SPAN = 300  # figures after a lead figure where its restatement is looked for
_RESTATED_WORDS = 2  # words of context a lead figure and a later one must share to be the same figure
_APPOSITION = re.compile(
    r"(?:\s+[\w'’]+){0,4}\s*(?:[-–—(]|,\s+or\b)\s*(?:some|about|around|nearly|almost|roughly)?\s*$", re.I
)
_RANGE_START = re.compile(r"\s*(?:to|-|–)\s*\d")
_DEFINITE = re.compile(r"\b(?:the|these|those|all)\s+$", re.I)
# where a noun phrase after a figure ends: "Two senior officials | at one of China's banks"
_NP_END = re.compile(r"\b(?:at|of|in|on|from|with|who|which|that|to|for|by|have|has|had|were|was|are|is|will)\b|[,;:(]")
_NOT_NOUNS = frozenset({"now", "still", "already", "also", "then", "who", "which", "that", "were", "are", "have"})
_GROUP_NOUNS = frozenset({"men", "women", "people", "person", "one", "other", "member", "firm", "company", "group"})


def restatements(art: Article) -> None:
    """A headline or lead figure stated again in the body ("GM pays $2bn" … "(… $2bn; £1.1bn)"): the
    first later figure of the same measure and value (_rule_restated), or for a headline count "the nine
    men" (_rule_definite_count). A headline figure with no restatement but one later figure that looks
    like it in the same words is a broken restatement (_rule_headline_break)."""
    text, add, tick = art.text, art.add, art.tick
    figs, _sents, sent = art.figures()
    lead = [q for q in figs if sent(q) <= 2 and q.qualifier != "vague"][:_LEAD_FIGURES]
    lead = [q for q in lead if q.kind != "duration" or sent(q) == 0]  # "three months" again is rarely a claim
    lead = [q for q in lead if not _VAGUE_BEFORE.search(text, max(0, q.start - 12), q.start)]
    lead = [q for q in lead if not _label(text, q) and (q.unit != "score" or sent(q) == 0)]
    position = {q.id: k for k, q in enumerate(figs)}
    for a in lead:
        tick(6, a.start)
        later = figs[position[a.id] + 1 : position[a.id] + 1 + _RESTATE_SPAN]  # bounded: linear in the article
        same = [
            b
            for k, b in enumerate(_same_later(text, a, later, sent))
            if not ((k < _WINDOW or _close(a, b)) and _another_event(text, a, b))
        ]  # only the figures a rule below can pick are read for "another event" (its patterns cost)
        headline = sent(a) == 0 and "\n" not in text[: a.start] and _headline_line(text, a)
        first = [b for b in same if sent(b) == 1]  # the first body sentence restates the headline, if anything
        b = None
        if headline and not any(_close(a, q) for q in first):
            # the lead sentence restates the headline; when no later figure has the headline's value either,
            # one shared word is enough to say which of its figures does
            need = 1 if not any(_close(a, q) for q in same) else _RESTATED_WORDS
            b = _rule_headline_break(text, a, first, need)
        found = None if b else _rule_restated(text, a, same, sent) or _rule_definite_count(text, a, later, sent)
        if found is not None:
            add("restatement", [a], found[0], found[1], found[2])
            _rule_conversion_break(text, a, found[0], figs, position, add)
            continue
        group = _rule_definite_count_break(text, a, later, sent)
        if group is not None:
            add(
                "restatement",
                [a],
                group,
                False,
                f"{a.text} ({_fmt(a.value)}) are taken up again as “the {group.text}” ({_fmt(group.value)}): "
                f"the same group with another number",
            )
            continue
        if not headline:
            continue  # only a headline asserts that the body says the same (lead figures: false alarms)
        b = b or _rule_headline_break(text, a, same)
        if b is not None:
            add(
                "restatement",
                [a],
                b,
                False,
                f"the headline says {a.text} ({_fmt(a.value)}) but later the article says {b.text} ({_fmt(b.value)}) "
                f"in the same words; they differ by {_fmt(abs(a.value - b.value))}, beyond rounding"
                f"{_tolerance_note(a, b)}",
            )


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:a\s+|an\s+|the\s+)?(?:revised\s+|previous\s+)?$", re.I)
_VAGUE_BEFORE = re.compile(r"\b(?:several|a\s+few|many)\s+$", re.I)  # "several hundred" is no figure to restate
_TO_FIGURE = re.compile(r"\s+to\s+(?:a\s+|an\s+|just\s+)?([$£€]?\d[\d,.]*\w*)")


_BOUND_BEFORE = re.compile(
    r"(?:\b(?:above|below|than)\s+(?:[\w'’]+\s+){0,3}?|\b(?:ceiling|target|limit|threshold|guidelines?)\s+)"
    r"(?:of\s+)(?:an?\s+|the\s+)?$"
    r"|\b(?:above|below|than)\s+(?:an?\s+|the\s+)?$",
    re.I,
)


def _headline_line(text: str, a: Quantity) -> bool:
    """a's first line is a headline: a line of its own (the text goes on after it) that ends without a full
    stop. A pasted text that opens with a body sentence ("The firm made £84m in 2004. Its rival made £42m")
    has no headline, and its first figure asserts nothing about the next ones."""
    nl = text.find("\n", a.end, a.end + 400)
    if nl < 0 or not text[nl:].strip():
        return False
    return not text[a.end : nl].rstrip().endswith(".")


def _is_bound(text: str, q: Quantity) -> bool:
    """q a limit set by the words before it ("above the bank's ceiling of 3%", "a target of 3%")."""
    return bool(_BOUND_BEFORE.search(_FULL_STOP.split(text[max(0, q.start - 50) : q.start])[-1]))


def _another_event(text: str, a: Quantity, b: Quantity) -> bool:
    """a and b each a change that ends at another level ("US crude fell 32 cents to $51.43" … "Brent crude
    fell 32 cents to $49.74"): the same amount of two different moves, not one figure stated twice; a figure
    of a vague "several hundred"; one of the two a limit ("a ceiling of 3%") and the other not."""
    if _VAGUE_BEFORE.search(text, max(0, b.start - 12), b.start):
        return True
    if _QUALIFIER_CMP.isdisjoint((a.qualifier, b.qualifier)) and _is_bound(text, b) != _is_bound(text, a):
        return True  # "left its key rate at 3%" … "above the bank's ceiling of 3%": a figure and a limit
    ta, tb = _TO_FIGURE.match(text, a.end), _TO_FIGURE.match(text, b.end)
    return bool(ta and tb and ta.group(1).rstrip(".,") != tb.group(1).rstrip(".,"))


def _same_later(text: str, a: Quantity, later: list[Quantity], sent) -> list[Quantity]:
    """The later figures, in later sentences, that could restate a: same measure, not vague, not a label
    (_label); a score ("7-6") only by the same score, and only a headline's (sets repeat by chance)."""
    same = [
        b
        for b in later
        if _family(b) == _family(a) and sent(b) > sent(a) and b.qualifier != "vague" and _same_measure(a, b)
    ]
    same = [b for b in same if not _label(text, b) and (a.unit != "score" or text[a.start : a.end] == b.text)]
    if a.kind in ("count", "other"):
        # "two" again is a restatement only of the same things ("two countries"); large counts stand alone
        same = [
            b for b in same if b.value >= 10 and (_words(b.unit) or a.value >= 10) or _words(a.unit) & _words(b.unit)
        ]
    return same


# a distance that names a race, not a length measured: "the 100m champion", "800 metres runner", "my 60m
# world indoor silver", "won the 1500m at", "the 800m and 1500m champion"
_EVENT_AFTER = re.compile(
    r"\s*(?:and\s+\d[\d,]*\s*(?:m|metres|meters)\s+)?(?:champion|title|final|race|runner|victory|favourites?"
    r"|record|gold|silver|bronze|medal|hurdles|relay|freestyle|breaststroke|backstroke|butterfly|medley|event|"
    r"heats?|world|indoor|olympic|semi-final|crown)\b",
    re.I,
)
_EVENT_BEFORE = re.compile(r"\b(?:in|won|wins?|run|runs|ran|contest|enter|enters)\s+the\s+$", re.I)
_RANK_BEFORE = re.compile(r"\b(?:number|No\.?)\s*$", re.I)  # "his third number one single": a rank
# a number that names a type: "six-cylinder engines", "a five-star hotel", "two-door cars", "a 12-inch screen"
_TYPE_NAME = re.compile(
    r"[\w.]+[- ](?:cylinder|door|wheel(?:ed|er)?|bedroom|bed|seater|seat|speed|star|stroke|storey|story|inch|"
    r"track|piece|string|lane)\b",
    re.I,
)
_AGE_APPOSITION = re.compile(r"[A-Z][\w'’-]+,\s*$")  # "Bell, 30, had set his sights": an age


def _label(text: str, q: Quantity) -> bool:
    """q names something rather than measures it, so it restates nothing: a race distance, a chart rank,
    a type ("six-cylinder engines"), a character code ("caf&#233;"), or a bare number in apposition after a
    name ("Bell, 30,": an age)."""
    before = text[max(0, q.start - 20) : q.start]
    if before.endswith("&#") or _RANK_BEFORE.search(before) or _TYPE_NAME.match(text, q.start, q.end + 12):
        return True
    if q.unit in ("m", "metres", "meters") and (_EVENT_AFTER.match(text, q.end) or _EVENT_BEFORE.search(before)):
        return True
    return not q.unit and bool(_AGE_APPOSITION.search(before)) and text.startswith(",", q.end)


def _rule_restated(text: str, a: Quantity, same: list[Quantity], sent) -> tuple[Quantity, object, str] | None:
    """The first later figure of the same measure equal to a within rounding (to a's precision unless a is
    in the headline, which rounds), or a later bound ("above 4 million") that a satisfies in shared words.
    Returns (b, holds, explanation) or None. The lower end of a bare range ("aged 18 to 21") is not a figure
    of its own."""
    if a.kind in ("count", "other") and not _words(a.unit) and _RANGE_START.match(text, a.end):
        return None
    equal = next(
        (
            b
            for b in same
            if _close(a, b)
            and (sent(a) == 0 or _same_precision(a, b))
            and (sent(a) == 0 or a.kind != "percent" or _context_words(text, a, 100, 40) & _body_words(text, b))
        ),
        None,
    )  # a lead share equal to a later one is the same figure only in shared words ("owns 30%" … "Daimler (30%)")
    if equal is not None:
        exact = a.value == equal.value
        return (
            equal,
            True if exact else "approximately",
            f"{a.text} ({_fmt(a.value)}) is stated again as {equal.text} ({_fmt(equal.value)})"
            + ("" if exact else f": equal within rounding{_tolerance_note(a, equal)}"),
        )
    baseline = re.search(
        r"\bfrom\s+(?:a\s+|an\s+|the\s+)?(?:revised\s+|previous\s+)?$", text[max(0, a.start - 25) : a.start]
    )
    bound = next(
        (b for b in same[:_WINDOW] if _within_bounds(a, b) and _context_words(text, a) & _context_words(text, b)),
        None,
    )  # the old figure of a change ("fell to 51.8 from a revised 53.3") is not what a later bound restates
    bound = None if baseline else bound
    if bound is not None:
        return bound, True, f"{a.text} ({_fmt(a.value)}) is consistent with the later “{bound.qualifier} {bound.text}”"
    return None


def _rule_definite_count(text: str, a: Quantity, later: list[Quantity], sent) -> tuple[Quantity, object, str] | None:
    """A small count of the headline or first sentence ("Eight protesters charged") taken up later by a
    definite noun phrase with the same number ("Five of the eight men", "the nine now charged"): the
    article refers back to the same group, by the same noun, a generic one (men, people) or none."""
    if sent(a) > 1 or a.kind != "count" or not 2 <= a.value <= 20 or a.value != int(a.value):
        return None
    for b in later[: 3 * _WINDOW]:
        if b.kind != "count" or b.value != a.value or sent(b) <= sent(a):
            continue
        noun = _words(b.unit) - _NOT_NOUNS
        a_noun = _group_noun(text, a)
        if noun and not noun & a_noun and not noun <= _GROUP_NOUNS:
            continue  # "two Saudi services" … "the two countries": another group
        if _DEFINITE.search(text, max(0, b.start - 8), b.start):
            return b, True, f"{a.text} ({_fmt(a.value)}) are taken up again as “the {b.text}”"
    return None


_CONVERSION_GAP = re.compile(r"\s*(?:[a-z]+\s+){0,2}[(;]\s*")  # "$15bn per annum (£8.2bn)"


def _conversions(text: str, figs: list[Quantity], k: int) -> list[Quantity]:
    """The same amount in other currencies right beside figs[k]: "£5.5bn ($10bn)", "9.5bn kronor (£722m;
    $1.3bn)", "$15 billion (£8.2bn)"."""
    out = []
    for step in (1, -1):
        i = k
        while 0 <= i + step < len(figs) and len(out) < 4:
            a, b = (figs[i], figs[i + step]) if step == 1 else (figs[i + step], figs[i])
            if not (a.kind == b.kind == "money" and _CONVERSION_GAP.fullmatch(text, a.end, b.start)):
                break
            out.append(figs[i + step])
            i += step
    return [q for q in out if q.unit != figs[k].unit]


def _rule_conversion_break(text: str, a: Quantity, b: Quantity, figs: list[Quantity], position, add) -> None:
    """a restated as b, each with the amount in another currency beside it ("£5.5bn ($10bn)" …
    "$15 billion (£5.5bn)"): the conversions restate each other too, so one that differs beyond rounding
    is a broken restatement."""
    if a.kind != "money" or b.id not in position or not _close(a, b):
        return  # an equal figure, not a bound ("over $40m")
    later = {q.unit: q for q in _conversions(text, figs, position[b.id])}
    for a2 in _conversions(text, figs, position[a.id]):
        b2 = later.get(a2.unit)
        if b2 is not None and b2.start > a2.start and not _close(a2, b2):
            add(
                "restatement",
                [a2],
                b2,
                False,
                f"{a.text} is stated again as {b.text}, but beside them {a2.text} ({_fmt(a2.value)}) becomes "
                f"{b2.text} ({_fmt(b2.value)}): beyond rounding{_tolerance_note(a2, b2)}",
            )


def _group_noun(text: str, a: Quantity) -> frozenset[str]:
    """The words of a count's noun phrase: "Two senior officials | at one of China's banks"."""
    phrase = _NP_END.split(_FULL_STOP.split(text[a.end : a.end + 45], maxsplit=1)[0], maxsplit=1)[0]
    return _words(a.unit) | _words(" ".join(re.findall(r"[a-z]+", phrase.lower())))


_NOT_GROUP_SIZE = re.compile(r"\s+(?:other|others|more|further|additional|extra)\b", re.I)
_OF_THE = re.compile(r"\b(?:of|out\s+of)\s+(?:the|these|those|all\s+the)\s+$", re.I)


def _rule_definite_count_break(text: str, a: Quantity, later: list[Quantity], sent) -> Quantity | None:
    """A small count of the headline or first sentence ("Six textile factories") whose group is taken up
    later with another number: the first later definite count with a's own noun ("the 9 factories"), or
    by a generic noun or none either as a whole after "of the" ("Five of the 12 men") or larger than a,
    up to twice ("Three councillors" … "the 4 men": a subgroup is smaller, "the five" of eight). None if
    that first one has a's number (then _rule_definite_count has it)."""
    if sent(a) > 1 or a.kind != "count" or not 2 <= a.value <= 20 or a.value != int(a.value):
        return None
    if _NOT_GROUP_SIZE.match(text, a.end) or ranking_size(text, a):
        return None  # round 15: "X and the seven other lawmakers" counts a group of eight; "the ten cleanest" a list
    a_noun = _group_noun(text, a) - _GROUP_NOUNS - _NOT_NOUNS
    for b in later[: 3 * _WINDOW]:
        if b.kind != "count" or sent(b) <= sent(a) or b.value != int(b.value):
            continue
        if not _DEFINITE.search(text, max(0, b.start - 8), b.start) or ranking_size(text, b):
            continue
        noun = _words(b.unit) - _NOT_NOUNS
        own = bool(noun & a_noun)
        generic = not noun or noun <= _GROUP_NOUNS
        larger = a.value < b.value <= 2 * a.value  # more than the group: not a subgroup ("the five" of eight)
        whole = generic and (larger or bool(_OF_THE.search(text, max(0, b.start - 16), b.start)))
        if own or whole:
            return b if b.value != a.value else None
    return None


def _body_words(text: str, q: Quantity) -> set[str]:
    """Words before a body figure (up to 100 characters) and just after it (30), within its sentence
    (a semicolon or bracket does not end it: "(… $53.6m; £19.1m) back-tax claim")."""
    left = _FULL_STOP.split(text[max(0, q.start - 100) : q.start])[-1]
    right = _FULL_STOP.split(text[q.end : q.end + 30], maxsplit=1)[0]
    words = re.findall(r"[a-z][a-z'’-]{2,}", (left + " " + right).lower())
    return {w.rstrip("s") for w in words if w not in _STOP}


def _rule_headline_break(text: str, a: Quantity, same: list[Quantity], need: int = _RESTATED_WORDS) -> Quantity | None:
    """The body figure the headline's a was meant to restate, when none is equal: of the same measure and
    order (half to twice a), among the next _WINDOW figures, sharing at least _RESTATED_WORDS words of the
    headline (the headline's words against the body figure's clause), strictly more than any other."""
    ctx = _context_words(text, a)
    near = [b for b in same[:_WINDOW] if 0.5 <= b.value / (a.value or 1) <= 2 and not _marked_part(text, b)]
    scored = sorted(((len(ctx & _body_words(text, b)), -b.start, b) for b in near), reverse=True)[:2]
    if scored and scored[0][0] >= need and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return None if break_unasserted(text, a, scored[0][2]) else scored[0][2]
    return None


# "including 600 jobs", "600 of the jobs", "Of those, 600", "another 600": the body names a part of the
# headline's figure, or a further one, not the same figure in other numbers.
_PART_BEFORE = re.compile(
    r"(?:\b(?:including|of\s+(?:which|whom)|another|a\s+further|an\s+(?:extra|additional))"
    r"|(?:^|[.;]\s+|\n)\s*Of\s+(?:those|these|them|that|this|the\s+total)\b[^.;\d]{0,20})\s*$",
    re.I,
)
_PART_AFTER = re.compile(r"\s+(?:of|out\s+of)\s+(?:the|its|their|those|these|them|all)\b", re.I)


# round 13: or b is one item of a list ("cut 600 jobs in Britain and 400 in Ireland": 600 is a part of the
# headline's 1,000, not the same figure given another value)
_NEXT_ITEM = re.compile(
    rf"(?:{ITEM_TAIL})?\s*(?:,\s*(?:and\s+|plus\s+)?|and\s+|plus\s+)(?:(?:a\s+further|another)\s+)?"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?[$£€]?\d",
    re.I,
)
_PREVIOUS_ITEM = re.compile(r"\d[\d,.]*(?:%|m|bn|k)?(?:\s+[a-z]+)?\s*(?:,\s*(?:and\s+)?|and\s+|plus\s+)$", re.I)


def _marked_part(text: str, b: Quantity) -> bool:
    """b is worded as a part or a further amount ("including 600 jobs", "600 of the jobs", "Of those, 600"), or
    is an item of a list."""
    return bool(
        _PART_BEFORE.search(text, max(0, b.start - 40), b.start)
        or _PART_AFTER.match(text, b.end)
        or _NEXT_ITEM.match(text, b.end)
        or _PREVIOUS_ITEM.search(text, max(0, b.start - 40), b.start)
    )


def _rule_apposition(text: str, a: Quantity, b: Quantity) -> bool:
    """ "Nearly half of all Palestinians - some 47% - live …": b restates a right after it, within a's bounds."""
    shares = a.kind == b.kind == "percent" and {a.unit, b.unit} <= {"%", "fraction"}  # "half" and "47%"
    if not (a.end <= b.start and (shares or _same_measure(a, b)) and _APPOSITION.fullmatch(text, a.end, b.start)):
        return False
    lo, hi = _loose(a)
    lo, hi = (a.value * 0.9 if lo == -INF else lo), (a.value * 1.1 if hi == INF else hi)
    return lo <= b.value <= hi and a.value != b.value


_APPOSITION_APPROX = re.compile(r"(?:\s+[\w'’]+){0,4}\s*[-–—(]\s*(?:some|about|around|nearly|almost|roughly)\s+$", re.I)
_APPOSITION_CLOSE = re.compile(r"\s*[-–—)]")


def _rule_apposition_break(text: str, a: Quantity, b: Quantity) -> bool:
    """ "Nearly half of all Palestinians - some 70% - live …": b set off by dashes or brackets as a's
    approximate value ("some", "about") right after it, but outside a's bounds beyond rounding."""
    shares = a.kind == b.kind == "percent" and {a.unit, b.unit} <= {"%", "fraction"}
    if not (a.end <= b.start and (shares or _same_measure(a, b)) and a.value > 0):
        return False
    if not (_APPOSITION_APPROX.fullmatch(text, a.end, b.start) and _APPOSITION_CLOSE.match(text, b.end)):
        return False
    lo, hi = _loose(a)
    lo, hi = (a.value * 0.9 if lo == -INF else lo), (a.value * 1.1 if hi == INF else hi)
    return not lo <= b.value <= hi


def _within_bounds(a: Quantity, b: Quantity) -> bool:
    """b is stated with a bound ("above 4 million") that a ("4.464 million") satisfies."""
    if b.qualifier not in _QUALIFIER_CMP or a.qualifier is not None:
        return False
    lo, hi = _loose(b)
    return lo <= a.value <= hi and 0.5 <= a.value / (b.value or 1) <= 2


# "Thailand may lose 30bn baht … Thailand intends to spend a similar sum - around 30bn baht": the text says
# that the figure is about the earlier one.
_SIMILAR = re.compile(
    r"\b(?:a\s+similar|the\s+same|an\s+equal|a\s+comparable|a\s+matching)\s+(?:sum|amount|figure|number|total|level)"
    r"\s*(?:[-–—,:(]\s*|of\s+)?(?:around\s+|about\s+|some\s+|roughly\s+|nearly\s+|almost\s+)?$",
    re.I,
)
_SIMILAR_WITHIN = 0.15  # "a similar sum": within 15% of the earlier figure


def _rule_similar(text: str, y: Quantity, window: list[Quantity], sent) -> tuple[Quantity, bool] | None:
    """y named as "a similar sum - around y": the nearest earlier figure of its measure up to two sentences
    back. Returns (x, holds) with holds False when y is more than 15% (plus rounding) away from x."""
    before = text[max(0, y.start - 50) : y.start]
    if not any(w in before for w in ("similar", "same", "equal", "comparable", "matching")) or not _SIMILAR.search(
        before
    ):
        return None  # a cheap test before the pattern
    for x in reversed(window):
        if sent(y) - 2 <= sent(x) <= sent(y) and x.kind == y.kind and _same_measure(x, y) and x.value > 0:
            off = abs(y.value - x.value) - x.tolerance - y.tolerance
            return x, off <= _SIMILAR_WITHIN * x.value
    return None
