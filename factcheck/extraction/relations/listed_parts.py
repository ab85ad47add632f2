"""Round 12 (issue 12): two within-sentence shapes that state arithmetic without the words the older rules
look for, written from sentences made up for tests/extraction/test_relations_round12.py.

- A part introduced by "with" after its whole: "cut 84,000 jobs, with 12,000 of them in Wales", "£35bn of
  savings, with £23bn going on schools". The part is named by where it is or where it goes; "with 2,000 more to
  follow" is a further amount, not a part. A part larger than its whole breaks the relation.
- An amount over a period restated per year or month: "£2bn over four years, or £500m a year". The total is
  the rate times the number of periods, within the rounding of the figures; it can break.

Run after the other rules, on figures no rule linked in a relation of the same kind."""

from __future__ import annotations

import re

from ..types import Quantity
from .common import Article, _fmt, _holds_text, _is_exact, _loose, _same_measure, _strict, _verdict, add_part_of

_WITH_PART = re.compile(
    r"\s*,\s*with\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|up\s+to\s+|just\s+(?:over|under)\s+)?$",
    re.I,
)
# what the part is: where it is, where it goes, or "of them"; "more", "further" make it an extra amount
_PART_AFTER = re.compile(
    r"(?:\s+[a-z][\w'’-]*){0,2}?\s*(?:of\s+(?:them|those|these|which|the\s+total)\b|"
    r"\s+(?:expected\s+|due\s+|set\s+|likely\s+)?(?:in|at|from|going|coming|based|earmarked|spent|to\s+go)\b)",
    re.I,
)
_EXTRA = re.compile(r"\s+(?:more|further|extra|additional|others?)\b", re.I)
_TAKEN_PARTS = frozenset({"part_of", "sum"})

_OVER_PERIOD = re.compile(
    r"\s+(?:[a-z][\w'’-]*\s+){0,3}?(?:over|across|during|in)\s+(?:the\s+(?:next|last|past|coming)\s+)?"
    r"(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\s+(?P<unit>years?|months?)"
    r"\s*,?\s*(?:or|which\s+is|that\s+is|equivalent\s+to|-|–|—|\()\s*(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+)?$",
    re.I,
)
_PER_PERIOD = re.compile(r"\s+(?:a|per|each|every)\s+(?P<unit>year|month)\b", re.I)
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
            if w.id not in linked and p.id not in linked and _part_with(text, w, p):
                add_part_of(art.add, p, w, _loose(p)[0] <= max(_loose(w)[1], w.value + w.tolerance))
                linked.update((w.id, p.id))
            elif w.kind == "money" and w.id not in rated and p.id not in rated:
                _per_period(art, text, w, p)


def _part_with(text: str, w: Quantity, p: Quantity) -> bool:
    """p a part of w: ", with (about) p" right after w's figure (and its unit words), then what p is."""
    gap = text[w.end : p.start]
    m = re.match(r"(?:\s+[a-z][\w'’-]*){0,3}?(?=\s*,\s*with\b)", gap, re.I)
    if m is None or not _WITH_PART.fullmatch(gap, m.end()):
        return False
    if _EXTRA.match(text, p.end) or not _PART_AFTER.match(text, p.end):
        return False
    return _same_measure(w, p) and p.value > 0


def _per_period(art: Article, text: str, total: Quantity, rate: Quantity) -> None:
    """ "£2bn over four years, or £500m a year": total = rate × periods, within rounding."""
    m = _OVER_PERIOD.fullmatch(text, total.end, rate.start)
    per = _PER_PERIOD.match(text, rate.end)
    if m is None or per is None or not _same_measure(total, rate) or not rate.value:
        return
    n = m.group("n").lower()
    periods = int(n) if n.isdigit() else _NUMBER_WORDS[n]
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
        f"{rate.text} a {per.group('unit').lower()} for {periods} {per.group('unit').lower()}s is "
        f"{_fmt(rate.value * periods)}; the text gives {total.text} ({_fmt(total.value)}) in all: {_holds_text(holds)}",
    )
