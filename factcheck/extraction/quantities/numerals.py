"""The rule for plain numerals ("72", "£4.5m", "5%", "2004", "10 drones"), the last of the digit rules:
the value with its scale, then what the figure is (a duration, a measure, a percentage, a rank, money, a
year, a count) from the marks on it and the words around it."""

from __future__ import annotations

from ..numbers import SUFFIX_SCALES, decimals_of, parse_numeral, tidy
from .context import _identifier_before, _is_plural, _money_before, _qualifier, _unit_after
from .patterns import _GLUED_SIGN, _NAME_HYPHEN, _NUMERAL, _NUMERAL_AT
from .scan import Scan
from .words import _DURATION, _MONEY_WORDS

# "$2B", "$1.5T", "$3MM", "$5 mil": scale letters read only after a currency
_CURRENCY_SCALES = {"B": "bn", "T": "tn", "MM": "m", "bil": "bn", "mil": "m"}


def numerals(scan: Scan) -> None:
    text, taken = scan.text, scan.taken
    for m in _NUMERAL.finditer(text, scan.start, scan.end):
        s, e = m.span()
        if taken.free(s, e):
            _numeral(scan, m, s, e)
    for g in _GLUED_SIGN.finditer(text, scan.start, scan.end):
        if g.start() > scan.start and text[g.start() - 1].isalpha():  # "rose to$30"
            m = _NUMERAL_AT.match(text, g.start(), scan.end)
            if m is not None and taken.free(*m.span()):
                _numeral(scan, m, *m.span())


def _numeral(scan: Scan, m, s: int, e: int) -> None:
    text, start, end = scan.text, scan.start, scan.end
    ns = m.start("num")
    # scores, ranges, times, model numbers: 3-1, 10:30, COVID-19
    if (e < end and text[e : e + 1] in "-:/" and text[e + 1 : e + 2].isdigit()) or (
        ns >= 2 and text[ns - 1] in "-:/" and text[ns - 2].isalnum()
    ):
        if (
            not m.group("cur")
            and _NAME_HYPHEN.search(text, max(start, ns - 16), ns)
            and (e >= end or text[e] not in "-:/")
        ):
            scan.add(s, e, parse_numeral(m.group("num")), "identifier", "other", 0.0)  # COVID-19, F-35, K-12
        return
    num = m.group("num")
    value = parse_numeral(num)
    scale = m.group("scale") or _CURRENCY_SCALES.get(m.group("cscale"))
    tolerance = 0.5 * 10 ** (-decimals_of(num))
    inherited = ""
    if scale == "m" and not m.group("cur"):
        inherited = _currency_of_millions(scan, s, e)
        if inherited is None:
            scan.add(s, e, value, "m", "other", tolerance)
            return
    if scale and scale != "m" and not m.group("cur"):
        inherited = _money_before(text, scan.out, s, e, end)
    if scale:
        mult = SUFFIX_SCALES[scale.lower()]
        value = value * mult
        tolerance *= mult
    value = tidy(value)
    cur = (m.group("cur") or "").strip() or ("p" if m.group("pence") else "") or inherited
    if not _add_marked(scan, m, s, e, value, cur, tolerance):
        _add_counted(scan, s, e, num, value, scale, cur, tolerance)


def _currency_of_millions(scan: Scan, s: int, e: int) -> str | None:
    """A bare "<n>m": None for metres ("100m sprint", "400m hurdles"), else millions ("10m viewers") with
    the currency of a money figure just before ("1bn euros now, with another 550m to follow") or ""."""
    text = scan.text
    nxt, _ = _unit_after(text, e, scan.end)
    first_word = nxt.split(" ", 1)[0].lower() if nxt else ""
    prev = scan.out[-1] if scan.out else None
    if prev is not None and prev.kind == "money" and 0 <= s - prev.end < 80 and "." not in text[prev.end : s]:
        return prev.unit
    if not _is_plural(first_word) and first_word not in _MONEY_WORDS:
        return None
    return ""


def _add_marked(scan: Scan, m, s: int, e: int, value, cur: str, tolerance) -> bool:
    """A figure whose kind its own marks or the word before it give: "3hrs", "2x", "5kg", "Radio 4",
    "1.5C", "5%", "21st". False when it has none of them."""
    if m.group("dur"):
        scan.add(s, e, value, m.group("dur"), "duration", tolerance)
    elif m.group("times"):
        scan.add(s, e, value, "times", "other", tolerance)
    elif m.group("meas") or m.group("gmeas"):
        scan.add(s, e, value, m.group("meas") or m.group("gmeas"), "other", tolerance)
    elif not cur and not m.group("pct") and _identifier_before(scan.text, max(scan.start, s - 25), s):
        scan.add(s, e, value, "identifier", "other", 0.0)
    elif m.group("temp"):
        scan.add(s, e, value, "°" + m.group("temp"), "other", tolerance)  # "1.5C", "104F"
    elif m.group("pct"):
        unit = "percentage points" if "point" in m.group("pct") else "%"
        scan.add(s, e, value, unit, "percent", tolerance)
    elif m.group("ord"):
        scan.add(s, e, value, "", "rank", 0.0)
    else:
        return False
    return True


def _add_counted(scan: Scan, s: int, e: int, num: str, value, scale, cur: str, tolerance) -> None:
    """A figure known by the words after it: money, a year, a duration or a count of what follows."""
    unit, unit_end = _unit_after(scan.text, e, scan.end)
    lunit = unit.lower()
    first = lunit.split(" ", 1)[0] if lunit else ""
    if cur or first in _MONEY_WORDS:
        if not cur:
            scan.add(s, e, value, _MONEY_WORDS[first], "money", tolerance, unit_end=unit_end)
        else:
            scan.add(s, e, value, cur, "money", tolerance)
        return
    if _is_year(scan, s, num, value, scale, lunit, first):
        scan.add(s, e, value, "year", "date", 0.0)
        return
    kind = (
        "duration"
        if first in _DURATION or lunit.split(" ")[-1:] and lunit.split(" ")[-1] in _DURATION
        else ("count" if isinstance(value, int) else "other")
    )
    scan.add(s, e, value, unit, kind, tolerance, unit_end=unit_end)


def _is_year(scan: Scan, s: int, num: str, value, scale, lunit: str, first: str):
    """ "in 2004": a four-digit figure in 1800-2100 is a year, unless a plural noun (not a duration) follows
    and the figure is outside 1950-2030 or has a qualifier: "1800 troops", "more than 2000 troops"."""
    return (
        isinstance(value, int)
        and "," not in num
        and not scale
        and len(num) == 4
        and 1800 <= value <= 2100
        and not (
            lunit
            and _is_plural(first)
            and first not in _DURATION
            and (not 1950 <= value <= 2030 or _qualifier(scan.text, scan.start, s)[0] is not None)
        )
    )
