"""Round 12 (issue 12): two within-sentence shapes that state arithmetic without the words the older rules
look for, written from sentences made up for tests/extraction/test_relations_round12.py.

- A part introduced by "with" after its whole: "cut 84,000 jobs, with 12,000 of them in Wales", "£35bn of
  savings, with £23bn going to schools". The part is said ("of them") or named by a place or a use; "with 2,000
  more to follow" is a further amount, not a part. Only a part said outright can break the relation (be larger
  than its whole); one named by a place is reported only when it fits.
- An amount over a period restated per year or month: "£2bn over four years, or £500m a year". The total is
  the rate times the number of periods, within the rounding of the figures; it can break. A level reached
  ("grew to £3bn over five years") and a rate "more than" something are left out.

Run after the other rules, on figures no rule linked in a relation of the same kind."""

from __future__ import annotations

import re

from ..types import Quantity
from .across_parts import _add_share
from .common import Article, _fmt, _holds_text, _is_exact, _loose, _same_measure, _strict, _verdict, add_part_of

_WITH_PART = re.compile(
    r"\s*,\s*with\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|up\s+to\s+|just\s+(?:over|under)\s+)?$",
    re.I,
)
# What the part is. Said outright ("of them", "of which"), the words assert the part, so a part larger than its
# whole breaks it. A named place ("in Wales", "based in Ireland") or where money goes ("going to hospices") is
# read as a part only when it fits: "with $2bn in sales", "with 6,000 in 2003", "with 4,000 at risk" and "with
# £5m from central government" name other things.
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|which|the\s+total)\b", re.I)
_PLACE_OR_USE = re.compile(
    r"(?:\s+[a-z][\w'’-]*){0,2}?\s+(?:(?:expected\s+|due\s+|based\s+|located\s+)?in\s+(?:the\s+)?[A-Z][\w'’-]*|"
    r"(?:going|earmarked|set\s+aside|allocated)\s+(?:to|for)\b)"
)
_TAKEN_PARTS = frozenset({"part_of", "sum"})

_OVER_PERIOD = re.compile(
    r"\s+(?:[a-z][\w'’-]*\s+){0,3}?(?:over|across|during)\s+(?:the\s+(?:next|last|past|coming)\s+)?"
    r"(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\s+(?P<unit>years?|months?)"
    r"\s*,?\s*(?:or|which\s+is|that\s+is|equivalent\s+to|-|–|—|\()\s*(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+)?$",
    re.I,
)
_PER_PERIOD = re.compile(
    r"\s+(?:a|per|each|every)\s+(?P<unit>year|month)\b(?!\s+(?:more|less|extra|than|above|below))", re.I
)
# "grew to £3bn over five years": a level reached, not an amount spread over the period
_LEVEL_BEFORE = re.compile(r"\b(?:to|reach(?:ed|es|ing)?|hit|hits)\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$", re.I)
_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20,
}  # fmt: skip


def parts_with_and_rates(art: Article) -> None:
    """Within each sentence, each figure and the next one: a part after ", with", or a per-period rate."""
    text = art.text
    linked = art.related(_TAKEN_PARTS)
    rated = art.related(frozenset({"ratio"}))
    for _sent, group in art.by_sentence.items():
        art.tick(6, group[0].start if group else 0)
        for i, w in enumerate(group):
            if w.kind not in ("count", "money") or w.qualifier == "vague":
                continue
            # the next figure of w's kind, past a duration at most ("£2bn over four years, or £500m a year")
            p = next((q for q in group[i + 1 : i + 3] if q.kind != "duration"), None)
            if p is None or p.kind != w.kind or p.start - w.end > 120:
                continue
            holds = _part_with(text, w, p) if w.id not in linked and p.id not in linked else None
            if holds is not None:
                _add_part(art, p, w, holds)
                linked.update((w.id, p.id))
            elif w.kind == "money" and w.id not in rated and p.id not in rated:
                _per_period(art, text, w, p)


def _part_with(text: str, w: Quantity, p: Quantity) -> bool | str | None:
    """p a part of w, worded ", with (about) p" right after w's figure (and its unit words), then what p is: the
    verdict, or None when p is not worded as a part. An implied part ("with 1,500 in Scotland") that does not
    fit is not reported: the words do not assert it strongly enough to call it broken."""
    gap = text[w.end : p.start]
    m = re.match(r"(?:\s+[a-z][\w'’-]*){0,3}?(?=\s*,\s*with\b)", gap, re.I)
    if m is None or not _WITH_PART.fullmatch(gap, m.end()) or not _same_measure(w, p) or p.value <= 0:
        return None
    said = bool(_OF_THEM.match(text, p.end))
    if not said and not _PLACE_OR_USE.match(text, p.end):
        return None
    if p.value <= w.value:
        return True
    if _loose(p)[0] <= _loose(w)[1]:
        return "approximately"
    return False if said else None


def _per_period(art: Article, text: str, total: Quantity, rate: Quantity) -> None:
    """ "£2bn over four years, or £500m a year": total = rate × periods, within rounding."""
    m = _OVER_PERIOD.fullmatch(text, total.end, rate.start)
    per = _PER_PERIOD.match(text, rate.end)
    if m is None or per is None or not _same_measure(total, rate) or not rate.value:
        return
    if _LEVEL_BEFORE.search(text, max(0, total.start - 20), total.start):
        return
    n = m.group("n").lower()
    periods = int(n) if n.isdigit() else _NUMBER_WORDS[n]
    if periods < 1:
        return
    unit = per.group("unit").lower()
    if m.group("unit").lower().startswith("year") and per.group("unit").lower() == "month":
        periods *= 12
    elif m.group("unit").lower().startswith("month") and per.group("unit").lower() == "year":
        return  # "over six months, or £1m a year": a rate read against part of a year; left out
    (lo, hi), (llo, lhi) = _strict(rate), _loose(rate)
    strict, loose = (lo * periods, hi * periods), (llo * periods, lhi * periods)
    holds = _verdict(strict, _strict(total), loose, _loose(total), _is_exact(total, rate))
    art.add(
        "ratio",
        [rate],
        total,
        holds,
        f"{rate.text} a {unit} for {periods} {unit}{'s' if periods > 1 else ''} is "
        f"{_fmt(rate.value * periods)}; the text gives {total.text} ({_fmt(total.value)}) in all: {_holds_text(holds)}",
    )


def _add_part(art: Article, p: Quantity, w: Quantity, holds) -> None:
    """Reports "p is part of w" with the verdict _part_with gave."""
    if holds is True or holds is False:
        add_part_of(art.add, p, w, holds)
        return
    art.add(
        "part_of",
        [p],
        w,
        holds,
        f"{p.text} is part of {w.text}: {_fmt(p.value)} is more than {_fmt(w.value)}, but within the rounding of "
        f"the figures",
    )


# Round 13: the share said beside a part, whichever rule found the part and its whole ("About 9 million of them,
# or 15%, smoke"; "2,000 of the posts (25%)"): the within-sentence rule had read a % beside "72 of the 550" only.
_SHARE_BESIDE = re.compile(
    # round 18: "310,000 of the cars sold, a quarter of the total": a short noun phrase after "of" as well
    r"(?:\s+of\s+(?:them|those|these|it|that|the\s+total|(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+))?"
    r"\s*(?:,\s*(?:or\s+)?|\(\s*|[-–—]\s*)"
    r"(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+|just\s+(?:over|under)\s+)?$",
    re.I,
)


# round 18: the share stated by the next sentence, opening on the part: "That gave wind 30% of the mix", "It means
# about a third of the total"
_SHARE_NEXT = re.compile(
    r"(?:^|[.!?]\s+|\n)\s*(?:That|This|It|Which)\s+(?:gave|gives|is|was|represents|represented|means|meant|made|"
    r"makes|left|leaves|amounts\s+to|amounted\s+to)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+|just\s+(?:over|under)\s+)?$"
)
_SHARE_OF = re.compile(r"\s+of\s+(?:the|all|its|their)\b", re.I)


def shares_beside_parts(art: Article, add) -> None:
    """For each part a of a whole w found so far, a % or fraction right beside a in its sentence (", or 15%",
    "(15%)"), not a move ("up 15%"): the share a / w, stated, so a miss is broken."""
    by_id = {q.id: q for q in art.numeric}
    for r in list(art.found.rels if art.found is not None else ()):
        if r.kind != "part_of" or len(r.operands) != 1 or r.result is None:
            continue
        a, w = by_id.get(r.operands[0]), by_id.get(r.result)
        if a is None or w is None or not w.value:
            continue
        sent = art.figures()[2]
        group = art.by_sentence.get(sent(a), [])
        p = next((q for q in group if q.start >= a.end), None)
        if (
            p is not None
            and p is not w
            and p.kind == "percent"
            and p.unit in ("%", "fraction")
            and _SHARE_BESIDE.fullmatch(art.text, a.end, p.start)
        ):
            _add_share(a, w, p, True, add)
            continue
        nxt = art.by_sentence.get(max(sent(a), sent(w)) + 1, [])
        p = nxt[0] if nxt else None
        if (
            p is not None
            and p.kind == "percent"
            and p.unit in ("%", "fraction")
            and _SHARE_NEXT.search(art.text, max(0, p.start - 80), p.start)
            and _SHARE_OF.match(art.text, p.end)
        ):
            _add_share(a, w, p, True, add)  # "… 82.6 TWh … out of 276 TWh. That gave wind 30% of the mix"
