"""Rules for figures written with digits that are not plain numerals: dates, times, ratios, fractions,
ranges, and names with a number in them. Each rule takes one Scan and adds what it finds."""

from __future__ import annotations

import re

from ..numbers import SUFFIX_SCALES, parse_numeral, tidy
from .context import _unit_after
from .patterns import _DATE, _DECADE, _GLUED_NAME, _RANGE, _RATIO_COLON, _SLASH_DATE, _SLASH_FRACTION, _TIME
from .scan import Scan


def dates(scan: Scan) -> None:
    """ "4 July 2004", "March 3, 2005": the first rule, so nothing is taken yet."""
    for m in _DATE.finditer(scan.text, scan.start, scan.end):
        s, e = m.span()
        year = re.search(r"\d{4}$", m.group(0))
        scan.put(s, e, int(year.group(0)) if year else 0, "date", "date")


def slash_dates(scan: Scan) -> None:
    """ "2023/24", "9/11"."""
    taken = scan.taken
    for m in _SLASH_DATE.finditer(scan.text, scan.start, scan.end):
        s, e = m.span()
        if taken.free(s, e):
            scan.put(s, e, int(m.group(0)[:4]) if m.group(0)[:2] in ("19", "20") else 0, "date", "date")


def times(scan: Scan) -> None:
    """ "10:30", "9.30pm", "6 am": times of day, kept as dates."""
    taken = scan.taken
    for m in _TIME.finditer(scan.text, scan.start, scan.end):
        s, e = m.span()
        if taken.free(s, e):
            scan.put(s, e, 0, "time", "date")


def colon_ratios(scan: Scan) -> None:
    """ "1:1000": a ratio, valued as the second number over the first (1000)."""
    taken = scan.taken
    for m in _RATIO_COLON.finditer(scan.text, scan.start, scan.end):
        s, e = m.span()
        if taken.free(s, e):
            value = tidy(int(m.group("b")) / int(m.group("a"))) if int(m.group("a")) else 0
            scan.add(s, e, value, "ratio", "other", 0.0)


def slash_fractions(scan: Scan) -> None:
    """ "2/3": a share, in percent."""
    taken = scan.taken
    for m in _SLASH_FRACTION.finditer(scan.text, scan.start, scan.end):
        s, e = m.span()
        n, d = int(m.group("n")), int(m.group("d"))
        if n < d and taken.free(s, e):
            scan.add(s, e, tidy(round(100.0 * n / d, 2)), "fraction", "percent", 0.5)


def ranges(scan: Scan) -> None:
    """ "5-10%", "£2-3m", "2004-05" (years), "won 3-1" (a score)."""
    text, end, taken = scan.text, scan.end, scan.taken
    for m in _RANGE.finditer(text, scan.start, end):
        s, e = m.span()
        if not taken.free(s, e):
            continue
        a, b = parse_numeral(m.group("a")), parse_numeral(m.group("b"))
        sa = m.group("a")
        if len(sa) == 4 and "," not in sa and 1800 <= a <= 2100 and len(m.group("b")) in (2, 4):
            scan.put(s, e, a, "years", "date")
            continue
        mult = SUFFIX_SCALES[m.group("scale").lower()] if m.group("scale") else 1
        a, b = tidy(a * mult), tidy(b * mult)
        if b < a:
            kind, unit, unit_end = "other", "score", None  # "won 3-1", "voted 49-46"
        elif m.group("pct"):
            kind, unit, unit_end = "percent", "%", None
        elif m.group("cur"):
            kind, unit, unit_end = "money", m.group("cur"), None
        else:
            unit, unit_end = _unit_after(text, e, end)
            kind = "count" if unit else "other"
            if not unit:
                unit = "range"
        scan.put(s, unit_end or e, a, unit, kind, "range", min(a, b), max(a, b))


def glued_names(scan: Scan) -> None:
    """G20, Covid19, #Vote2022: a name with a number in it, not a figure."""
    taken = scan.taken
    for m in _GLUED_NAME.finditer(scan.text, scan.start, scan.end):
        s, e = m.span("num")
        if taken.free(s, e):
            scan.add(s, e, int(m.group("num")), "identifier", "other", 0.0)


def decades(scan: Scan) -> None:
    """ "the 1990s", "the '60s": a decade (a date); "the 70s", "in her 40s", "the low 40s": ten values."""
    taken = scan.taken
    for m in _DECADE.finditer(scan.text, scan.start, scan.end):
        s, e = m.span()
        if not taken.free(s, e):
            continue
        if m.group("year") or m.group("short"):
            year = int(m.group("year") or "19" + m.group("short"))
            scan.put(s, e, year, "decade", "date")
        else:
            low = int(m.group("two"))
            scan.put(s, e, low, "decade", "other", None, low, low + 9)
