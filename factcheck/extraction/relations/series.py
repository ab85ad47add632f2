"""Round 17: sums found by value alone that a series of like figures meets by chance (across_parts._rule_parts_sum
asks _scattered before it reports one), and the noun a share names for a bare part ("300, or 25% of its stores")."""

from __future__ import annotations

import re

from ..types import Quantity
from .common import _FULL_STOP, _words

_TOTAL_BEFORE = re.compile(r"\b(?:total\w*|in\s+all|altogether|combined|overall|worldwide)\s+(?:of\s+)?$", re.I)

# round 17: words that say figures add up, in the parts' sentences or right before the total
# ("in addition … a further £25bn", "This includes £546bn … The remaining £651bn"), or that one part is a move
# from the other ("an air pressure of 880 … a 100 millibar drop")
_ADDS_UP = re.compile(
    r"\b(?:total\w*|in\s+all|altogether|combined|together|between\s+them|overall|sum|whole|in\s+addition|"
    r"additional|further|another|extra|plus|on\s+top\s+of|includ\w*|of\s+which|remain\w*|the\s+rest|"
    r"(?:drop|fall|rise|increase|decline|gain|jump)s?)\b",
    re.I,
)


def _scattered(text: str, run: list[Quantity], t: Quantity, sent) -> bool:
    """Round 17: parts in two sentences and a total in a third, with no word saying they add up: a series of
    like figures ("the film took $11.8m." … "fourth, with $9.5m" against "second with $21m" in a box-office
    chart) whose sum meets another item by chance. Parts within one sentence, or a total sharing a
    sentence with a part, are left to the tests above."""
    if sent(run[0]) == sent(run[-1]) or sent(t) in {sent(q) for q in run}:
        return False
    before = text[max(0, t.start - 25) : t.start]
    spans = [  # each part's own sentence: the words of the sentence before belong to another figure
        _FULL_STOP.split(text[max(0, q.start - 100) : q.start])[-1]
        + text[q.start : q.end]
        + _FULL_STOP.split(text[q.end : q.end + 60])[0]
        for q in run
    ]
    return not (_TOTAL_BEFORE.search(before) or any(_ADDS_UP.search(s) for s in spans))


# "…, or 25% of its stores", "- a fifth of the UK workforce": the noun after the share's "of" (up to three words)
_SHARE_NOUN = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|all)\s+((?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)")


def share_noun_words(text: str, end: int) -> frozenset[str]:
    """The unit words (with their noun class) of what a share at text[:end] is "of", or none: a bare part
    "close 300, or 25% of its stores" counts stores, so its whole is a figure of shops or stores."""
    m = _SHARE_NOUN.match(text, end, end + 60)
    return _words(m.group(1)) if m else frozenset()
