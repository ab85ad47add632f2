"""Rules for halves and other shares written in words where no "of" follows: "cut in half", "down by a
third", "more than half work", "half our budget", "half as many", "seven and a half years", "a year and a
half", "half a mile". Each rule takes one Scan and adds what it finds."""

from __future__ import annotations

import re

from ..numbers import FRACTION_DENOMINATORS, SUFFIX_SCALES, TENS, UNITS, tidy
from .context import _unit_after
from .scan import Scan
from .words import _DURATION, _MONEY_WORDS

_UNIT_NUMBER = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN_NUMBER = "|".join(TENS)

# "3 and a half", "seven-and-a-half", "twenty and one half" (+ "million"): the whole number and a half.
_AND_A_HALF = re.compile(
    rf"(?<![\w.,£$€])(?P<n>\d{{1,3}}|{_UNIT_NUMBER}|{_TEN_NUMBER})[\s-]+and[\s-]+(?:a|one)[\s-]+half"
    r"(?:[\s-]+(?P<s>hundred|thousand|million|billion|trillion))?\b",
    re.I,
)
_HALF_UNITS = r"year|decade|century|hour|day|week|month|minute|second|mile|block|inch|foot|metre|meter|cent|point"
# "a year and a half", "the last decade and a half", "every day and a half", "a half mile", "a half-hour"
_ONE_UNIT_AND_A_HALF = re.compile(
    rf"\b(?:an?|one|every|the\s+(?:first|last|past|next|previous))\s+(?P<u>{_HALF_UNITS})\s+and\s+a\s+half\b"
    rf"|\b(?:an?|one)\s+(?P<h>half)[\s-](?P<hu>{_HALF_UNITS})\b",
    re.I,
)
_QUAL = (
    r"(?:more\s+than|less\s+than|fewer\s+than|almost|nearly|about|around|roughly|over|under|at\s+least|"
    r"just\s+over|just\s+under)"
)
# A share as the measure of a change ("cut in half", "fell by a third", "by more than half") or as a
# determiner or a subject ("half our budget", "more than half work full-time", "half were women").
_NOT_A_SHARE_AFTER = r"(?![\s-](?:an?\s|of\b|the\b|time\b|term\b|way\b|hour\b|century\b|price\b|dozen\b))"
_A_SHARE = r"(?:a|one)[\s-](?:third|quarter|fifth|tenth)"
_SHARE = re.compile(
    rf"\b(?:in|to)\s+(?:{_QUAL}\s+)?(?P<c>half)\b{_NOT_A_SHARE_AFTER}"
    rf"|\bby\s+(?:{_QUAL}\s+)?(?P<c2>half|{_A_SHARE}|two[\s-]thirds|three[\s-]quarters)\b{_NOT_A_SHARE_AFTER}"
    rf"|\b{_QUAL}\s+(?P<q>half|{_A_SHARE})\b{_NOT_A_SHARE_AFTER}"
    # "every fifth child": one in five (not "every second", a time)
    r"|\b(?P<o>every\s+(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))\s+(?=[a-z])"
    # "a third more than last year", "a quarter cheaper"
    rf"|\b(?P<m>{_A_SHARE})\s+(?=(?:more|less|fewer|higher|lower|bigger|smaller|larger|cheaper|faster)\b)"
    r"|(?<![\w-])(?P<d>half)\s+(?=(?:our|his|her|my|your|this|that|these|those|all|them|are|were|is|was|being|have|had|"
    r"will|would|say|said|come|came|live|work|want|think|believe)\b)",
    re.I,
)
# "the first half was", "the other half are": a half of a game, a year or a pair, not a share
_HALF_OF_A_WHOLE = re.compile(r"\b(?:first|second|other|the|a|each|one|this|that|its|their|his|her|our)\s+$", re.I)
# "half as many", "half as much": a multiple of 0.5.
_HALF_AS = re.compile(r"\b(?P<h>half)\s+as\s+(?:many|much|large|big|high|likely|often|fast|long|expensive)\b", re.I)
# "half a mile", "half a century", "half an hour": half of one unit (after "half a million" and "half a dozen").
_HALF_A_UNIT = re.compile(r"\b(?P<h>half)\s+an?\s+(?=[a-z])(?!world\b|chance\b|step\b|dozen\b)", re.I)


_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅛": 0.125}
# "2½ years", "3 ¾ miles", "½ of": a whole number and a fraction sign
_VULGAR_FRACTION = re.compile(r"(?<![\w.,])(?:(?P<n>\d{1,4})\s?)?(?P<f>[½¼¾⅓⅔⅕⅛])(?![\w½¼¾⅓⅔⅕⅛])")


def vulgar_fractions(scan: Scan) -> None:
    """ "2½ years": the whole number plus the fraction, with what follows; "¾ of the vote": a share."""
    if not any(c in scan.low for c in _VULGAR):
        return
    for m in _VULGAR_FRACTION.finditer(scan.text, scan.start, scan.end):
        s, e = m.span()
        if not scan.taken.free(s, e):
            continue
        if m.group("n"):
            _add_with_unit(scan, s, e, tidy(round(int(m.group("n")) + _VULGAR[m.group("f")], 4)))
        else:
            scan.add(s, e, tidy(round(100.0 * _VULGAR[m.group("f")], 2)), "fraction", "percent", 0.5)


def and_a_half(scan: Scan) -> None:
    """ "seven and a half years", "4 and a half million", "a year and a half": x.5 of what follows."""
    text, end, taken = scan.text, scan.end, scan.taken
    if "half" not in scan.low:
        return
    for m in _AND_A_HALF.finditer(text, scan.start, end):
        s, e = m.span()
        if not taken.free(s, e):
            continue
        w = m.group("n").lower()
        whole = int(w) if w.isdigit() else UNITS.get(w, TENS.get(w, 0))
        value = (whole + 0.5) * (SUFFIX_SCALES[m.group("s").lower()] if m.group("s") else 1)
        _add_with_unit(scan, s, e, tidy(value))
    for m in _ONE_UNIT_AND_A_HALF.finditer(text, scan.start, end):
        s, e = m.span()
        if m.group("h"):
            s = m.start("h")
        elif m.group(0)[:1] in "tTeE":
            s = m.start("u")  # "the last decade and a half", "every day and a half": from the unit on
        if taken.free(s, e):
            u = (m.group("u") or m.group("hu")).lower()
            scan.add(s, e, 0.5 if m.group("h") else 1.5, u, "duration" if u in _DURATION else "other", 0.0)


def _add_with_unit(scan: Scan, s: int, e: int, value) -> None:
    unit, unit_end = _unit_after(scan.text, e, scan.end)
    first = unit.lower().split(" ", 1)[0] if unit else ""
    if first in _MONEY_WORDS:
        scan.add(s, e, value, _MONEY_WORDS[first], "money", 0.0, unit_end=unit_end)
        return
    last = unit.lower().rsplit(" ", 1)[-1] if unit else ""
    kind = "duration" if first in _DURATION or last in _DURATION else ("count" if isinstance(value, int) else "other")
    scan.add(s, e, value, unit, kind, 0.0, unit_end=unit_end if unit else None)


_ORDINAL_SHARE = {"fourth": 4}
_SHARE_WORDS = ("half", "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def shares(scan: Scan) -> None:
    """ "cut in half", "down by a third", "more than half", "half our budget": a share, in percent."""
    if not any(w in scan.low for w in _SHARE_WORDS):
        return
    for m in _SHARE.finditer(scan.text, scan.start, scan.end):
        g = next(k for k in ("c", "c2", "q", "o", "m", "d") if m.group(k))
        s, e = m.span(g)
        if not scan.taken.free(s, e) or (g == "d" and _HALF_OF_A_WHOLE.search(scan.text, max(scan.start, s - 8), s)):
            continue
        words = re.split(r"[\s-]+", m.group(g).lower())
        n = 1 if len(words) == 1 or words[0] in ("a", "one", "every") else UNITS[words[0]]
        d = _ORDINAL_SHARE.get(words[-1]) or FRACTION_DENOMINATORS[words[-1]]
        scan.add(s, e, tidy(round(100.0 * n / d, 2)), "fraction", "percent", 0.5)


def half_multiples(scan: Scan) -> None:
    """ "half as many", "half a mile", "half an hour": 0.5 times, or half of one unit."""
    text, end, taken = scan.text, scan.end, scan.taken
    if "half" not in scan.low:
        return
    for m in _HALF_AS.finditer(text, scan.start, end):
        s, e = m.span("h")
        if taken.free(s, e):
            scan.add(s, e, 0.5, "times", "other", 0.0)
    for m in _HALF_A_UNIT.finditer(text, scan.start, end):
        s, e = m.span("h")
        if not taken.free(s, m.end()):
            continue
        unit, unit_end = _unit_after(text, m.end() - 1, end)
        u = unit.lower()
        if not unit or " " in u:
            continue  # "half a block": one word; not "half a good idea"
        scan.add(s, unit_end, 0.5, u, "duration" if u in _DURATION else "other", 0.0)
