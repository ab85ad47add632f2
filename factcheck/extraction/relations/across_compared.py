"""Figures set against each other across a clause or sentence (issue 12): an expectation beaten or missed
("analysts had expected 34 cents") and a baseline named by "compared with", "up from", "against … a
year earlier", with the direction the text states."""

from __future__ import annotations

import re

from ..types import Quantity
from .across_changes import _FROM_BEFORE_X, _add_change, _add_pct_change, _rule_stated_pct
from .common import _FULL_STOP, _PCT_DIRECTION, _SENTENCE_STOP, ANAPHOR_SUBJECT, _direction, _fmt, _same_measure

_EXPECTED_BEFORE = re.compile(
    r"(?<!than-)(?<!than\s)(?<!is\s)(?<!are\s)(?<!was\s)(?<!were\s)(?<!been\s)\b(?:expected|forecast|predicted|estimated|"
    r"predicting|expecting|forecasting|expectations\s+of|forecasts\s+of|"
    r"consensus\s+of|target\s+of(?:\s+an?)?)\s+"
    r"(?:(?:[\w'’]+\s+){0,2}?(?:of\s+)?|(?:[\w'’]+\s+){1,6}?(?:at|of|to\s+be)\s+)$",
    re.I,
)
# the expectation named after the figure: "ahead of the 3.1% the government estimated", "topped the 3.5% growth
# rate that economists had forecast", "below the 2% analysts were expecting"
_EXPECTED_AFTER = re.compile(
    r"\s+(?:[a-z][\w'’-]*\s+){0,2}?(?:that\s+|which\s+)?(?:the\s+|its\s+|most\s+|many\s+)?"
    r"(?:[A-Za-z][\w'’-]*\s+){1,2}?(?:had\s+|have\s+|has\s+|were\s+|was\s+)?"
    r"(?:estimated|forecast|expected|predicted|projected|expecting|forecasting|predicting|pencilled\s+in)\b"
)
_EXPECTATION_WORDS = ("expect", "forecast", "predict", "estimat", "consensus", "target")  # a cheap test first
_MISSED = re.compile(
    r"\b(?:fail(?:ed|s)?\s+to\s+meet|miss(?:ed|es|ing)?|f[ae]ll(?:s)?\s+short|short\s+of|disappoint\w*|below|worse\s+than|"
    # round 13: every tense, and the other words for an outcome under its forecast
    r"undershot|undershoots|lower\s+than\s+(?:expected|forecast|predicted)|weaker\s+than|trail(?:ed|s|ing))\b",
    re.I,
)
_WORD_OF_A_FIGURE = re.compile(r"\b(?:above|below)\s+(?:the\s+|a\s+)?[$£€]?\d", re.I)
_BEAT = re.compile(
    r"\b(?:beat|beats|beating|exceed(?:ed|s|ing)?|top(?:ped|s)|above|better\s+than|ahead\s+of|surpass(?:ed|es|ing)?|"
    r"outstrip(?:ped|s)?|overshot|higher\s+than\s+(?:expected|forecast|predicted)|stronger\s+than)\b",
    re.I,
)
# A figure that is itself a bound, a forecast or the top of a range is no outcome set against an
# expectation: "above ECB guidelines of 2%", "expected to drop below 2%", "forecasts $4.2bn to $4.35bn".
_NOT_OUTCOME = re.compile(
    r"(?:\b(?:above|below|than|guidelines?|targets?|ceiling|limit|threshold)\s+(?:[\w'’]+\s+){0,3}?"
    r"(?:of\s+)?(?:an?\s+|the\s+)?|\d\S*\s+to\s+)$",
    re.I,
)


def _rule_expectation(text: str, y: Quantity, window: list[Quantity], lead_end: int) -> tuple[Quantity, int] | None:
    """ "profit was 33 cents a share, but analysts had expected 34 cents": y is the expectation, x the
    earlier figure of the same measure (window or lead) closest to it, within a third of it; the direction comes
    from "failed to meet", "missed", "below" (-1) or "beat", "exceeded", "above" (+1) in those sentences
    or the lead. No direction word: no relation."""
    if not _is_expectation(text, y) or y.kind == "count" and not y.unit:
        return None  # "expected that Doom 3 would be chosen": a bare number is no expected figure
    near = [
        q
        for q in window
        if q is not y
        and _same_measure(q, y)
        and 0.5 <= q.value / (y.value or 1) <= 2
        and not _FROM_BEFORE_X.search(text, max(0, q.start - 30), q.start)  # "from 57.8" is the old figure
        and not _FROM_REVISED.search(text, max(0, q.start - 30), q.start)
        and not _is_not_outcome(text, q)
        and not _is_expectation(text, q)
    ]
    x = min(near, key=lambda q: (abs(q.value - y.value), -q.start), default=None)  # of the same order as y
    if x is None or y.start - x.start > 300 and not x.start < lead_end:
        return None
    after = _SENTENCE_STOP.split(text[y.end : y.end + 60], maxsplit=1)[0]
    if re.search(r"\d", after):
        after = ""  # "… 2.3%, above the bank's ceiling of 3%": that word sets y against another figure
    if y.start - x.start > 300:  # x in the lead: its words and y's, not everything between them
        span = text[max(0, x.start - 150) : x.end + 150] + " " + text[max(0, y.start - 150) : y.end]
    else:
        span = text[max(0, x.start - 150) : y.end]
    span += after + " " + text[:lead_end]
    span = _WORD_OF_A_FIGURE.sub(" ", span)  # "remained above 50": that word sets a figure against 50
    missed, beat = bool(_MISSED.search(span)), bool(_BEAT.search(span))
    if missed == beat:
        return None
    return x, (-1 if missed else 1)


def _is_expectation(text: str, y: Quantity) -> bool:
    """y an expected figure: the expectation worded before it ("analysts had expected 34 cents") or, right
    after it and after "of the" / "the" before it, the one who expected it ("ahead of the 3.1% the
    government estimated")."""
    before = text[max(0, y.start - 60) : y.start]
    if any(w in before.lower() for w in _EXPECTATION_WORDS) and _EXPECTED_BEFORE.search(before):
        return True
    after = _SENTENCE_STOP.split(text[y.end : y.end + 60], maxsplit=1)[0]
    return bool(
        any(w in after for w in _EXPECTATION_WORDS) and re.search(r"\bthe\s+$", before) and _EXPECTED_AFTER.match(after)
    )


_FROM_REVISED = re.compile(
    r"\bfrom\s+(?:a|an|the)\s+(?:revised|previous|upwardly\s+revised|downwardly\s+revised)\s+$", re.I
)


def _is_not_outcome(text: str, q: Quantity) -> bool:
    """q a bound, a forecast or an end of a range, within its clause: not a result to set against an
    expectation."""
    before = _SENTENCE_STOP.split(text[max(0, q.start - 60) : q.start])[-1]
    range_start = re.match(r"\s*(?:to|-|–)\s*[$£€]?\d", text[q.end : q.end + 12])
    return bool(range_start or _NOT_OUTCOME.search(before) or _EXPECTED_BEFORE.search(before))


def _add_expectation(x: Quantity, y: Quantity, sign: int, add) -> None:
    ok = x.value < y.value if sign < 0 else x.value > y.value
    add(
        "comparison",
        [y],
        x,
        bool(ok),
        f"{x.text} ({_fmt(x.value)}) against the expected {y.text} ({_fmt(y.value)}): the text says it "
        f"{'fell short of' if sign < 0 else 'beat'} expectations, "
        + ("consistent" if ok else f"but {_fmt(x.value)} is not {'below' if sign < 0 else 'above'} {_fmt(y.value)}"),
        unless_linked=True,  # a rule within the sentence ("well ahead of the £70m analysts had expected") had it
    )


# "… £84m. That compares with £75m a year earlier", "climbed to 43.305, up from a close of 43.41",
# "Compared with £75m last year, sales of £84m …": x is named as the baseline of a figure y of the
# same measure nearby; y's own clause says which way it moved (if it says so).
_COMPARED_BEFORE = re.compile(
    r"(?:\b(?P<cmp>compare[sd]?|comparing)\s+(?:with|to)"
    r"|\b(?P<dir>up|down|rising|falling|increasing|decreasing|higher|lower)\s+from"
    r"|\b(?P<vs>versus|vs\.?|against)|(?P<vs2>\())"
    r"\s*(?:(?!(?:and|but|while|which)\b)[A-Za-z'’-]+\s+){0,4}?$",
    re.I,
)
_THEN_AFTER = re.compile(
    r"[^.;!?\d]{0,30}?\b(?:a\s+year\s+(?:earlier|ago|before)|last\s+(?:year|month|quarter)|"
    r"(?:the|a)\s+(?:previous|prior|same)\s+(?:year|month|quarter|period)|previously|in\s+(?:19|20)\d\d)\b",
    re.I,
)
_BACK_OPENER = re.compile(
    rf"(?:^|[.!?]\s+|\n)\s*{ANAPHOR_SUBJECT}\s+"
    r"(?:\w+\s+){0,2}?(?:compare[sd]?|was\s+(?:up|down)|is\s+(?:up|down))\b[^.!?\n]*$"
)
_PRESENT_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?(?:currently|now|at\s+present|today|at\s+the\s+moment)\b", re.I)
_OWN_FROM = re.compile(r"\bfrom\s+(?:an?\s+|the\s+)?[$£€]?\d", re.I)


def _own_baseline(text: str, y: Quantity) -> bool:
    return bool(_OWN_FROM.search(_FULL_STOP.split(text[max(0, y.start - 120) : y.start])[-1]))


_THAN_BEFORE = re.compile(r"\bthan\s+(?:the\s+|a\s+|an\s+)?$", re.I)
_COMPARED_OPENER = re.compile(r"(?:^|[.!?]\s+|\n)\s*(?:Compared|Comparing)\s+(?:with|to)\s+[^.!?\n]*$")


def _rule_compared_with(text: str, x: Quantity, window: list[Quantity], ahead: list[Quantity], sent):
    """x named as a baseline: "compared with x", "up from (a close of) x", "against x a year earlier".
    Returns (y, x) with y the figure compared: the nearest earlier one of the same measure in x's sentence,
    in the sentence before when x's opens "This compares with" / "That was up from", or the next one when
    it opens "Compared with x, …". None if there is no such figure."""
    m = _COMPARED_BEFORE.search(text, max(0, x.start - 50), x.start)
    if m is None or x.kind in ("date", "rank") or x.qualifier == "vague":
        return None
    if _PRESENT_AFTER.match(text, x.end):
        return None  # round 15: "That compares to 12% currently paid by employees": a level now, not an earlier one
    if (m.group("vs") or m.group("vs2")) and not _THEN_AFTER.match(text, x.end, x.end + 40):
        return None  # "traded at $1.20 against the euro", "(£1.1bn)": a baseline only with a time "(£75m in 2003)"
    if _COMPARED_OPENER.search(text, max(0, x.start - 80), x.start):
        pool = [q for q in ahead if sent(q) == sent(x)]
    else:
        pool = [q for q in reversed(window) if sent(q) == sent(x)]
        if not pool and _BACK_OPENER.search(text, max(0, x.start - 120), x.start):
            pool = [q for q in reversed(window) if sent(q) == sent(x) - 1]
            # round 15: a figure whose own sentence gives its baseline ("rise from 9% to 10%, and to 11%") is not
            # the one "That compares to …" sets against another figure
            pool = [
                y for y in pool if not _OWN_FROM.search(_FULL_STOP.split(text[max(0, y.start - 120) : y.start])[-1])
            ]
    for y in pool[:3]:
        if not _same_measure(x, y) or y.qualifier == "vague" or not x.value or not y.value:
            continue
        if x.kind != "percent" and not 0.2 <= y.value / x.value <= 5:
            continue
        if _COMPARED_BEFORE.search(text, max(0, y.start - 50), y.start) or _THAN_BEFORE.search(
            text, max(0, y.start - 20), y.start
        ):
            continue  # y is itself a baseline ("compared with 3% and with 4%", "less than the 47.3% forecast")
        return y, x
    return None


_RATE_QUOTE = re.compile(
    r"\s*(?:[\w']+\s+){0,2}?(?:per|to\s+the|against\s+the)\s+(?:US\s+)?(?P<per>dollar|euro|pound|yen|yuan)", re.I
)
_CURRENCY = re.compile(
    r"\b(?:dollar|euro|pound|yen|yuan|rupee|rouble|ruble|peso|won|rand|franc|krona|sterling|greenback|US\s+currency)s?\b",
    re.I,
)
_CURRENCY_ALIAS = {"greenback": "dollar", "sterling": "pound", "us currency": "dollar"}


_CHANGE_AFTER = re.compile(
    r"[^.;!?\d]{0,40}?,\s+(?:an?\s+)?(?:[a-z]+\s+)?(?P<n>rise|increase|jump|gain|fall|drop|decline|decrease)\s+of\b",
    re.I,
)


def _stated_direction(text: str, y: Quantity, x: Quantity) -> int:
    """The direction the text gives y against its baseline x: "up from"/"down from" right before x, else the
    last direction word of y's clause before y (within 80 characters of its sentence) unless y is itself a
    rate of change ("grew 15.7%"). For an exchange rate ("43.3 per US dollar") the direction is that of the
    currency the clause names (_quote_sense): a rupee that climbs is a smaller figure of rupees per dollar."""
    quote = _RATE_QUOTE.match(text, y.end) or _RATE_QUOTE.match(text, x.end)
    m = _COMPARED_BEFORE.search(text, max(0, x.start - 50), x.start)
    before = _FULL_STOP.split(text[max(0, y.start - 80) : y.start])[-1]
    if m and m.group("dir"):
        sign = _direction(m.group("dir"))
    elif y.kind == "percent" and _PCT_DIRECTION.search(before):
        return 0  # "grew 15.7%": the verb is y's own change, not y against x
    else:
        sign = next((d for d in map(_direction, reversed(re.findall(r"[a-z]+", before.lower()))) if d), 0)
    after = _CHANGE_AFTER.match(text, x.end) if not sign else None  # "compared with £35bn a year ago, a rise of …"
    if after is not None:
        sign = 1 if after.group("n").lower() in ("rise", "increase", "jump", "gain") else -1
    return sign * _quote_sense(before, quote.group("per").lower()) if quote else sign


def _quote_flip(text: str, a: Quantity, b: Quantity) -> int:
    """1 if neither a nor b is an exchange rate; else _quote_sense of the clause before a (-1: the
    direction word is about the counted currency, so the figure moves the other way; 0: no currency)."""
    quote = _RATE_QUOTE.match(text, a.end) or _RATE_QUOTE.match(text, b.end)
    if not quote:
        return 1
    return _quote_sense(_FULL_STOP.split(text[max(0, a.start - 80) : a.start])[-1], quote.group("per").lower())


def _quote_sense(clause: str, per: str) -> int:
    """+1 if the currency the clause names last is the one quoted against ("the euro rose to $1.36 per
    euro": more dollars per euro), -1 if it is another, the one counted ("the rupee climbed to 43.3 per
    US dollar": fewer rupees per dollar), 0 if the clause names no currency."""
    names = [m.group(0).lower() for m in _CURRENCY.finditer(clause)]
    if not names:
        return 0
    name = names[-1].rstrip("s") if not names[-1].endswith("ss") else names[-1]
    return 1 if _CURRENCY_ALIAS.get(name, name) == per else -1


def _add_compared(text: str, y: Quantity, x: Quantity, earlier, sent, add) -> None:
    """A change with the direction y's clause states (breakable), or a percentage change if a % is stated.
    Two figures set side by side with no direction ("25%, compared with 10% before") assert nothing a
    checker can compute, so they are not reported."""
    sign = _stated_direction(text, y, x)
    if not sign:
        return
    pct = _rule_stated_pct(text, x, y, sign, [q for q in earlier if q.kind == "percent"], sent)
    if pct is not None and x.value and x.kind != "percent":
        _add_pct_change(x, y, pct, sign, add)
    else:
        _add_change(text, x, y, sign, add)


# "Growth was 1.1% in 2004, up from 0.3% in 2003 and 0.4% in 2002": a second baseline joined by "and".
_AND_BASELINE = re.compile(
    r"(?:\s+(?:in|on|at|for|during|by)\s+[\w'’ -]{1,25}?)?\s*,?\s+(?:and|or)\s+(?:from\s+|with\s+)?"
    r"(?:just\s+|only\s+|about\s+|around\s+)?",
    re.I,
)


def _rule_further_baseline(text: str, x: Quantity, ahead: list[Quantity], sent) -> Quantity | None:
    """The figure joined to the baseline x by "and" ("up from 0.3% in 2003 and 0.4% in 2002"): another
    baseline of the same figure, of the same measure, in x's sentence."""
    z = ahead[0] if ahead else None
    if z is None or sent(z) != sent(x) or not _same_measure(x, z) or z.qualifier == "vague":
        return None
    return z if _AND_BASELINE.fullmatch(text, x.end, z.start) else None
