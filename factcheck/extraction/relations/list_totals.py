"""Sums of a list of figures across sentences (issue 12, round 18): "Chain stores closed 6,945 outlets. England
accounted for 5,820 closures, Scotland for 610, Wales for 340 and Northern Ireland for 175." A list is three or
more figures of one measure in a sentence, apart by list words (commas, "and", "with", "while") and short phrases
("for", "in Asia", "homeware adding"), or two and "the remaining"/"the rest" in the next sentence. Its total is
a figure of the same measure, not in the list, up to two sentences before it or one after, or the headline's
(lists of figures under ten, rates "a week" and amounts of a move, "an extra £104", are left out):

- when the parts add up to it within rounding, the sum is reported (it holds);
- when they do not, the sum is reported (broken) only if the words say that the list is the whole of that total:
  "the remaining …", "the rest", or "Of those, …" opening the list. Otherwise a list beside a larger figure asserts
  nothing (round 13 kept "In all, it spends £70m" after a list from being called broken: the total may hold more).

Written from the tuning half of the articles this project wrote and sentences made up for tests. Linear: each
sentence's list looks at the figures of at most four sentences.
"""

from __future__ import annotations

import re

from ..types import Quantity
from .common import (
    INF,
    Article,
    _currency,
    _family,
    _fmt,
    _is_exact,
    _loose,
    _strict,
    _verdict,
    _words,
)

_GAP = re.compile(r"^[^.;!?\d\n%£$€]{1,70}$")
# "4,800 patients, of whom 3,100 …", "£12m: £5m on …": the figure before opens the list as its total, no item of it
_OPENS_LIST = re.compile(
    r"(?:,\s*(?:of\s+(?:which|whom)|including|among\s+(?:them|whom|which))|:)\s+(?:[a-z]+\s+){0,2}$", re.I
)
_LIST_WORD = re.compile(r",|\band\b|\bwith\b|\bwhile\b|\bplus\b|\bwhereas\b", re.I)
_REST = re.compile(r"\b(?:the\s+)?(?:remaining|rest|remainder|other|others)\b[^.;!?\d]{0,25}$", re.I)
_REMAINING = re.compile(r"\b(?:the\s+)?(?:remaining|rest|remainder)\b[^.;!?\d]{0,25}$", re.I)  # not "the other seven"
_OF_ANAPHOR = re.compile(
    r"(?:(?:^|[.!?]\s+|\n)\s*(?:Of|Among)\s+(?:those|them|these|that|this)\s*,|,\s*of\s+(?:which|whom))[^.;!?\n]*$"
)
_OF_THOSE = re.compile(
    r"(?:^|[.!?]\s+|\n)\s*(?:Of|Among)\s+(?:those|them|these|that|which|the\s+total|the\s+\w+)\s*,[^.;!?\n]*$", re.I
)
# "Of the 2.4 million passengers, 1.6 million paid full fares and 900,000 …": the figure opening the sentence after
# "Of (the)" is the whole the figures after its comma are parts of (browser review 2026-12-06: it was added to its
# own first part and the sum compared with a forecast two sentences on)
_OF_WHOLE_BEFORE = re.compile(
    r"(?:^|[.!?][\"”’)]?\s+|\n)\s*(?:Of|Among)\s+(?:the|its|their|these|those|all|this|that|his|her|our)?\s*"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$"
)
_OF_WHOLE_AFTER = re.compile(r"[^.;!?\d\n,]{0,60},")
_MOVE_BEFORE = re.compile(
    r"\b(?:up|down|by|rose|fell|from|to|extra|further|additional|or)\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$",
    re.I,
)
_RATE_AFTER = re.compile(r"\s+(?:a|an|per|each)\s+(?:week|month|year|day|hour|head|person|tonne|barrel|share)\b", re.I)


def _same(a: Quantity, b: Quantity) -> bool:
    """One measure for a list: the kind and currency, and a count's noun when both name one."""
    if (
        _family(a) != _family(b)
        or a.kind not in ("money", "count", "other")
        or b.kind not in ("money", "count", "other")
    ):
        return False
    if a.kind == "money" or b.kind == "money":
        return a.kind == b.kind and _currency(a.unit) == _currency(b.unit)
    wa, wb = _words(a.unit), _words(b.unit)
    return not wa or not wb or bool(wa & wb)


def _runs(text: str, group: list[Quantity]) -> list[list[Quantity]]:
    """Runs of figures of one measure in a sentence, each apart from the last by list words. A time said of an item
    ("seen within 18 weeks and the remaining 3,800", "in 2023") is part of the words between, not a break."""
    runs: list[list[Quantity]] = []
    between: list[Quantity] = []
    for q in group:
        if q.kind in ("duration", "date") and runs and runs[-1]:
            between.append(q)
            continue
        if (
            q.kind not in ("money", "count", "other")
            or q.value <= 0
            or q.qualifier == "vague"  # "billions"
            or _MOVE_BEFORE.search(text, max(0, q.start - 20), q.start)
            or _RATE_AFTER.match(text, q.end)
        ):
            runs.append([])
            between = []
            continue
        last = runs[-1][-1] if runs and runs[-1] else None
        gap = _words_between(text, last, q, between) if last is not None else ""
        between = []
        if (
            last is not None
            and _same(last, q)
            and _GAP.match(gap)
            and _LIST_WORD.search(gap)
            and not _OPENS_LIST.search(gap)
        ):
            runs[-1].append(q)
        else:
            runs.append([q])
    return [r for r in runs if len(r) >= 2]


def _words_between(text: str, a: Quantity, b: Quantity, times: list[Quantity]) -> str:
    """The text from a to b with the times in it blanked out."""
    out, pos = [], a.end
    for t in times:
        out.append(text[pos : t.start])
        pos = t.end
    return "".join(out) + text[pos : b.start]


def sums_of_listed_figures(art: Article) -> None:
    text = art.text
    _figs, _sents, sent = art.figures()
    taken = art.related(frozenset({"sum"}))
    for s, group in art.by_sentence.items():
        for run in _runs(text, group):
            rest = _rest_after(art, s, run)
            parts = run + ([rest] if rest is not None else [])
            strong = rest is not None or _REST.search(text, max(0, run[-1].start - 40), run[-1].start) is not None
            # two figures are a list only when the second is "the remaining …"/"the rest": "Of those, 3,100 were
            # treated and the remaining 1,200 sent home" (the review's demo article), not "3,100 and 1,200 over 65",
            # nor "David, 34, said he and the other seven protesters"
            # and the first follows "Of those," / ", of whom": the parts of that figure ("Of the buyers, 40 …" may
            # count other things than the "64 flats" before)
            two = (rest is not None or _REMAINING.search(text, max(0, run[-1].start - 40), run[-1].start)) and (
                _OF_ANAPHOR.search(text, max(0, run[0].start - 80), run[0].start)
            )
            if len(parts) < (2 if two else 3) or any(q.id in taken for q in parts) or max(q.value for q in parts) < 10:
                continue
            opened = _OF_THOSE.search(text, max(0, run[0].start - 200), run[0].start) is not None
            _check(art, parts, s, strong or opened, sent)


def _rest_after(art: Article, s: int, run: list[Quantity]) -> Quantity | None:
    """The one figure of the run's measure in the next sentence, named "the remaining …" / "the rest"."""
    nxt = [q for q in art.by_sentence.get(s + 1, []) if _same(q, run[0])]
    if len(nxt) == 1 and _REST.search(art.text, max(0, nxt[0].start - 40), nxt[0].start):
        return nxt[0]
    return None


def _check(art: Article, parts: list[Quantity], s: int, strong: bool, sent) -> None:
    s_lo, s_hi = sum(_strict(q)[0] for q in parts), sum(_strict(q)[1] for q in parts)
    l_lo, l_hi = sum(_loose(q)[0] for q in parts), sum(_loose(q)[1] for q in parts)
    if l_lo <= 0 or l_lo == -INF:
        return
    ids = {q.id for q in parts}
    top = max(q.value for q in parts)
    near = [
        t
        for k in (s - 1, s - 2, s, s + 1, 0)
        for t in art.by_sentence.get(k, [])
        if t.id not in ids and _family(t) == _family(parts[0]) and t.value > top
    ]
    # a total that fits may count the parts by another noun ("6,945 outlets" … "5,820 closures, … 175"); one that
    # does not is called broken only when it is of the list's measure and the words say the list is all of it
    fits = [
        t
        for t in near
        if (_same(t, parts[0]) or t.kind != "money")
        and _verdict((s_lo, s_hi), _strict(t), (l_lo, l_hi), _loose(t), True) is not False
    ]
    if fits:
        t = fits[0]
    else:
        t = next((t for t in near if strong and _same(t, parts[0]) and sent(t) in (s - 1, s, s + 1)), None)
        if t is not None and not 0.5 <= t.value / l_lo <= 2:
            t = None
    if t is None:
        return
    holds = _verdict((s_lo, s_hi), _strict(t), (l_lo, l_hi), _loose(t), _is_exact(*parts, t))
    listed = " + ".join(q.text for q in parts)
    total, tol = sum(q.value for q in parts), t.tolerance + sum(q.tolerance for q in parts)
    art.add(
        "sum",
        parts,
        t,
        holds,
        f"{listed} = {_fmt(total)}; the article gives {t.text} as their total: "
        + ("consistent" if holds is True else "consistent within rounding" if holds else "inconsistent")
        + ("" if holds else f" (a gap of {_fmt(abs(t.value - total))}, beyond rounding of ±{_fmt(tol)})"),
    )


def opens_a_whole(text: str, q: Quantity) -> bool:
    """q is the whole a sentence's list divides: "Of the 2.4 million passengers, 1.6 million …"."""
    return bool(_OF_WHOLE_BEFORE.search(text, max(0, q.start - 40), q.start) and _OF_WHOLE_AFTER.match(text, q.end))


def parts_of_an_opened_whole(art: Article) -> None:
    """ "Of the 2.4 million passengers, 1.6 million paid full fares and 900,000 travelled on concessions": the
    figures after the comma are parts of the opening figure. They need not be all of it (some passengers may have
    travelled free), so their sum is reported when it fits the whole within rounding (it holds) or exceeds it
    (broken: parts cannot add up to more than their whole); a sum below the whole asserts nothing."""
    text = art.text
    taken = art.related(frozenset({"sum"}))
    for _s, group in art.by_sentence.items():
        for i, whole in enumerate(group[:-2]):
            if whole.kind not in ("count", "other", "money") or not opens_a_whole(text, whole):
                continue
            runs = _runs(text, group[i + 1 :])  # the list must start right after the whole's comma
            if not runs or runs[0][0] is not group[i + 1] or any(q.id in taken or not _same(whole, q) for q in runs[0]):
                continue
            _check_opened(art, runs[0], whole)


def _check_opened(art: Article, parts: list[Quantity], whole: Quantity) -> None:
    s_lo, s_hi = sum(_strict(q)[0] for q in parts), sum(_strict(q)[1] for q in parts)
    l_lo, l_hi = sum(_loose(q)[0] for q in parts), sum(_loose(q)[1] for q in parts)
    if l_lo <= 0 or l_lo == -INF:
        return
    holds = _verdict((s_lo, s_hi), _strict(whole), (l_lo, l_hi), _loose(whole), _is_exact(*parts, whole))
    if holds is False and l_lo <= _loose(whole)[1]:
        return  # fewer than the whole: the list may leave some out
    listed = " + ".join(q.text for q in parts)
    total = sum(q.value for q in parts)
    if holds is False:
        tail = f"more than the whole they are parts of, {whole.text}: inconsistent"
    else:
        tail = f"the article gives {whole.text} as the whole: " + (
            "consistent" if holds is True else "consistent within rounding"
        )
    art.add("sum", parts, whole, holds, f"{listed} = {_fmt(total)}; {tail}")
