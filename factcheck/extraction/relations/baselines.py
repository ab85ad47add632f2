"""Changes against an earlier level the text names as such (issue 12, round 18): "Shipments rose 3% to 297
million. A year earlier, 288 million were shipped." A figure whose clause places it in an earlier period (a
year earlier, last winter, the previous year, in the same months of last year, having numbered … in 2015,
"against £280m" with such a period) is the baseline of the nearest earlier figure of its measure within two
sentences: the current level. What the text states about that move is then checked, in this order:

- a percentage tied to the current level by a direction word ("rose 3% … to 297 million", "3.9% higher than
  a year earlier"), or the headline's ("Ticket prices rise by 40%"): the computed change against it;
- an amount ("1,303 fewer than 12 months earlier", "an increase of 58,000", "a rise of £19m"): y − x against it;
- else a direction word in the current level's clause ("climbed", "slowing from"): the direction;
- else nothing: two figures side by side with no direction are not reported (round 12's decision).

Written from the tuning half of the articles this project wrote (tools/gold/written) and sentences made up
for tests/extraction/test_relations_baselines.py. Linear: each baseline looks back at most _BACK figures.
"""

from __future__ import annotations

import re

from ..types import Quantity
from .across_changes import _add_change, _add_pct_change
from .common import (
    _SENTENCE_STOP,
    EARLIER_PERIOD,
    Article,
    _direction,
    _family,
    _same_measure,
    add_difference,
)

_BACK = 6
_SEASON = r"(?:year|month|quarter|winter|summer|spring|autumn|season|term|half|financial\s+year)"
# the earlier period named around the baseline, before it in its clause or right after it
_PERIOD = (
    rf"(?:{EARLIER_PERIOD}|last\s+{_SEASON}|(?:a|one)\s+{_SEASON}\s+(?:before|earlier|ago)|"
    rf"(?:the\s+)?(?:same|equivalent|corresponding)\s+(?:[\w-]+\s+){{0,3}}?(?:of|in)\s+(?:last\s+{_SEASON}|the\s+previous\s+{_SEASON}|(?:19|20)\d\d)|"
    rf"the\s+(?:previous|prior|preceding)\s+(?:twelve|12|six|three)\s+months|"
    rf"(?:\d{{1,2}}|twelve|six|three)\s+months\s+(?:earlier|before|ago)|by\s+this\s+(?:point|time|stage)\s+last\s+{_SEASON}|"
    rf"when\s+(?:it|the\s+\w+|they)\s+was\s+last\s+(?:held|run|staged|played))"
)
_PERIOD_BEFORE = re.compile(rf"\b(?:{_PERIOD})\b[^.;!?\n\d]{{0,60}}$", re.I)
_PERIOD_AFTER = re.compile(rf"[^.;!?\n\d]{{0,45}}?\b(?:{_PERIOD})\b", re.I)
# a past level by its verb alone: "having numbered 82,230 in 2015", "had stood at 4.1%"
_PAST_LEVEL = re.compile(
    r"\b(?:having|had)\s+(?:been\s+)?(?:numbered|stood|been|reached|totalled|totaled|peaked|run|hit)\s+(?:at\s+)?"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+)?$",
    re.I,
)
_RATE_AT = re.compile(r"\b(?:gr[eo]w\w*|expand\w*|ris\w*|rose|f[ae]ll\w*|increas\w*|shr[ai]nk\w*)\s+at\s+$", re.I)
_THAN = re.compile(r"\b(?:than|of)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?$", re.I)
_RECORD = re.compile(r"\brecords?\b", re.I)
_NOT_A_LEVEL = re.compile(r"\s*(?:more|fewer|less|higher|lower|bigger|smaller|up|down)\b", re.I)
_AMOUNT_BEFORE = re.compile(
    r"(?:\bby|\ban?\s+(?:rise|increase|jump|gain|fall|drop|decline|cut|reduction|decrease|extra)\s+of|"
    r"\ban\s+(?:extra|additional)|\bup|\bdown)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+)?$",
    re.I,
)
_AMOUNT_AFTER = re.compile(r"\s+(?:more|fewer|less|higher|lower)\s+than\b", re.I)
_PCT_AFTER = re.compile(
    r"\s+(?P<v>more|less|higher|lower|up|down|fewer|rise|increase|fall|drop|decline|contraction|growth|gain|jump|slump|"
    r"cut|loss)\b",
    re.I,
)
_PCT_BEFORE = re.compile(
    r"\b(?P<v>up|down|rose|rise[sn]?|rising|fell|falls?|fallen|jump\w*|climb\w*|gr[eo]w\w*|drop\w*|declin\w*|"
    r"slipp?\w*|gain\w*|surg\w*|increas\w*|decreas\w*|lift\w*|soar\w*|shr[ai]nk\w*|shrunk|expand\w*|contract\w*|"
    r"tumbl\w*|plung\w*|slump\w*|dipp?\w*|slid\w*)\s+(?:by\s+|of\s+|about\s+|around\s+|nearly\s+|almost\s+|some\s+|just\s+){0,2}$",
    re.I,
)


def _is_move(text: str, q: Quantity) -> bool:
    """A percentage that is itself a change or a rate of one ("a 6% rise", "shrank 0.2%", "5% higher", "grew at
    2.5% a year"), not a level."""
    return q.kind == "percent" and bool(
        _PCT_BEFORE.search(text, max(0, q.start - 40), q.start)
        or _PCT_AFTER.match(text, q.end)
        or _RATE_AT.search(text, max(0, q.start - 40), q.start)
    )


def _comparable(x: Quantity, y: Quantity) -> bool:
    """Two levels of one measure; counts need a unit word on one side at least and not both under ten
    ("Doom 3", "entered at six": names and places, not levels)."""
    if not _same_measure(x, y) or y.kind in ("date", "rank") or "vague" in (x.qualifier, y.qualifier):
        return False
    if x.kind in ("count", "other"):
        return bool(y.unit) and max(x.value, y.value) >= 10
    return True


def _apposition(text: str, q: Quantity) -> bool:
    """A bare number between commas after a name ("Maria Oduya, 52, said"): an age."""
    return not q.unit and text[max(0, q.start - 2) : q.start] == ", " and text[q.end : q.end + 1] == ","


def _clause_before(text: str, q: Quantity) -> str:
    return _SENTENCE_STOP.split(text[max(0, q.start - 120) : q.start])[-1]


def is_baseline(text: str, q: Quantity) -> bool:
    """q's clause places it in an earlier period, before it or right after it."""
    before = _clause_before(text, q)
    if _RECORD.search(before[-40:]):
        return False  # "the previous record of 537 set a week earlier": a record's baseline (record_claims)
    if _NOT_A_LEVEL.match(text, q.end):
        return False  # "£2.3bn more than a year earlier": the amount of a change, not the old level
    return bool(
        _PERIOD_BEFORE.search(before) or _PERIOD_AFTER.match(text, q.end, q.end + 60) or _PAST_LEVEL.search(before)
    )


def _current(art: Article, figs: list[Quantity], sents: list[int], i: int) -> Quantity | None:
    """The current level for the baseline figs[i]: the nearest earlier figure of its measure, at most two
    sentences back, that is no baseline itself and no stated amount of a change."""
    x, text = figs[i], art.text
    seen = 0
    for k in range(i - 1, -1, -1):
        y = figs[k]
        if sents[k] < sents[i] - 2 or seen >= _BACK:
            return None
        if _family(x) != _family(y):
            continue
        seen += 1
        if _NOT_A_LEVEL.match(text, y.end) or _AMOUNT_BEFORE.search(text, max(0, y.start - 40), y.start):
            continue  # "1,303 fewer than", "an increase of 58,000": a move, not a level
        if _THAN.search(text, max(0, y.start - 25), y.start):
            continue  # "$28m more than the $68m budgeted": what a level was compared with, not the level
        if not _comparable(x, y):
            return None  # the nearest figure of its kind is another measure: the current level is not in reach
        if is_baseline(text, y) or _is_move(text, y):
            return None  # two baselines in a row: the current level is not in reach
        if x.kind != "percent" and x.value > 0 and not 0.2 <= y.value / x.value <= 5:
            return None
        return y
    return None


def changes_to_an_earlier_level(art: Article) -> None:
    text = art.text
    figs, sents, sent = art.figures()
    linked = {q for ids in (art.found.linked if art.found else ()) for q in ids}
    for i, x in enumerate(figs):
        if x.value <= 0 or x.kind in ("date", "rank") or _is_move(text, x) or _apposition(text, x):
            continue
        if x.id in linked:
            continue  # a rule before this one found what the baseline is compared with
        if not is_baseline(text, x):
            continue
        y = _current(art, figs, sents, i)
        if y is None or y.value == x.value:
            continue
        _check(art, figs, sents, x, y, sent)


def _stated(text: str, group: list[Quantity], x: Quantity, y: Quantity) -> tuple[Quantity, str, int] | None:
    """(d, "pct" | "amount", sign) stated about the move in y's sentence, or None."""
    for d in group:
        if d is x or d is y:
            continue
        before = text[max(0, d.start - 40) : d.start]
        if d.kind == "percent" and d.unit == "%" and x.kind != "percent":
            m = _PCT_BEFORE.search(before) or _PCT_AFTER.match(text, d.end)
            if m and _direction(m.group("v")):
                return d, "pct", _direction(m.group("v"))
        elif _same_measure(d, y) and 0 < d.value < max(x.value, y.value):
            m = _AMOUNT_BEFORE.search(before)
            after = _AMOUNT_AFTER.match(text, d.end)
            if after and any(0 <= q.start - after.end() <= 12 for q in group):
                continue  # "$28m more than the $68m budgeted": the gap to another figure, not this move
            if m or after:
                words = re.findall(r"[a-z]+", (m.group(0) if m else after.group(0)).lower())
                return d, "amount", next((s for s in map(_direction, words) if s), 0)
    return None


def _earlier_pct(art: Article, x: Quantity, y: Quantity, sent) -> tuple[Quantity, str, int] | None:
    """The % that states the move in the headline or one of the two sentences before y's, when it is the only
    % with a direction word there and its sentence holds no figure of y's measure (it states nothing else):
    "Violent crime fell by about 3% last year." … "1,197,000 offences, compared with 1,233,000 the year before"."""
    text, sy = art.text, sent(y)
    found = []
    for k in sorted({0, sy - 2, sy - 1}):
        group = art.by_sentence.get(k, []) if 0 <= k < sy else []
        pcts = [p for p in group if p.kind == "percent" and p.unit == "%"]
        moves = [(p, m) for p in pcts if (m := _PCT_BEFORE.search(text, max(0, p.start - 40), p.start))]
        if len(moves) == 1 and len(pcts) == 1 and not any(_same_measure(q, y) for q in group if q is not pcts[0]):
            found.append((moves[0][0], "pct", _direction(moves[0][1].group("v"))))
    found = [f for f in found if f[2]]
    return found[-1] if len(found) == 1 or (found and sent(found[-1][0]) == sy - 1) else None


def _check(art: Article, figs, sents, x: Quantity, y: Quantity, sent) -> None:
    text, add = art.text, art.add
    group = [q for q, s in zip(figs, sents, strict=True) if s == sent(y)]
    stated = _stated(text, group, x, y)
    if stated is None and x.kind != "percent":
        stated = _earlier_pct(art, x, y, sent)
    if stated is not None and stated[1] == "pct":
        _add_pct_change(x, y, stated[0], stated[2], add)
        return
    if stated is not None:
        add_difference(x, y, stated[0], add)
        if stated[2] and (y.value > x.value) != (stated[2] > 0):
            _add_change(text, x, y, stated[2], add)  # "1,303 fewer" for a rise: the direction breaks
        return
    words = re.findall(r"[a-z]+", _clause_before(text, y).lower())[-8:]
    if sent(x) == sent(y):
        words += re.findall(r"[a-z]+", text[y.end : x.start].lower())  # "…, a jump from the £40 of last year"
    sign = next((s for s in map(_direction, reversed(words)) if s), 0)
    if sign:
        _add_change(text, x, y, sign, add)
    # no direction, no stated move: not reported (round 12: "£84m, compared with £75m a year earlier" is no
    # check a reader needs, and the BBC golds' annotators did not mark such pairs)
