"""Quantities in a sentence: value, unit (what is counted), kind, qualifier -> bounds, span.

Regular expressions over the original text (no normalised copy), so spans are exact. find() runs an
ordered tuple of rules (finder.RULES) over the text; each rule adds what it finds to one Scan and skips
what overlaps a span an earlier rule took.

    words.py     word tables: qualifiers, currencies, durations, stop words, ordinals
    patterns.py  the regular expressions
    context.py   what surrounds a figure: unit words after it, qualifier, name or currency before it
    scan.py      RawQuantity, the spans taken so far, qualifier -> bounds
    digits.py    rules for dates, times, ratios, slash fractions, ranges, names with a number
    numerals.py  the rule for plain numerals ("£4.5m", "5%", "2004", "10 drones")
    spelled.py   rules for amounts in words ("one in five", "half a million", "hundreds of", "forty")
    halves.py    rules for halves and shares with no "of" ("cut in half", "by a third", "2½", "a year and a half")
    finder.py    find(), RULES, is_numeric()
"""

from .finder import RULES, find, is_numeric
from .scan import RawQuantity
from .scan import _Spans as _Spans  # re-exported: tests/extraction/test_linear_work.py times it

__all__ = ["RULES", "RawQuantity", "find", "is_numeric"]
