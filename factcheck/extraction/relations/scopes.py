"""Round 11 (issue 12): a figure for one place set against a total for everywhere, within a few sentences
("has sold some 400,000 copies in Spain" … "more than nine million copies worldwide"; "900 jobs in
Leeds" … "a total of 12,000 jobs"). Candidates are pairs of figures of one measure (a count's unit words
shared, or the same currency) up to _NEAR sentences apart; the pair is scored on its scope words: the whole
carries a word of the whole ("worldwide", "in total", "overall", "a total of", "across the world"), the
part a named place ("in Spain", "in the UK") and no word of the whole; sharing a noun besides the unit
counts too. A part reported larger than its whole breaks the relation (the scope words assert it). Run
after the other rules, on pairs no rule linked."""

from __future__ import annotations

import re

from ..types import Quantity
from .common import _FULL_STOP, Article, _context_words, _loose, _same_measure, _words, add_part_of

_WHOLE_AFTER = re.compile(
    r"^[^.;!?\d]{0,25}?\b(?:worldwide|world-wide|globally|around\s+the\s+(?:world|globe)|across\s+the\s+(?:world|"
    r"globe)|in\s+total|in\s+all|overall|altogether|combined|nationwide|across\s+the\s+country)\b",
    re.I,
)
_WHOLE_BEFORE = re.compile(
    r"\b(?:a\s+total\s+of|total(?:ling|led|ed|s)?|in\s+all|overall|altogether|combined|worldwide|global)\s+"
    r"(?:of\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|just\s+under\s+)?$",
    re.I,
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|"
    "wednesday|thursday|friday|saturday|sunday"
)
# a named place right after the part, in its clause: "in Spain", "in the UK", "across Europe"
_PLACE_AFTER = re.compile(
    r"^(?:\s+[a-z]+){0,3}?\s+(?:in|across|within)\s+(?:the\s+)?(?!(?:" + _MONTHS + r")\b)[A-Z][a-z]*[A-Za-z]\b"
)
_PLACE_BEFORE = re.compile(r"(?<!^)\b(?:in|across|within)\s+(?:the\s+)?(?!(?:" + _MONTHS + r")\b)[A-Z][a-z]*[A-Za-z]\b")
# a word of the whole anywhere in the figure's clause before it ("Worldwide sales of the group were $10bn")
_WHOLE_IN = re.compile(r"\b(?:worldwide|world-wide|globally|overall|altogether|in\s+total)\b", re.I)
_CLAUSE_BREAK = re.compile(r";|,\s*(?:and|but|while|whereas)\s|\b(?:while|whereas)\s")
_GENERIC = re.compile(
    r"(?:there|are|were|have|has|had|been|being|said|says|about|around|some|more|than|over|under|nearly|almost|just|"
    r"million|billion|thousand|worldwide|globally|overall|total|altogether|combined|world|globe|country|also|now|"
    r"currently|only|which|that|this|those|these)$"
)
# a forecast is not part of a total of now: "will be 60 million new users by 2010" … "500 million worldwide today"
_FORECAST = re.compile(r"\b(?:will|would|forecast\w*|expected|predict\w*|projected|by\s+20\d\d)\b", re.I)
_NEAR = 3  # sentences between the part and the whole
_BACK = 12  # figures looked at on each side: bounds the work per figure


def _clause_before(text: str, q: Quantity) -> str:
    return _CLAUSE_BREAK.split(_FULL_STOP.split(text[max(0, q.start - 60) : q.start])[-1])[-1]


def _is_whole(text: str, q: Quantity) -> bool:
    clause = _clause_before(text, q)
    return bool(
        _WHOLE_AFTER.match(text[q.end : q.end + 60]) or _WHOLE_BEFORE.search(clause) or _WHOLE_IN.search(clause)
    )


def _is_local(text: str, q: Quantity) -> bool:
    local = _PLACE_AFTER.match(text[q.end : q.end + 50]) or _PLACE_BEFORE.search(_clause_before(text, q))
    return bool(local) and not _is_whole(text, q)


def _sentence_around(text: str, q: Quantity) -> str:
    left = _FULL_STOP.split(text[max(0, q.start - 80) : q.start])[-1]
    return left + text[q.start : q.end + 60].split(". ", 1)[0]


def _score(text: str, part: Quantity, whole: Quantity) -> float:
    """How strongly the wording ties part to whole: both scope words are required (2), then a word of
    what is done or counted that both clauses share besides the unit ("has sold … copies in Spain" and
    "has sold … copies worldwide"; not "charged 14 people" and "30 people were questioned")."""
    if part.kind not in ("count", "other", "money") or not _same_measure(part, whole):
        return 0.0
    unit = _words(part.unit) | _words(whole.unit)
    if bool(_FORECAST.search(_sentence_around(text, part))) != bool(_FORECAST.search(_sentence_around(text, whole))):
        return 0.0
    shared = {w for w in _context_words(text, part) & _context_words(text, whole) if not _GENERIC.match(w)}
    return 2.0 + (1.0 if shared - unit - {w.rstrip("s") for w in unit} else -1.0)


def parts_of_a_scoped_total(art: Article) -> None:
    """Each figure with a word of the whole against the local figures of one measure within _NEAR
    sentences (the nearest first); reported at score 3 or more, unless a rule already linked the pair."""
    text = art.text
    figs, sents, sent = art.figures()
    for k, whole in enumerate(figs):
        if whole.kind not in ("count", "other", "money") or not _is_whole(text, whole):
            continue
        art.tick(6, whole.start)
        near = [
            q
            for q in figs[max(0, k - _BACK) : k + _BACK]
            if q is not whole and abs(sent(q) - sents[k]) <= _NEAR and _is_local(text, q)
        ]
        for part in sorted(near, key=lambda q: abs(q.start - whole.start)):
            if _score(text, part, whole) >= 3.0:
                holds = _loose(part)[0] <= max(_loose(whole)[1], whole.value + whole.tolerance)
                add_part_of(lambda *a, **kw: art.add(*a, **kw, unless_linked=True), part, whole, holds)
                break
