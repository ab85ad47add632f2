"""Quantities in a sentence: value, unit (what is counted), kind, qualifier -> bounds, span.

Regular expressions over the original text (no normalised copy), so spans are exact.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from . import work
from .numbers import (
    FRACTION_DENOMINATORS,
    NUMBER_WORDS,
    SCALES,
    SUFFIX_SCALES,
    UNITS,
    decimals_of,
    parse_numeral,
    tidy,
    words_to_number,
)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?(?![\w])"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?(?![\w])"
    rf"|\b{_MONTH}\s+\d{{4}}(?![\w])"
)
_NUMERAL = re.compile(
    r"(?<![\w.,/:£$€¥₹])"
    r"(?P<cur>(?:US|A|C|NZ|HK|S)?[$£€¥₹₦₱₩₽₺]\s?|\b(?:USD|GBP|EUR|Rs\.?)\s?|\b[PNR](?=\d{1,3},\d{3}))?"
    r"(?P<num>(?>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,12})?|\d{1,18}(?:\.\d{1,12})?)(?![\d,]\d))"
    r"(?:(?P<dur>secs?|mins?|hrs?)(?![A-Za-z])|[\s-]?(?P<scale>bn|billion|mn|m|M|million|k|K|tn|trillion|thousand|hundred|crore|lakh)(?![A-Za-z])"
    r"|(?P<pence>p)(?![A-Za-z])|(?P<times>x)(?![A-Za-z])"
    r"|\s?(?P<meas>kg|km|mg|lbs?|mph|kph|km/h|cm|mm|ml|ft|sq\s?km|sq\s?ft|GW|MW|kW|kWh|GB|MB|TB|Gbps|Mbps|ha|oz|°C|°F)"
    r"(?![A-Za-z]))?"
    r"(?P<pct>\s?(?:%|per\s?cent\b|percent\b|percentage points?\b))?"
    r"(?P<ord>(?:st|nd|rd|th)\b)?"
    r"(?![\w])"
)
_RANGE = re.compile(
    r"(?<![\w.,/:£$€-])(?P<cur>[$£€])?(?P<a>(?>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,12})?|\d{1,18}(?:\.\d{1,12})?))\s?[-–]\s?(?P=cur)?"
    r"(?P<b>(?>\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,12})?|\d{1,18}(?:\.\d{1,12})?))"
    r"(?:[\s-]?(?P<scale>bn|billion|m|million|k|thousand)(?![A-Za-z]))?"
    r"(?P<pct>\s?(?:%|per\s?cent\b|percent\b))?(?![\w-])"
)
_NAME_HYPHEN = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z-]{0,12}-$")  # "COVID-", "F-", "SARS-CoV-": a name
_SLASH_DATE = re.compile(r"(?<![\w/.])(?:(?:19|20)\d\d/\d\d|9/11)(?![\w/])")  # "2023/24", "9/11"
_SLASH_FRACTION = re.compile(r"(?<![\w/.])(?P<n>[1-9])/(?P<d>[2-9]|10)(?![\w/])")
_TIME = re.compile(
    r"(?<![\w:.£$€])(?:\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?|\s?(?:GMT|BST|ET|EST|PST|CET|UTC))?|"
    r"\d{1,2}\.\d{2}\s?[ap]\.?m\.?)(?![\w:])|"
    r"(?<![\w:.])\d{1,2}\s?[ap]\.?m\.?(?![\w])"
)
_RATIO_COLON = re.compile(r"(?<![\w:])(?P<a>\d{1,6}):(?P<b>\d{3,9})(?![\w:])")
_ORDINAL_RANK = re.compile(
    r"\b(?P<w>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[\s-]"
    r"(?=(?:most|least)\s+\w+|\w+est\b|largest|biggest|highest|lowest|best|worst)",
    re.I,
)
_GLUED_NAME = re.compile(r"(?<![\w$£€¥.,])[A-Za-z]+(?P<num>\d{1,4})\b")
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_IDENTIFIER_BEFORE = re.compile(
    r"\b(?:section|article|chapter|clause|tier|level|phase|stage|route|flight|room|platform|gate|terminal|act|"
    r"part|title|covid|grade|category|version|channel|radio|formula|windows|iphone|playstation|xbox|ps|"
    r"bbc\s+(?:one|two|three|four)|no\.|number|model|series|code)\s*$",
    re.I,
)
_IDENTIFIER_WORDS = (
    "section article chapter clause tier level phase stage route flight room platform gate terminal act part "
    "title covid grade category version channel radio formula windows iphone playstation xbox ps one two three "
    "four no. number model series code"
)
_NW = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_WORDNUM = re.compile(
    rf"\b(?:(?:a|one)\s+(?=hundred|thousand|million|billion))?(?:{_NW})(?:(?:\s+and\s+|\s+|-)(?:{_NW}))*\b", re.I
)
_FRACTION = re.compile(
    r"\b(?P<n>one|two|three|four|five|six|seven|eight|nine|a)[\s-]+"
    r"(?P<d>half|halves|thirds?|quarters?|fifths?|tenths?)\b(?=\s+of\b)"
    r"|\b(?P<n2>one|two|three|four|five|six|seven|eight|nine)-(?P<d2>thirds?|quarters?|fifths?|tenths?)\b"
    r"|\b(?P<half>half)\s+(?:of|the|its|their)\b",
    re.I,
)
_FRACTIONAL_SCALE = re.compile(
    r"\b(?P<f>half|a\s+half|a\s+quarter\s+of|three\s+quarters\s+of|a\s+third\s+of)\s+(?:a|one)\s+"
    r"(?P<s>million|billion|thousand)\b",
    re.I,
)
_FRACTION_WORDS = {"half": 0.5, "a half": 0.5, "a quarter of": 0.25, "three quarters of": 0.75, "a third of": 1 / 3}
_ONE_IN = re.compile(
    r"\b(?P<n>one|two|three|four|five|\d{1,2})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<d>\d{1,4}|two|three|"
    r"four|five|six|seven|eight|nine|ten|twenty|fifty|a\s+hundred|100|1,000)\b",
    re.I,
)
_DOZEN = re.compile(r"\b(?P<n>a|one|two|three|half\s+a)\s+dozen\b", re.I)
_VAGUE = re.compile(
    r"\b(?P<w>(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)|dozens|scores|hundreds|thousands|millions|"
    r"billions)\s+of\b",
    re.I,
)
_VAGUE_LOW = {
    "tens of millions": 20_000_000,
    "hundreds of millions": 200_000_000,
    "tens of billions": 20_000_000_000,
    "hundreds of billions": 200_000_000_000,
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "millions": 2_000_000,
    "billions": 2_000_000_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
}

_QUALIFIERS = {
    # qualifier: (kind of bound)
    "more than": "gt",
    "over": "gt",
    "above": "gt",
    "upwards of": "gt",
    "just over": "gt",
    "in excess of": "gt",
    "greater than": "gt",
    "at least": "ge",
    "no fewer than": "ge",
    "no less than": "ge",
    "a minimum of": "ge",
    "less than": "lt",
    "fewer than": "lt",
    "under": "lt",
    "below": "lt",
    "just under": "lt",
    "up to": "le",
    "at most": "le",
    "no more than": "le",
    "as many as": "le",
    "as much as": "le",
    "a maximum of": "le",
    "about": "approx",
    "around": "approx",
    "approximately": "approx",
    "roughly": "approx",
    "some": "approx",
    "an estimated": "approx",
    "estimated": "approx",
    "close to": "approx",
    "circa": "approx",
    "c.": "approx",
    "almost": "nearly",
    "nearly": "nearly",
    "a record": "record",
    "record": "record",
    "record-breaking": "record",
    "previous record": "exact",
    "a previous record": "exact",
    "the previous record": "exact",
    "exactly": "exact",
    "only": "exact",
    "just": "exact",
}
_QUAL_RE = re.compile(
    r"\b(?P<q>" + "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True)) + r")\s+(?:of\s+)?$",
    re.I,
)
# What a window must end with (after trailing spaces) for _QUAL_RE / _IDENTIFIER_BEFORE to match: a
# C-level endswith() lets most figures skip those searches, which were most of find()'s time.
_QUAL_ENDINGS = tuple({q.split()[-1] for q in _QUALIFIERS} | {"of"})
_IDENTIFIER_ENDINGS = tuple(_IDENTIFIER_WORDS.split())


def _may_end_with(window: str, endings: tuple[str, ...]) -> bool:
    """False only when no match of a case-insensitive "(word)\\s*$" pattern is possible. Non-ASCII
    text always goes to the regex (re.IGNORECASE folds some characters that str.lower() leaves)."""
    tail = window.rstrip()
    return not tail.isascii() or tail.lower().endswith(endings)


_MONEY_WORDS = {
    "kronor": "kr",
    "krona": "kr",
    "kroner": "kr",
    "yuan": "¥",
    "roubles": "₽",
    "rubles": "₽",
    "francs": "Fr",
    "rand": "R",
    "pounds": "£",
    "pound": "£",
    "dollars": "$",
    "dollar": "$",
    "euros": "€",
    "euro": "€",
    "pence": "p",
    "cents": "cents",
    "yen": "¥",
    "rupees": "₹",
}
_DURATION = {
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "night",
    "nights",
    "season",
    "seasons",
    "hrs",
    "mins",
}
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "for",
        "with",
        "and",
        "or",
        "but",
        "nor",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "it",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "this",
        "these",
        "those",
        "than",
        "as",
        "per",
        "into",
        "over",
        "after",
        "before",
        "since",
        "during",
        "across",
        "while",
        "said",
        "says",
        "say",
        "told",
        "according",
        "last",
        "next",
        "ago",
        "more",
        "less",
        "most",
        "least",
        "about",
        "around",
        "up",
        "down",
        "out",
        "off",
        "only",
        "also",
        "just",
        "so",
        "than",
        "then",
        "there",
        "here",
        "where",
        "when",
        "why",
        "how",
        "not",
        "no",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "do",
        "did",
        "does",
        "got",
        "get",
        "gets",
        "made",
        "make",
        "came",
        "come",
        "went",
        "go",
        "rose",
        "fell",
        "grew",
        "won",
        "lost",
        "saw",
        "took",
        "gave",
        "hit",
        "struck",
        "set",
        "put",
        "cut",
        "ran",
        "led",
        "left",
        "sold",
        "paid",
        "bought",
        "kept",
        "told",
        "held",
        "each",
        "every",
        "all",
        "both",
        "some",
        "any",
        "such",
        "other",
        "another",
        "own",
        "same",
        "if",
        "because",
        "though",
        "although",
        "until",
        "unless",
        "whereas",
        "whilst",
        "via",
        "between",
        "among",
        "against",
        "toward",
        "towards",
        "through",
        "throughout",
        "within",
        "without",
        "upon",
        "i",
        "we",
        "you",
        "he",
        "she",
        "they",
        "me",
        "us",
        "him",
        "them",
        "what",
        "whatever",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)
_UNIT_WORD = re.compile(r"(?:[ \t]+|-)([A-Za-z][A-Za-z’'-]*)")
_AND_WORD = re.compile(r"[ \t]+and[ \t]+([A-Za-z][A-Za-z’'-]*)")
_ONE_SKIP_AFTER = re.compile(
    r"\s+(?:of\s+(?:its|the|their|his|her|our|my|them|those|these|which|whom|us|you|a|an|many|several)\b|another\b|"
    r"or\s+(?:two|more|other)\b)|-(?:way|off|on-one|time|sided|stop|size|party|liner|man|horse)\b",
    re.I,
)
_ONE_SKIP_BEFORE = re.compile(r"\b(?:no|any|every|each|some|the|this|that|which|another|someone|anyone|no-)\s+$", re.I)


_ANY_DIGIT = re.compile(r"\d")
_LOWER_WORDS = re.compile(r"[a-z]+")
_TRIGGER_WORDS = frozenset(NUMBER_WORDS) | frozenset(
    [
        "half",
        "halves",
        "third",
        "thirds",
        "quarter",
        "quarters",
        "fifth",
        "fifths",
        "tenth",
        "tenths",
        "dozen",
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "first",
        "second",
        "fourth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
    ]
)


class _Spans:
    """Non-overlapping spans taken so far: O(log n) overlap checks, amortised O(1) additions.

    Each pass of find() adds spans left to right, so they go to a `pending` list by append; the two
    sorted lists are merged when an addition comes out of order (the next pass). list.insert() in the
    middle of one long list made a sentence with thousands of figures quadratic."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.p_starts: list[int] = []
        self.p_ends: list[int] = []

    def free(self, s: int, e: int) -> bool:
        # The same test as on the one merged list: its last span starting at or before s (on equal
        # starts the pending one, which the merge puts later) and its first span starting after s.
        i = bisect.bisect_right(self.starts, s)
        j = bisect.bisect_right(self.p_starts, s)
        before = None
        if i > 0:
            before = (self.starts[i - 1], self.ends[i - 1])
        if j > 0 and (before is None or self.p_starts[j - 1] >= before[0]):
            before = (self.p_starts[j - 1], self.p_ends[j - 1])
        if before is not None and before[1] > s:
            return False
        after = min(self.starts[i] if i < len(self.starts) else e, self.p_starts[j] if j < len(self.p_starts) else e)
        return not after < e

    def add(self, s: int, e: int) -> None:
        if self.p_starts and s < self.p_starts[-1]:
            self._merge()
        self.p_starts.append(s)
        self.p_ends.append(e)

    def _merge(self) -> None:
        pairs = sorted(zip(self.starts + self.p_starts, self.ends + self.p_ends, strict=True), key=lambda p: p[0])
        self.starts = [p[0] for p in pairs]
        self.ends = [p[1] for p in pairs]
        self.p_starts, self.p_ends = [], []


@dataclass
class RawQuantity:
    start: int
    end: int
    value: float | int
    unit: str
    kind: str
    qualifier: str | None
    low: float | int | None
    high: float | int | None
    low_inclusive: bool
    high_inclusive: bool
    tolerance: float


def _bounds(value, qual_kind, tolerance):
    """Bounds implied by a qualifier. Returns (low, high, low_inclusive, high_inclusive)."""
    if qual_kind == "gt":
        return value, None, False, True
    if qual_kind == "ge":
        return value, None, True, True
    if qual_kind == "lt":
        return None, value, True, False
    if qual_kind == "le":
        return None, value, True, True
    if qual_kind == "approx":
        return tidy(value * 0.9), tidy(value * 1.1), True, True
    if qual_kind == "nearly":
        return tidy(value * 0.9), value, True, False
    return value, value, True, True


_IRREGULAR_PLURALS = frozenset(
    ["people", "children", "men", "women", "staff", "police", "cattle", "sheep", "fish", "personnel", "troops"]
)


def _is_plural(word: str) -> bool:
    if word.endswith(("'s", "’s")):
        return False  # "one teacher's pay": a possessive
    return word in _IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith("ss") and len(word) > 2)


_SENTENCE_END = re.compile(r"[.!?;]\s")


def _money_before(text: str, out: list, s: int, e: int, end: int) -> str:
    """The currency a bare scaled figure carries over from an amount earlier in its sentence: "9.5 million
    euros in 2025, of which 7.1 million came from cargo" — unless a counted noun follows ("2 million
    customers") or the sentence ended in between."""
    nxt, _ = _unit_after(text, e, end)
    first_word = nxt.split(" ", 1)[0].lower() if nxt else ""
    if first_word and (_is_plural(first_word) or first_word in _MONEY_WORDS):
        return ""
    for q in reversed(out):
        if s - q.end > 120:
            return ""
        if q.kind == "money":
            return q.unit if q.end <= s and not _SENTENCE_END.search(text, q.end, s) else ""
    return ""


def _unit_after(text: str, pos: int, end: int) -> tuple[str, int]:
    """Words naming what is counted, right after a number: "drones and missiles", "hours"."""
    words: list[tuple[int, int]] = []
    p = pos
    while len(words) < 3:
        m = _UNIT_WORD.match(text, p, end)
        if not m:
            break
        w = m.group(1)
        lw = w.lower()
        if lw in _STOP or lw in NUMBER_WORDS or (len(lw) >= 5 and lw.endswith(("ed", "ing"))):
            break
        words.append((m.start(1), m.end(1)))
        p = m.end()
        if _is_plural(lw):
            # a plural noun ends the phrase; allow "drones and missiles"
            m2 = _AND_WORD.match(text, p, end)
            if m2:
                w2 = m2.group(1).lower()
                if w2 not in _STOP and w2 not in NUMBER_WORDS and _is_plural(w2):
                    words.append((m2.start(1), m2.end(1)))
                    p = m2.end()
            break
    if not words:
        return "", pos
    return text[words[0][0] : words[-1][1]], words[-1][1]


def _identifier_before(text: str, lo: int, pos: int) -> bool:
    """ "Radio 4", "Section 28": the figure names something."""
    return _may_end_with(text[lo:pos], _IDENTIFIER_ENDINGS) and _IDENTIFIER_BEFORE.search(text, lo, pos) is not None


def _qualifier(text: str, sent_start: int, pos: int) -> tuple[str | None, str | None]:
    lo = max(sent_start, pos - 30)
    if not _may_end_with(text[lo:pos], _QUAL_ENDINGS):
        return None, None
    m = _QUAL_RE.search(text, lo, pos)
    if not m:
        return None, None
    q = m.group("q").lower()
    return q, _QUALIFIERS[q]


def find(text: str, start: int = 0, end: int | None = None) -> list[RawQuantity]:
    """Quantities in text[start:end], sorted by start."""
    if end is None:
        end = len(text)
    # Cheap pre-checks: most sentences have no digits or no number words, so skip those scans.
    has_digit = _ANY_DIGIT.search(text, start, end) is not None
    has_words = not _TRIGGER_WORDS.isdisjoint(_LOWER_WORDS.findall(text[start:end].lower()))
    counter = work.current()
    if counter is not None:
        # each pass scans the sentence once; each figure reads bounded windows around it
        counter.add("quantities", (end - start) * (2 + 6 * has_digit + 7 * has_words))
    if not has_digit and not has_words:
        return []
    taken = _Spans()
    out: list[RawQuantity] = []
    empty: tuple = ()

    def free(s: int, e: int) -> bool:
        return taken.free(s, e)

    def add(s, e, value, unit, kind, tolerance, qual=None, qual_kind=None, unit_end=None):
        if kind == "count" and tolerance == 0.5:
            tolerance = 0.0  # a whole count is exact; only scaled figures ("1.5 million") are rounded
        taken.add(s, e if unit_end is None else unit_end)
        if qual is None:
            qual, qual_kind = _qualifier(text, start, s)
        if kind == "date":
            qual, qual_kind = None, None
        low, high, li, hi = _bounds(value, qual_kind, tolerance)
        if qual_kind == "record":
            qual = "record"
        out.append(
            RawQuantity(s, e if unit_end is None else unit_end, value, unit, kind, qual, low, high, li, hi, tolerance)
        )

    for m in _DATE.finditer(text, start, end) if has_digit else empty:
        s, e = m.span()
        taken.add(s, e)
        year = re.search(r"\d{4}$", m.group(0))
        out.append(
            RawQuantity(s, e, int(year.group(0)) if year else 0, "date", "date", None, None, None, True, True, 0.0)
        )

    for m in _SLASH_DATE.finditer(text, start, end) if has_digit else empty:
        s, e = m.span()
        if free(s, e):
            taken.add(s, e)
            out.append(
                RawQuantity(
                    s,
                    e,
                    int(m.group(0)[:4]) if m.group(0)[:2] in ("19", "20") else 0,
                    "date",
                    "date",
                    None,
                    None,
                    None,
                    True,
                    True,
                    0.0,
                )
            )

    for m in _TIME.finditer(text, start, end) if has_digit else empty:
        s, e = m.span()
        if free(s, e):
            taken.add(s, e)
            out.append(RawQuantity(s, e, 0, "time", "date", None, None, None, True, True, 0.0))

    for m in _RATIO_COLON.finditer(text, start, end) if has_digit else empty:
        s, e = m.span()
        if free(s, e):
            value = tidy(int(m.group("b")) / int(m.group("a"))) if int(m.group("a")) else 0
            add(s, e, value, "ratio", "other", 0.0)

    for m in _SLASH_FRACTION.finditer(text, start, end) if has_digit else empty:
        s, e = m.span()
        n, d = int(m.group("n")), int(m.group("d"))
        if n < d and free(s, e):
            add(s, e, tidy(round(100.0 * n / d, 2)), "fraction", "percent", 0.5)

    for m in _ORDINAL_RANK.finditer(text, start, end) if has_words else empty:
        s, e = m.start("w"), m.end("w")
        if free(s, e):
            add(s, e, _ORDINALS[m.group("w").lower()], "", "rank", 0.0)

    for m in _RANGE.finditer(text, start, end) if has_digit else empty:
        s, e = m.span()
        if not free(s, e):
            continue
        a, b = parse_numeral(m.group("a")), parse_numeral(m.group("b"))
        sa = m.group("a")
        if len(sa) == 4 and "," not in sa and 1800 <= a <= 2100 and len(m.group("b")) in (2, 4):
            taken.add(s, e)
            out.append(RawQuantity(s, e, a, "years", "date", None, None, None, True, True, 0.0))
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
        taken.add(s, unit_end or e)
        out.append(RawQuantity(s, unit_end or e, a, unit, kind, "range", min(a, b), max(a, b), True, True, 0.0))

    for m in _GLUED_NAME.finditer(text, start, end) if has_digit else empty:
        s, e = m.span("num")
        if free(s, e):  # G20, Covid19, #Vote2022: a name with a number in it, not a figure
            add(s, e, int(m.group("num")), "identifier", "other", 0.0)

    for m in _NUMERAL.finditer(text, start, end) if has_digit else empty:
        s, e = m.span()
        if not free(s, e):
            continue
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
                add(s, e, parse_numeral(m.group("num")), "identifier", "other", 0.0)  # COVID-19, F-35, K-12
            continue
        num = m.group("num")
        value = parse_numeral(num)
        scale = m.group("scale")
        dec = decimals_of(num)
        tolerance = 0.5 * 10 ** (-dec)
        inherited = ""
        if scale == "m" and not m.group("cur"):
            # "100m sprint", "400m hurdles": metres; "10m viewers": millions
            nxt, _ = _unit_after(text, e, end)
            first_word = nxt.split(" ", 1)[0].lower() if nxt else ""
            prev = out[-1] if out else None
            if prev is not None and prev.kind == "money" and 0 <= s - prev.end < 80 and "." not in text[prev.end : s]:
                inherited = prev.unit  # "1bn euros now, with another 550m to follow": the same currency
            elif not _is_plural(first_word) and first_word not in _MONEY_WORDS:
                add(s, e, value, "m", "other", tolerance)
                continue
        if scale and scale != "m" and not m.group("cur"):
            inherited = _money_before(text, out, s, e, end)
        if scale:
            mult = SUFFIX_SCALES[scale.lower()]
            value = value * mult
            tolerance *= mult
        value = tidy(value)
        cur = (m.group("cur") or "").strip() or ("p" if m.group("pence") else "") or inherited
        if m.group("dur"):
            add(s, e, value, m.group("dur"), "duration", tolerance)
            continue
        if m.group("times"):
            add(s, e, value, "times", "other", tolerance)
            continue
        if m.group("meas"):
            add(s, e, value, m.group("meas"), "other", tolerance)
            continue
        if not cur and not m.group("pct") and _identifier_before(text, max(start, s - 25), s):
            add(s, e, value, "identifier", "other", 0.0)
            continue
        if m.group("pct"):
            unit = "percentage points" if "point" in m.group("pct") else "%"
            add(s, e, value, unit, "percent", tolerance)
            continue
        if m.group("ord"):
            add(s, e, value, "", "rank", 0.0)
            continue
        unit, unit_end = _unit_after(text, e, end)
        lunit = unit.lower()
        first = lunit.split(" ", 1)[0] if lunit else ""
        if cur or first in _MONEY_WORDS:
            if not cur:
                add(s, e, value, _MONEY_WORDS[first], "money", tolerance, unit_end=unit_end)
            else:
                add(s, e, value, cur, "money", tolerance)
            continue
        is_year = (
            isinstance(value, int)
            and "," not in num
            and not scale
            and len(num) == 4
            and 1800 <= value <= 2100
            and not (
                lunit
                and _is_plural(first)
                and first not in _DURATION
                and (not 1950 <= value <= 2030 or _qualifier(text, start, s)[0] is not None)
            )
        )
        if is_year:
            add(s, e, value, "year", "date", 0.0)
            continue
        kind = (
            "duration"
            if first in _DURATION or lunit.split(" ")[-1:] and lunit.split(" ")[-1] in _DURATION
            else ("count" if isinstance(value, int) else "other")
        )
        add(s, e, value, unit, kind, tolerance, unit_end=unit_end)

    for m in _ONE_IN.finditer(text, start, end) if has_words else empty:
        s, e = m.span()
        if not free(s, e):
            continue
        n = m.group("n").lower()
        d = m.group("d").lower()
        nv = int(n) if n.isdigit() else UNITS.get(n)
        dv = parse_numeral(d) if d[:1].isdigit() else words_to_number(d.split())
        if not nv or not dv or nv >= dv or m.group(0).lower().split()[1] == "out" and n.isdigit():
            continue
        add(s, e, tidy(round(100.0 * nv / dv, 2)), "fraction", "percent", 0.5)

    for m in _FRACTIONAL_SCALE.finditer(text, start, end) if has_words else empty:
        s, e = m.span()
        if not free(s, e):
            continue
        f = _FRACTION_WORDS[re.sub(r"\s+", " ", m.group("f").lower())]
        value = tidy(round(f * SUFFIX_SCALES[m.group("s").lower()]))
        unit, unit_end = _unit_after(text, e, end)
        add(s, e, value, unit, "count", value * 0.05, unit_end=unit_end if unit else None)

    for m in _FRACTION.finditer(text, start, end) if has_words else empty:
        s, e = m.span()
        if m.group("half"):
            e = m.start() + len(m.group("half"))
            n, d = 1, 2
        else:
            nw = (m.group("n") or m.group("n2")).lower()
            n = 1 if nw == "a" else UNITS.get(nw, 1)
            d = FRACTION_DENOMINATORS[(m.group("d") or m.group("d2")).lower()]
        if not free(s, e):
            continue
        add(s, e, tidy(round(100.0 * n / d, 2)), "fraction", "percent", 0.5)

    for m in _DOZEN.finditer(text, start, end) if has_words else empty:
        s, e = m.span()
        if not free(s, e):
            continue
        w = m.group("n").lower()
        mult = 0.5 if w.startswith("half") else (1 if w in ("a", "one") else UNITS[w])
        value = tidy(12 * mult)
        unit, unit_end = _unit_after(text, e, end)
        if unit.lower().startswith("of "):
            unit = ""
        add(s, e, value, unit, "count", 0.0, unit_end=unit_end if unit else None)

    for m in _VAGUE.finditer(text, start, end) if has_words else empty:
        s, e = m.start("w"), m.end("w")
        if not free(s, e):
            continue
        low = _VAGUE_LOW[re.sub(r"\s+", " ", m.group("w").lower())]
        taken.add(s, e)
        out.append(RawQuantity(s, e, low, "", "count", "vague", low, None, True, True, 0.0))

    for m in _WORDNUM.finditer(text, start, end) if has_words else empty:
        s, e = m.span()
        if not free(s, e):
            continue
        words = re.split(r"[\s-]+", m.group(0))
        # "three and four-year-olds" is two numbers, not seven: "and" only joins after hundred/thousand/…
        for k in range(1, len(words) - 1):
            if words[k].lower() == "and" and words[k - 1].lower() not in SCALES:
                words = words[:k]
                e = s + len(" ".join(words)) if m.group(0).startswith(" ".join(words)) else e
                break
        # trailing "and" is never part of a number
        value = words_to_number(words)
        if value is None:
            continue
        low_text = m.group(0).lower()
        if (low_text in ("one", "a hundred") or low_text.startswith("one ")) and (
            _ONE_SKIP_AFTER.match(text, e, end) or _ONE_SKIP_BEFORE.search(text, max(start, s - 12), s)
        ):
            continue
        unit, unit_end = _unit_after(text, e, end)
        lunit = unit.lower()
        first = lunit.split(" ", 1)[0] if lunit else ""
        if low_text == "one" and (
            not unit or text[s - 1 : s] == "-" or first in ("known", "who", "that") or _is_plural(first)
        ):
            continue  # "one" alone, "no-one", "one known as": a pronoun far more often than a count
        if (
            m.group(0)[:1].isupper()
            and unit[:1].isupper()
            and s > start
            and text[s - 2 : s - 1] not in '."“'
            and not _title_case_line(text, s)
        ):
            continue  # "RBS Six Nations", "Two Sigma": part of a name (unless the whole line is in title case)
        if first in ("percent", "per"):
            pm = re.match(r"[\s-]+(?:per\s?cent|percent)\b", text[e:end])
            if pm:
                add(s, e + pm.end(), value, "%", "percent", 0.0)
                continue
        if first in _MONEY_WORDS:
            add(s, e, value, _MONEY_WORDS[first], "money", 0.0, unit_end=unit_end)
            continue
        kind = "duration" if first in _DURATION or (lunit and lunit.split(" ")[-1] in _DURATION) else "count"
        add(s, e, value, unit, kind, 0.0, unit_end=unit_end)

    out.sort(key=lambda q: (q.start, q.end))
    if counter is not None:
        counter.add("quantities", 100 * len(out))
    return out


def _title_case_line(text: str, pos: int) -> bool:
    """Most words around pos (60 characters either side, within the line) are capitalised: a headline."""
    lo, hi = max(0, pos - 60), min(len(text), pos + 60)
    line = text[lo:hi]
    k = pos - lo
    line = line[line.rfind("\n", 0, k) + 1 :]
    nl = line.find("\n")
    words = re.findall(r"[A-Za-z][\w'’]*", line if nl < 0 else line[:nl])
    long_words = [w for w in words if len(w) > 3]
    return len(long_words) >= 4 and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def is_numeric(q) -> bool:
    """True for quantities a numeric claim rests on (not dates, times or identifiers like "Radio 4")."""
    return q.kind != "date" and not (q.kind == "other" and q.unit == "identifier")
