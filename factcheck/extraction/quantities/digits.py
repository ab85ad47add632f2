"""Rules for figures written with digits that are not plain numerals: dates, times, ratios, fractions,
ranges, and names with a number in them. Each rule takes one Scan and adds what it finds."""

from __future__ import annotations

import re

from ..numbers import SUFFIX_SCALES, parse_numeral, tidy
from .context import _unit_after
from .patterns import (
    _BETWEEN_RANGE,
    _DATE,
    _DECADE,
    _GLUED_NAME,
    _HYPHEN_MODEL,
    _LEADING_ZERO,
    _MODEL_NAME_BEFORE,
    _NUMBERED_RANK,
    _RANGE,
    _RATIO_COLON,
    _SLASH_DATE,
    _SLASH_FRACTION,
    _TIME,
)
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
            g = m.group(0)
            year = (
                g[:4] if g[:2] in ("19", "20") and g[4:5] == "/" else (g.rsplit("/", 1)[1] if g.count("/") == 2 else "")
            )
            scan.put(s, e, int(year) if len(year) == 4 else 0, "date", "date")


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
        _put_range(scan, m, s, e, a, b)


def _put_range(scan: Scan, m, s: int, e: int, a, b) -> None:
    """A range a..b with its scale, and what it counts: %, a currency, or the words after it."""
    mult = SUFFIX_SCALES[m.group("scale").lower()] if m.group("scale") else 1
    a, b = tidy(a * mult), tidy(b * mult)
    if b < a:
        kind, unit, unit_end = "other", "score", None  # "won 3-1", "voted 49-46"
    elif m.group("pct"):
        kind, unit, unit_end = "percent", "%", None
    elif m.group("cur"):
        kind, unit, unit_end = "money", m.group("cur"), None
    else:
        unit, unit_end = _unit_after(scan.text, e, scan.end)
        kind = "count" if unit else "other"
        if not unit:
            unit = "range"
    scan.put(s, unit_end or e, a, unit, kind, "range", min(a, b), max(a, b))


def worded_ranges(scan: Scan) -> None:
    """ "between 5 and 8%", "between £2 and £3m": a range when the second end carries a % or a scale (not
    "between 10 and 20", nor a falling pair)."""
    for m, s, e in _free_matches(scan, _BETWEEN_RANGE, "a"):
        e = m.end()
        s = m.start("cur") if m.group("cur") else s
        a, b = parse_numeral(m.group("a")), parse_numeral(m.group("b"))
        if (m.group("pct") or m.group("scale")) and a < b and scan.taken.free(s, e):
            _put_range(scan, m, s, e, a, b)


def numbered_ranks(scan: Scan) -> None:
    """ "ranks No. 2", "finished number 3": a rank, not an identifier like "No. 10 Downing Street"."""
    for m, s, e in _free_matches(scan, _NUMBERED_RANK, "n"):
        scan.add(s, e, int(m.group("n")), "", "rank", 0.0)


def leading_zeros(scan: Scan) -> None:
    """ "0800" (a time when it reads as one), "0800 123 4567", "007": never an amount."""
    for m, s, e in _free_matches(scan, _LEADING_ZERO):
        g = m.group(0)
        if len(g) == 4 and int(g[:2]) < 24 and int(g[2:]) < 60:
            scan.put(s, e, 0, "time", "date")
        else:
            scan.add(s, e, 0, "identifier", "other", 0.0)


def _free_matches(scan: Scan, pattern, group: int | str = 0):
    """Matches of pattern whose group does not overlap a span an earlier rule took, with that group's span."""
    for m in pattern.finditer(scan.text, scan.start, scan.end):
        s, e = m.span(group)
        if scan.taken.free(s, e):
            yield m, s, e


def glued_names(scan: Scan) -> None:
    """G20, Covid19, #Vote2022, F-35B, B-52s: a name with a number in it, not a figure."""
    for m, s, e in _free_matches(scan, _GLUED_NAME, "num"):
        scan.add(s, e, int(m.group("num")), "identifier", "other", 0.0)
    for m, s, e in _free_matches(scan, _HYPHEN_MODEL, "num"):
        if _MODEL_NAME_BEFORE.search(scan.text, max(scan.start, m.start() - 6), m.start()):
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
