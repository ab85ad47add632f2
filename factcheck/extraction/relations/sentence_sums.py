"""Within one sentence: a part of a whole ("72 of the 550 drones", with a stated share "(13%)") and a sum
of counts joined by "and" / "," / "plus" checked against the nearest total of the same unit in the article."""

from __future__ import annotations

import functools
import re

from ..types import Quantity
from .common import (
    _PART_GAP,
    INF,
    Article,
    _fmt,
    _is_exact,
    _loose,
    _sentence_of,
    _strict,
    _verdict,
    _words,
    add_part_of,
)
from .list_totals import opens_a_whole
from .lookups import _nearest
from .unasserted import ranking_size

_ONE_IN = re.compile(r"\b(?:one|1)\s+(?:in|out\s+of)\s+$", re.I)
_SUM_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|plus\s+)?|and\s+|plus\s+|as well as\s+)$", re.I)


def inherit_units(text: str, qs: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """ "72 of the 550 drones": 72 counts drones too. Returns the (part, whole) pairs."""
    pairs = []
    for a, b in zip(qs, qs[1:], strict=False):
        gap = text[a.end : b.start]
        if a.kind in ("count", "other") and b.kind in ("count", "other") and _PART_GAP.match(gap):
            if "vague" in (a.qualifier, b.qualifier) or (a.unit and not b.unit and gap.strip().lower() == "of"):
                continue  # "hundreds of millions", "two groups of four"
            if _ONE_IN.search(text, max(0, a.start - 10), a.start) or (b.value in (10, 100) and "out of" in gap):
                continue  # "one in 13 of the 48 million cards", "nine out of 10 separations": a rate
            if not a.unit and b.unit:
                a.unit = b.unit
                a.kind = "count"
            pairs.append((a, b))
    return pairs


def part_of_in_sentence(art: Article) -> None:
    """A part of a whole: "72 of the 550 drones"; and a percentage stated alongside it."""
    text, add, tick = art.text, art.add, art.tick
    parts = inherit_units(text, art.numeric)
    for a, b in parts:
        tick(0, a.start)
        ok = _verdict(
            (_strict(a)[0], _strict(a)[0]),
            (-INF, _strict(b)[1]),
            (_loose(a)[0], _loose(a)[0]),
            (-INF, _loose(b)[1]),
            True,
        )
        add_part_of(add, a, b, bool(ok))
        # percentage stated alongside: "72 of the 550 (13%)": the nearest percentage in the sentence
        pcts = [
            p
            for p in art.by_sentence.get(_sentence_of(a, art.sentence_of_statement), [])
            if p.kind == "percent" and p.unit == "%"
        ]
        pcts = sorted(pcts, key=lambda p: min(abs(p.start - a.start), abs(p.start - b.end)))[:1]
        for p in pcts:
            if b.value:
                computed = 100.0 * a.value / b.value
                lo = 100.0 * (a.value - a.tolerance) / (b.value + b.tolerance)
                hi = 100.0 * (a.value + a.tolerance) / max(b.value - b.tolerance, 1e-9)
                holds = _verdict((computed, computed), _strict(p), (lo, hi), _loose(p), _is_exact(a, b, p))
                add(
                    "percentage",
                    [a, b],
                    p,
                    holds,
                    f"{_fmt(a.value)} of {_fmt(b.value)} is {computed:.1f}%; the text says {p.text}",
                )


def sums_in_sentence(art: Article) -> None:
    """Sums: "over 63 drones and nine missiles" against a total given elsewhere in the article."""
    text, add, tick = art.text, art.add, art.tick
    counts_by_unit: dict[str, list[tuple[float, int, Quantity]]] = {}
    for r in art.numeric:
        if r.kind == "count":
            for w in _words(r.unit):
                counts_by_unit.setdefault(w, []).append((r.value, r.id, r))
    for lst in counts_by_unit.values():
        lst.sort(key=lambda t: (t[0], t[1]))
    sent = functools.partial(_sentence_of, sentence_of_statement=art.sentence_of_statement)
    for _sent, group in art.by_sentence.items():
        tick(1, group[0].start)
        for chain in _sum_chains(text, [q for q in group if not _not_an_amount(text, q)]):
            if not _RANGE_BEFORE.search(text, max(0, chain[0].start - 16), chain[0].start):
                _check_sum(text, chain, counts_by_unit, add, sent)


def _sum_chains(text, group) -> list[list[Quantity]]:
    """Runs of counts joined by "and", ",", "plus" within a sentence."""
    chains: list[list[Quantity]] = []
    for q in group:
        if q.kind != "count":
            continue
        if (
            chains
            and chains[-1][-1].kind == "count"
            and _SUM_GAP.match(text[chains[-1][-1].end : q.start])
            and not _PART_GAP.match(text[chains[-1][-1].end : q.start])
            and not opens_a_whole(text, chains[-1][-1])  # "Of the 2.4 million passengers, 1.6 million …"
        ):
            chains[-1].append(q)
        else:
            chains.append([q])
    return [c for c in chains if len(c) >= 2]


# round 15 (precision audit): figures that are no amounts to add up: an age ("an 11-year-old and two
# 12-year-olds"), the size of a ranking ("the ten cleanest and ten most polluted cities"), a chart place
# ("at number six"); and the two ends of a range ("between about 170 ppm and 280 ppm")
_AGE_AFTER = re.compile(r"-?\s*years?[- ]olds?\b", re.I)
_PLACE_BEFORE = re.compile(r"\b(?:number|No\.?)\s*$", re.I)
_RANGE_BEFORE = re.compile(r"\bbetween\s+(?:about\s+|around\s+|some\s+)?$", re.I)
_TOTAL_REACH = 3  # sentences between a sum's parts and a total found by its value alone (or the lead's)


def _not_an_amount(text: str, q: Quantity) -> bool:
    if _AGE_AFTER.match(text, q.end) or "year-old" in q.text or "year old" in q.text:
        return True
    return bool(ranking_size(text, q) or _PLACE_BEFORE.search(text, max(0, q.start - 10), q.start))


def _check_sum(text, chain, counts_by_unit, add, sent) -> None:
    s_lo = sum(_strict(q)[0] for q in chain)
    s_hi = sum(_strict(q)[1] for q in chain)
    l_lo = sum(_loose(q)[0] for q in chain)
    l_hi = sum(_loose(q)[1] for q in chain)
    if l_lo <= 0 or l_lo == -INF:
        return
    units = set().union(*(_words(q.unit) for q in chain))
    chain_ids = {q.id for q in chain}
    lo_v, hi_v = 0.8 * l_lo, 1.25 * (l_hi if l_hi != INF else l_lo)
    best = None
    for w in sorted(units):
        for key, r in _nearest(counts_by_unit.get(w, []), l_lo, lo_v, hi_v, chain_ids):
            if sent(r) > 1 and abs(sent(r) - sent(chain[0])) > _TOTAL_REACH or _not_an_amount(text, r):
                continue  # round 15: a figure of the same value far away is no total the text gives
            if best is None or key < best[0]:
                best = (key, r)
    if best is None:
        return
    r = best[1]
    holds = _verdict((s_lo, s_hi), _strict(r), (l_lo, l_hi), _loose(r), _is_exact(*chain, r))
    add("sum", chain, r, holds, _sum_explanation(text, chain, r, s_lo, s_hi, l_lo, l_hi, holds))


def _describe_strict(chain, s_lo, l_lo) -> str:
    qualified = [q for q in chain if q.low is not None and not q.low_inclusive]
    if qualified and s_lo != l_lo:
        words = ", ".join(f"“{q.qualifier} {_fmt(q.value)}”" for q in qualified)
        return f"at least {_fmt(s_lo)} if {words} is read strictly, or at least {_fmt(l_lo)} if read loosely"
    if s_lo == -INF:
        return "an open range"
    return f"at least {_fmt(s_lo)}" if any(q.high is None for q in chain) else f"{_fmt(s_lo)}"


def _sum_explanation(text, chain, r, s_lo, s_hi, l_lo, l_hi, holds) -> str:
    parts = " + ".join(f"“{(q.qualifier + ' ') if q.qualifier else ''}{q.text}”" for q in chain)
    out = f"{parts} = {_describe_strict(chain, s_lo, l_lo)}; the article also gives “{_context(text, r)}”"
    if holds is True:
        out += ": consistent"
    elif holds == "approximately":
        out += ": consistent only if the qualifier is read loosely" if s_lo != l_lo else ": consistent within rounding"
    else:
        out += ": inconsistent under any reading"
    runits = _words(r.unit)
    extra = [q.unit for q in chain if q.unit and not (_words(q.unit) & runits)]
    if runits and extra:
        out += f"; note the {_fmt(r.value)} are called “{r.unit}” while the sum also counts “{', '.join(extra)}”"
    return out


def _context(text: str, q: Quantity, width: int = 60) -> str:
    """The result quantity with the words that follow it, cut at a word boundary."""
    end = min(len(text), q.start + width)
    for stop in ".;\n":
        k = text.find(stop, q.end, end)
        if k >= 0:
            end = k
    snippet = text[q.start : end]
    if end < len(text) and end == q.start + width and " " in snippet[len(q.text) :]:
        snippet = snippet[: snippet.rfind(" ")] + "…"
    return snippet.strip().rstrip(",")
