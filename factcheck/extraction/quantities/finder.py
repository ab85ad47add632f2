"""find(): the quantity rules run in order over one sentence (or any span of text)."""

from __future__ import annotations

from collections.abc import Callable

from .. import work
from ..numbers import FRACTION_DENOMINATORS, NUMBER_WORDS
from . import digits, halves, numerals, spelled
from .patterns import _ANY_DIGIT, _LOWER_WORDS
from .scan import RawQuantity, Scan
from .spelled import AMONG_THE_TOP
from .words import _ORDINALS, _TRIGGER_WORDS

DIGITS = "digits"  # the rule can only match where the text has a digit
WORDS = "words"  # … where the text has a number word (see _TRIGGER_WORDS)
EITHER = "either"  # … where it has either

# A rule that needs words runs only where the sentence (lower-cased, split into ASCII letter runs) has one of
# the words its pattern cannot match without; text that is not ASCII goes to every word rule, since
# re.IGNORECASE folds some characters that str.lower() leaves ("ſ", the Kelvin sign).
_ORDINAL_WORDS = frozenset(_ORDINALS)
_FRACTION_WORDS = frozenset(["half", "halves", *FRACTION_DENOMINATORS])
_SHARE_WORDS = frozenset(["half", "third", "thirds", "quarter", "quarters", *_ORDINALS])
_VAGUE_WORDS = frozenset(["tens", "dozens", "scores", "hundreds", "thousands", "millions", "billions"])
_FOLD_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "fifty", "hundred")
_MULTIPLE_WORDS = frozenset(["twice", "thrice", "fold", "thousandfold", *(f"{n}fold" for n in _FOLD_NUMBERS)])

# In the order they run: a match that overlaps a span taken by an earlier rule is skipped, so dates and
# times come before the figures inside them, ranges before their two ends, and "a dozen" or "hundreds
# of" before the bare number words.
RULES: tuple[tuple[Callable[[Scan], None], str | frozenset[str]], ...] = (
    (digits.dates, DIGITS),
    (digits.slash_dates, DIGITS),
    (digits.times, DIGITS),
    (digits.colon_ratios, DIGITS),
    (digits.slash_fractions, DIGITS),
    (spelled.ordinal_ranks, _ORDINAL_WORDS),
    (spelled.one_of_superlatives, frozenset(["one"])),
    (digits.decades, DIGITS),
    (digits.leading_zeros, DIGITS),
    (digits.numbered_ranks, DIGITS),
    (digits.worded_ranges, DIGITS),
    (digits.ranges, DIGITS),
    (digits.glued_names, DIGITS),
    (halves.vulgar_fractions, DIGITS),  # the digit pre-check also looks for "½", "¾", …
    (halves.and_a_half, EITHER),  # before the numerals and number words: "4 and a half years"
    (spelled.one_in, EITHER),  # before the numerals: "1 in 3 adults"
    (numerals.numerals, DIGITS),
    (spelled.fractional_scales, frozenset(["half", "quarter", "quarters", "third"])),
    (spelled.fractions, _FRACTION_WORDS),
    (spelled.dozens, frozenset(["dozen"])),
    (halves.shares, _SHARE_WORDS),  # after "half a dozen", "half of", "two-thirds"
    (halves.half_multiples, frozenset(["half"])),
    (spelled.vague_amounts, _VAGUE_WORDS),
    (spelled.vague_plurals, _VAGUE_WORDS),
    (spelled.several_scales, frozenset(["several", "few", "couple", "many"])),
    (spelled.multiples, _MULTIPLE_WORDS),
    (spelled.word_numbers, frozenset(NUMBER_WORDS)),
)


def find(text: str, start: int = 0, end: int | None = None) -> list[RawQuantity]:
    """Quantities in text[start:end], sorted by start."""
    if end is None:
        end = len(text)
    # Cheap pre-checks: most sentences have no digits or no number words, so skip those scans.
    has_digit = _ANY_DIGIT.search(text, start, end) is not None
    low = text[start:end].lower()
    words = set(_LOWER_WORDS.findall(low))
    has_words = not _TRIGGER_WORDS.isdisjoint(words)
    counter = work.current()
    if counter is not None:
        # each pass scans the sentence once; each figure reads bounded windows around it
        counter.add("quantities", (end - start) * (2 + 7 * has_digit + 10 * has_words))
    if not has_digit and not has_words:
        return []
    scan = Scan(text, start, end, low)
    present = {DIGITS: has_digit, WORDS: has_words, EITHER: True}
    every_word_rule = not low.isascii()
    for rule, needs in RULES:
        if isinstance(needs, str):
            if present[needs]:
                rule(scan)
        elif has_words and (every_word_rule or not needs.isdisjoint(words)):
            rule(scan)
    out = scan.out
    out.sort(key=lambda q: (q.start, q.end))
    if counter is not None:
        counter.add("quantities", 100 * len(out))
    return out


def is_numeric(q) -> bool:
    """True for quantities a numeric claim rests on (not dates, times, identifiers like "Radio 4", nor a
    rank "among the top" like "one of the largest", which states no number)."""
    return q.kind != "date" and not (q.kind == "other" and q.unit == "identifier") and q.unit != AMONG_THE_TOP
