"""Rules for amounts in words: "second-largest", "one in five", "half a million", "two-thirds of",
"a dozen", "hundreds of", "forty-two". Each rule takes one Scan and adds what it finds."""

from __future__ import annotations

import bisect
import re

from ..numbers import FRACTION_DENOMINATORS, SCALES, SUFFIX_SCALES, UNITS, parse_numeral, tidy, words_to_number
from .context import _is_plural, _qualifier, _title_case_line, _unit_after
from .patterns import (
    _DOZEN,
    _FRACTION,
    _FRACTIONAL_SCALE,
    _MULTIPLE,
    _ONE_IN,
    _ONE_OF_SUPERLATIVE,
    _ONE_SKIP_AFTER,
    _ONE_SKIP_BEFORE,
    _ORDINAL_RANK,
    _SEVERAL_SCALE,
    _VAGUE,
    _VAGUE_ALONE,
    _WORDNUM,
)
from .scan import Scan
from .words import _DURATION, _FRACTION_WORDS, _MONEY_WORDS, _ORDINALS, _VAGUE_LOW


def ordinal_ranks(scan: Scan) -> None:
    """ "the second-largest", "third most": a rank."""
    taken = scan.taken
    for m in _ORDINAL_RANK.finditer(scan.text, scan.start, scan.end):
        g = "w" if m.group("w") else "w2"
        s, e = m.span(g)
        if taken.free(s, e):
            scan.add(s, e, _ORDINALS[m.group(g).lower()], "", "rank", 0.0)


# The unit of a rank "among the top" ("one of the largest"): no number is stated, so is_numeric() is false
# for it (like an identifier) and it adds no figure to a claim or to the model's features.
AMONG_THE_TOP = "among the top"


def one_of_superlatives(scan: Scan) -> None:
    """ "one of the largest", "one of Europe's most visited": a rank among the top, from 1 with no stated
    bottom. Not "one of the men" (a pronoun): a superlative must follow."""
    taken = scan.taken
    for m in _ONE_OF_SUPERLATIVE.finditer(scan.text, scan.start, scan.end):
        s, e = m.start("one"), m.end("sup")
        if taken.free(s, e):
            scan.put(s, e, 1, AMONG_THE_TOP, "rank", None, 1, None)


def multiples(scan: Scan) -> None:
    """ "twice", "thrice", "tenfold": a multiple, like "10x"."""
    taken = scan.taken
    for m in _MULTIPLE.finditer(scan.text, scan.start, scan.end):
        s, e = m.span()
        if taken.free(s, e):
            w = (m.group("twice") or m.group("n")).lower()
            value = {"twice": 2, "thrice": 3}.get(w) or words_to_number([w])
            scan.add(s, e, value, "times", "other", 0.0)


def one_in(scan: Scan) -> None:
    """ "one in five", "two out of three": a share, in percent."""
    taken = scan.taken
    for m in _ONE_IN.finditer(scan.text, scan.start, scan.end):
        s, e = m.span()
        if not taken.free(s, e):
            continue
        n = m.group("n").lower()
        d = m.group("d").lower()
        nv = int(n) if n.isdigit() else UNITS.get(n)
        dv = parse_numeral(d) if d[:1].isdigit() else words_to_number(d.split())
        if d.isdigit() and len(d) == 4 and 1900 <= dv <= 2100:
            continue  # "one in 2019": a year
        if not nv or not dv or nv >= dv or _out_of_a_count(m, n, d) or d[:1].isdigit() and not n.isdigit():
            continue
        share = 100.0 * nv / dv
        share = round(share, 2) if share >= 1 else float(f"{share:.3g}")  # "one in a million": 0.0001
        scan.add(s, e, tidy(share), "fraction", "percent", 0.5)


def _out_of_a_count(m, n: str, d: str) -> bool:
    """ "two out of 16 principal dancers", "7 out of 10": a part of a stated whole, two counts. (A word
    over digits, "one in 13", is also left as two figures: the relations gold of issue 12 links them so.)"""
    return m.group(0).lower().split()[1] == "out" and (n[:1].isdigit() or d[:1].isdigit())


def fractional_scales(scan: Scan) -> None:
    """ "half a million", "a quarter of a billion", "one and a half million"."""
    text, end, taken = scan.text, scan.end, scan.taken
    for m in _FRACTIONAL_SCALE.finditer(text, scan.start, end):
        s, e = m.span()
        if not taken.free(s, e):
            continue
        if m.group("whole"):
            f, scale = UNITS[m.group("whole").lower()] + 0.5, m.group("s2")
        elif m.group("f3"):
            f, scale = _BARE_FRACTION_WORDS[re.split(r"[\s-]+", m.group("f3").lower())[-1]], m.group("s3")
        else:
            f, scale = _FRACTION_WORDS[re.sub(r"\s+", " ", m.group("f").lower())], m.group("s")
        value = tidy(round(f * SUFFIX_SCALES[scale.lower()]))
        unit, unit_end = _unit_after(text, e, end)
        first = unit.lower().split(" ", 1)[0] if unit else ""
        if first in _MONEY_WORDS:  # "a quarter million dollars"
            scan.add(s, e, value, _MONEY_WORDS[first], "money", value * 0.05, unit_end=unit_end)
            continue
        scan.add(s, e, value, unit, "count", value * 0.05, unit_end=unit_end if unit else None)


_BARE_FRACTION_WORDS = {"half": 0.5, "quarter": 0.25, "quarters": 0.75}


def fractions(scan: Scan) -> None:
    """ "two-thirds", "a quarter of", "half the": a share, in percent."""
    taken = scan.taken
    for m in _FRACTION.finditer(scan.text, scan.start, scan.end):
        s, e = m.span()
        if m.group("half"):
            e = m.start() + len(m.group("half"))
            n, d = 1, 2
        else:
            nw = (m.group("n") or m.group("n2") or m.group("n3") or m.group("n4")).lower()
            n = 1 if nw == "a" else UNITS.get(nw, 1)
            dw = (m.group("d") or m.group("d2") or m.group("d3") or m.group("d4")).lower()
            if m.group("n4"):
                e = m.end("d4")
            d = FRACTION_DENOMINATORS[dw]
            if dw.startswith("quarter") and _PERIOD_BEFORE.search(scan.text, max(scan.start, s - 14), s):
                continue  # "the first three quarters of 2020": periods of a year
        if not taken.free(s, e):
            continue
        scan.add(s, e, tidy(round(100.0 * n / d, 2)), "fraction", "percent", 0.5)


def dozens(scan: Scan) -> None:
    """ "a dozen", "half a dozen", "three dozen eggs"."""
    text, end, taken = scan.text, scan.end, scan.taken
    for m in _DOZEN.finditer(text, scan.start, end):
        s, e = m.span()
        if not taken.free(s, e):
            continue
        w = m.group("n").lower()
        mult = 0.5 if w.startswith("half") else (1 if w in ("a", "one") else UNITS[w])
        value = tidy(12 * mult)
        unit, unit_end = _unit_after(text, e, end)
        if unit.lower().startswith("of "):
            unit = ""
        scan.add(s, e, value, unit, "count", 0.0, unit_end=unit_end if unit else None)


def vague_amounts(scan: Scan) -> None:
    """ "hundreds of", "tens of thousands of": a lower bound only."""
    taken = scan.taken
    for m in _VAGUE.finditer(scan.text, scan.start, scan.end):
        s, e = m.start("w"), m.end("w")
        if not taken.free(s, e):
            continue
        low = _VAGUE_LOW[re.sub(r"\s+", " ", m.group("w").lower())]
        scan.put(s, e, low, "", "count", "vague", low, None)


def vague_plurals(scan: Scan) -> None:
    """ "millions were spent", "took billions from", "tens of thousands": a lower bound only (after
    vague_amounts, which takes the same words followed by "of")."""
    taken = scan.taken
    for m in _VAGUE_ALONE.finditer(scan.text, scan.start, scan.end):
        s, e = m.span("w")
        if taken.free(s, e):
            low = _VAGUE_LOW[re.sub(r"\s+", " ", m.group("w").lower())]
            scan.put(s, e, low, "", "count", "vague", low, None)


def several_scales(scan: Scan) -> None:
    """ "several thousand people", "a few hundred metres": at least two of the scale, no upper bound (not
    "thousand people", a count of 1,000)."""
    text, end, taken = scan.text, scan.end, scan.taken
    for m in _SEVERAL_SCALE.finditer(text, scan.start, end):
        s, e = m.span()
        if taken.free(s, e):
            low = 2 * (12 if m.group("s").lower() == "dozen" else SCALES[m.group("s").lower()])
            low *= SCALES[m.group("s2").lower()] if m.group("s2") else 1
            unit, unit_end = _unit_after(text, e, end)
            scan.put(s, unit_end if unit else e, low, unit, "count", "vague", low, None)


def word_numbers(scan: Scan) -> None:
    """ "forty-two", "three hundred and fifty", "one million": the last rule."""
    text, end, taken = scan.text, scan.end, scan.taken
    before = _FiguresBefore(scan)
    pos = scan.start
    while (m := _WORDNUM.search(text, pos, end)) is not None:
        s, e = m.span()
        hit = taken.first_overlap(s, e)
        if hit is not None:
            # "half a million and one million": the words after a span an earlier rule took are searched
            # again from its end; words before it are a number of their own ("four three two-thirds")
            if hit[0] > s:
                cut = _number_end(text, s, hit[0])
                if cut > s:
                    _word_number(scan, s, cut, before, stop=hit[0])
            pos = max(hit[1], s + 1)
            continue
        cut = _number_end(text, s, e)
        _word_number(scan, s, cut, before)
        pos = max(cut, s + 1)  # "two and three and four times": the numbers after a joining "and" are searched again


_JOINING_AND = re.compile(r"([\s-]+)and[\s-]+", re.I)


def _number_end(text: str, s: int, e: int) -> int:
    """Where the number in text[s:e] ends: before a joining "and" that does not follow hundred/thousand/…
    ("three and four-year-olds" is two numbers, "three hundred and fifty" one), and without a trailing
    separator or "and"."""
    for m in _JOINING_AND.finditer(text, s, e):
        word = text[s : m.start()].rsplit(None, 1)[-1].rsplit("-", 1)[-1].lower()
        if word not in SCALES:
            return m.start()
    while e > s and not text[e - 1].isalpha():
        e -= 1
    return e


class _FiguresBefore:
    """The nearest figure ending before a position, in O(log n): what the earlier rules found (sorted once,
    when first asked) and the last figure word_numbers added (it adds them left to right)."""

    def __init__(self, scan: Scan) -> None:
        self.scan = scan
        self.n0 = len(scan.out)
        self.ends: list[int] | None = None

    def nearest(self, s: int):
        out = self.scan.out
        if self.ends is None:
            self.items = sorted(out[: self.n0], key=lambda q: q.end)
            self.ends = [q.end for q in self.items]
        i = bisect.bisect_right(self.ends, s)
        best = self.items[i - 1] if i else None
        if len(out) > self.n0 and out[-1].end <= s and (best is None or out[-1].end > best.end):
            best = out[-1]
        return best


def _word_number(scan: Scan, s: int, e: int, before: _FiguresBefore, stop: int | None = None) -> None:
    """The number text[s:e] with the words after it up to stop (the sentence's end, or a span taken)."""
    text, start, end = scan.text, scan.start, scan.end if stop is None else stop
    words = re.split(r"[\s-]+", text[s:e])
    value = words_to_number(words)
    if value is None:
        return
    low_text = text[s:e].lower()
    if (low_text in ("one", "a hundred") or low_text.startswith("one ")) and (
        _ONE_SKIP_AFTER.match(text, e, end) or _ONE_SKIP_BEFORE.search(text, max(start, s - 12), s)
    ):
        return
    unit, unit_end = _unit_after(text, e, end)
    lunit = unit.lower()
    first = lunit.split(" ", 1)[0] if lunit else ""
    joined = _count_before_one(scan, s, before) if low_text == "one" and not unit else None
    if _pronoun_or_name(scan, s, low_text, unit, first, joined) and not _ONE_PER.match(text, e, end):
        return
    pm = _PERCENT_AFTER.match(text, e, end)
    if pm:
        scan.add(s, pm.end(), value, "%", "percent", 0.0)  # "twenty per cent" ("per" is a stop word)
        return
    if joined is not None:  # "Two executives from AIG and one from Marsh": one more of the same
        unit = joined.unit if _is_plural(joined.unit.rsplit(" ", 1)[-1].lower()) else ""
        scan.add(s, e, 1, unit, "count", 0.0)
        return
    if first in _MONEY_WORDS:
        scan.add(s, e, value, _MONEY_WORDS[first], "money", 0.0, unit_end=unit_end)
        return
    kind = "duration" if first in _DURATION or (lunit and lunit.split(" ")[-1] in _DURATION) else "count"
    scan.add(s, e, value, unit, kind, 0.0, unit_end=unit_end)


def _pronoun_or_name(scan: Scan, s: int, low_text: str, unit: str, first: str, joined) -> bool:
    text = scan.text
    if low_text == "one" and (
        (not unit and not _counted_one(text, scan.start, s) and joined is None)
        or text[s - 1 : s] == "-"
        or first in ("known", "who", "that")
        or (first in ("point", "stage", "time") and text[s - 3 : s].lower() == "at ")  # "at one point"
        or _is_plural(first)
    ):
        return True  # "one" alone, "no-one", "one known as": a pronoun far more often than a count
    # "RBS Six Nations", "Two Sigma": part of a name (unless the whole line is in title case, or a plural noun
    # in lower case ends the unit: "Three Labour councillors", "Two US senators")
    last = unit.rsplit(" ", 1)[-1]
    return bool(
        text[s : s + 1].isupper()
        and unit[:1].isupper()
        and not (last.islower() and _is_plural(last))
        and s > scan.start
        and text[s - 2 : s - 1] not in '."“'
        and not _title_case_line(text, s)
    )


# "one per month", "one per cent": "one" as a rate is a count, not a pronoun
_ONE_PER = re.compile(r"\s+(?:per|a\s+(?:day|week|month|year))\b", re.I)
_PERIOD_BEFORE = re.compile(r"\b(?:first|last|past|next|previous|consecutive|straight|final)\s+$", re.I)
_PERCENT_AFTER = re.compile(r"[\s-]+(?:per\s?cent|percent)\b", re.I)
# What joins a count to a following bare "one" that counts one more of the same: "Two executives from AIG
# and one from Marsh", "Twelve of them represent Labour, and one is a Liberal Democrat".
_JOINED_ONE = re.compile(r"(?:,\s*|\s+)(?:and|but|while|whereas|with)\s+$|,\s+$", re.I)


def _count_before_one(scan: Scan, s: int, before: _FiguresBefore):
    """The count a bare "one" continues: the nearest figure before it (at most 60 characters back, no
    sentence end, bracket or quote between), a count, joined to "one" by "and", "but", "while" or a comma."""
    if not _JOINED_ONE.search(scan.text, max(scan.start, s - 12), s):
        return None
    prev = before.nearest(s)
    if prev is None or prev.kind != "count" or prev.low != prev.high or s - prev.end > 60:
        return None
    between = scan.text[prev.end : s]
    if any(c in between for c in '.;:!?()"“”'):
        return None
    return prev


_COUNTING_QUALIFIERS = frozenset(["only", "just", "exactly", "at least", "more than", "no more than", "at most"])


def _counted_one(text: str, start: int, s: int) -> bool:
    """ "only one polling place", "more than one": a qualifier makes "one" a count, except "the only one"."""
    qualifier, _ = _qualifier(text, start, s)
    if qualifier not in _COUNTING_QUALIFIERS:
        return False
    return not re.search(r"\b(?:the|an?)\s+(?:only|just)\s+$", text[max(start, s - 16) : s], re.I)
