"""Number words and numerals to values, with no text rewriting.

A dozen lines of rules instead of text2num/word2number: those rewrite strings or add unrelated
numbers together ("nine missiles in eight locations" -> 17), and we need spans.
"""

from __future__ import annotations

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
SUFFIX_SCALES = {
    "crore": 10_000_000,
    "lakh": 100_000,
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bln": 1_000_000_000,
    "bn": 1_000_000_000,
    "tn": 1_000_000_000_000,
    **SCALES,
}
FRACTION_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "hundredth": 100,
    "hundredths": 100,
    "thousandth": 1000,
    "thousandths": 1000,
}
NUMBER_WORDS = {**UNITS, **TENS, **SCALES}


# No news figure written in words is this large; "hundred hundred hundred …" is not a number. Beyond it
# the value would be a huge int that is slow to build and cannot be converted to float or str.
MAX_WORD_VALUE = 10**18


def words_to_number(words: list[str]) -> int | None:
    """["five", "hundred", "and", "fifty"] -> 550; ["a", "hundred"] -> 100. None if not a number."""
    total = 0
    current = 0
    seen = False
    for raw in words:
        if total > MAX_WORD_VALUE or current > MAX_WORD_VALUE:
            return None
        w = raw.lower()
        if w in ("and", "a", "-"):
            continue
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    if total + current > MAX_WORD_VALUE:
        return None
    return total + current if seen else None


def parse_numeral(s: str) -> float | int:
    """ "1,234.5" -> 1234.5; "72" -> 72."""
    s = s.replace(",", "")
    if "." in s or len(s) > 30:
        return float(s)  # never int() a huge digit string (Python caps int parsing at 4,300 digits)
    return int(s)


def decimals_of(s: str) -> int:
    s = s.replace(",", "")
    return len(s.split(".", 1)[1]) if "." in s else 0


def tidy(value: float) -> float | int:
    """Round float noise away and return an int when the value is whole."""
    if isinstance(value, int):
        return value
    if value != value or value in (float("inf"), float("-inf")):
        return value
    r = float(f"{value:.12g}")
    if r == int(r) and abs(r) < 1e15:
        return int(r)
    return r
