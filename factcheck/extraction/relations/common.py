"""What every relation rule shares: unit compatibility, the intervals a stated figure allows (strict and
with rounding), the verdict from two intervals, number formatting for explanations, the direction of a
word, and the Article the rules read and the Collector they report to."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..numbers import tidy
from ..types import Quantity, Relation

INF = math.inf
# round 11: a whole named with a possessive ("three of the council's eight proposals", "of the town's 12,000
# homes"): up to two words ending in 's after the determiner
POSSESSIVE = r"(?:(?:[\w-]+\s+)?[\w-]+(?:'s|’s|s'|s’)\s+)?"
_PART_GAP = re.compile(r"^\s+(?:of|out of)\s+(?:the\s+|its\s+|their\s+|all\s+|a total of\s+)?" + POSSESSIVE + "$", re.I)
_QUALIFIER_CMP = {"more than", "less than", "fewer than", "over", "under", "above", "below", "greater than"}
_UP = re.compile(
    r"\b(?:rose|rise|rising|risen|up|increased?|increasing|grew|grown|climbed|extend\w*|deepen\w*|widen\w*|expand\w*|swell\w*|swollen|raised?|boost\w*|lift\w*|jumped|surged|soared|gained|higher|more|boosted|doubled|tripled|trebled|quadrupled|"
    r"rebounded|recovered|raising|"
    # round 13: every tense of the move verbs, as headlines and present-tense reports use them ("Profits jump 20%")
    r"rises|jumps?|jumping|climbs?|climbing|soars?|soaring|surges?|surging|gains|gaining|grows?|growing|increases|"
    r"leaps?|leapt|leaped|leaping|rall(?:y|ies|ied|ying)|rebounds?|rebounding|recovers|recovering|quadrupl\w*)\b",
    re.I,
)
_DOWN = re.compile(
    r"\b(?:fell|fall|falling|fallen|down|decreased?|decreasing|dropped|drop|declined?|slipped|plummet\w*|tumbled|sank|plunged|slumped|lower|less|fewer|cut|cuts|reduce|reduced|reduces|shrank|shrunk|halved|lost|"
    r"dipped|narrowed|narrowing|contracted|cutting|slashed|slashing|trimmed|trimming|lowered|lowering|reducing|"
    # round 13: every tense of the move verbs (see _UP)
    r"falls|drops|dropping|slips?|slipping|tumbles?|tumbling|sinks?|sinking|plunges?|plunging|slides?|sliding|slid|"
    r"dips?|dipping|declines|declining|slumps?|slumping|shrinks?|shrinking|plummet\w*|halv\w*)\b",
    re.I,
)
_PREVIOUS_RECORD = {"previous record", "a previous record", "the previous record"}
_COUNTABLE = {"count", "money", "percent", "duration", "other"}
_PCT_DIRECTION = re.compile(
    r"\b(?P<v>(?<!made\s)(?<!make\s)(?<!makes\s)(?<!making\s)up|down|rose|rise|risen|rising|fell|fall|fallen|falling|jumped|climbed|grew|grow|growth|dropped|drop|"
    r"declined|decline|slipped|gained|lost|surged|plunged|increase|increased|decrease|decreased|cut|slump\w*|"
    # round 13: every tense ("Profits jump 20%", "shares slide 5%")
    r"rises|jumps?|climbs?|soar(?:s|ed)?|surges?|gains|grows|grown|increases|leaps?|leapt|rall(?:y|ies|ied)|"
    r"falls|drops|slips?|tumbl(?:e|es|ed)|sinks?|sank|plung(?:e|es)|slid(?:e|es)?|dips?|dipped|declines|"
    r"shrinks?|shrank|lose|loses|cuts)"
    r"\s+(?:of\s+|by\s+|almost\s+|nearly\s+|about\s+|some\s+|more than\s+){0,2}$",
    re.I,
)
# round 13: an earlier period as news names it after a figure or opening a sentence, one pattern for every rule
# that reads a baseline ("a year earlier", "six months ago", "the month before", "the previous quarter"); it had
# been "a year" only in one rule, "the year/month/quarter before" only with a comma in another.
EARLIER_PERIOD = (
    r"(?:(?:a|an|one|two|three|four|five|six|nine|twelve|18|\d{1,2})\s+(?:years?|months?|quarters?|weeks?|days?)|"
    r"the\s+(?:year|month|quarter|week|day))\s+(?:earlier|ago|before)"
    r"|the\s+(?:previous|prior|preceding)\s+(?:year|month|quarter|period|week|season|(?:six|12|twelve)\s+months)"
)
# round 13: the gap between two items of a list when each carries a short phrase saying what it is for or where
# ("£40m on roads, £25m on schools and £15m on parks", "700 in London and 400 in Leeds")
ITEM_TAIL = (
    r"(?:\s+(?:are|is|were|was|will\s+be|will\s+go|go|went|going|based|spent|sold|made))?"
    r"\s+(?:on|for|in|into|at|to|towards|from|by|of|across|within|among)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w'’&-]+\s+){0,2}?[\w'’&-]+"
)
ITEM_TAIL_GAP = re.compile(
    rf"^{ITEM_TAIL}\s*(?:,\s*(?:and\s+|plus\s+)?|and\s+|plus\s+)(?:(?:a\s+further|another)\s+)?$", re.I
)
# round 13: the subject that points back to the previous sentence's figure, one pattern for every rule that reads
# one ("This compares with", "The increase was smaller than", "That is twice", "The new figure was up from"); the
# rules had each listed a few of "This", "That", "It", "The figure", "The total", "The rate".
ANAPHOR_SUBJECT = (
    r"(?:(?:However|But|And|Yet)\s*,?\s+)?(?:(?:The|This|That|These|Those)\s+(?:[a-z]+\s+)?(?:figures?|rates?|totals?|"
    r"rise|increase|fall|drop|decline|number|amount|level|sum|growth|gain|result)|This|That|It|These|Those|Which)"
)
# round 13: a level named before its figure ("from a peak of 5.2%", "to an average of 3.1%", "from the previous
# figure of 1.42 million"): read wherever a bare "from the" / "to a" was
NAMED_LEVEL = (
    r"(?:(?:a|an|the|its|their)\s+(?:[\w'’-]+\s+){0,2}?(?:peak|high|low|level|average|figure|rate|total|record|"
    r"value|price|sum|tally|count|estimate|forecast|close|reading)\s+of\s+)"
)
_ANY_WORD = re.compile(r"[A-Za-z]{2}")
_SENTENCE_STOP = re.compile(r"[.;!?](?:\s|$)|\n")
_FULL_STOP = re.compile(r"[.!?](?:\s|$)|\n")
_STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "and", "for", "its", "their", "was", "is", "has", "by", "with"}
_WINDOW = 10  # figures looked back from each figure: bounds the work per figure (linear in the text)
_LEAD_FIGURES = 8  # headline and lead figures compared with the body

# A clause of its own between a stated % and a change: "Its shares have risen 5% this year and profit
# climbed to $84m from $75m" (the 5% is not the profit's change).
_OTHER_CLAUSE = re.compile(r";|\b(?:and|but|while|whereas)\s", re.I)


def rounding(lo: float, hi: float, spec: str, unit: str = "", sep: str = "–") -> str:
    """ " (with rounding 63.2–64.1%)", or "" when both ends print alike (exact figures)."""
    a, b = format(lo, spec), format(hi, spec)
    return "" if a == b else f" (with rounding {a}{sep if not unit or sep == '–' else unit + sep}{b}{unit})"


def _fmt(v) -> str:
    if v is None or v in (INF, -INF):
        return "?"
    v = tidy(v)
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(v) >= scale:
            return f"{v / scale:,.4g}{suffix}"
    if isinstance(v, int) or (isinstance(v, float) and v.is_integer()):
        return f"{int(v):,}"
    return f"{v:,.4g}"


def add_part_of(add, a: Quantity, b: Quantity, holds: bool) -> None:
    """Record "a is part of b" with its explanation (a part larger than its whole breaks it)."""
    add(
        "part_of",
        [a],
        b,
        holds,
        f"{a.text} is part of {b.text}: {_fmt(a.value)} {'≤' if holds else '>'} {_fmt(b.value)}"
        + ("" if holds else ", so the part is larger than the whole")
        if not holds or a.value <= b.value
        else f"{a.text} is part of {b.text}: “{b.qualifier} {_fmt(b.value)}” allows {_fmt(a.value)}",
    )


# round 13: news counts one thing under several nouns ("cut 600 jobs, 20% of its 3,000 staff", "its 40 stores …
# 12 of the shops"); a unit word of one of these classes also carries the class's name, so two nouns of one
# class share a word. Singular forms (_words drops a plural "s"; "-ies"/"-es" plurals are listed as stripped).
_NOUN_CLASSES = {
    "person": (
        "people person adult staff worker employee job post position workforce personnel redundancie "
        "employe workers' staffer"
    ),
    "shop": "shop store outlet branch branche supermarket",
    "firm": "firm company companie business businesse",
    "home": "home house propertie property dwelling household",
    "vehicle": "car vehicle",
}
_CLASS_OF = {w: name for name, ws in _NOUN_CLASSES.items() for w in ws.split()}


def add_difference(x, y, absolute, add) -> None:
    """y − x against the amount the text says the change moved by (its sign is that of y − x: the direction is
    the change's own check)."""
    diff = y.value - x.value
    stated = absolute.value if diff >= 0 else -absolute.value
    holds = _verdict(
        (diff, diff),
        (stated, stated),
        (diff - x.tolerance - y.tolerance, diff + x.tolerance + y.tolerance),
        (stated - absolute.tolerance, stated + absolute.tolerance),
        _is_exact(x, y, absolute),
    )
    add(
        "difference",
        [y, x],
        absolute,
        holds,
        f"{_fmt(y.value)} − {_fmt(x.value)} = {_fmt(diff)}; the text says {absolute.text}",
    )


@functools.lru_cache(maxsize=4096)
def _words(unit: str) -> frozenset[str]:
    out = set()
    for w in unit.lower().replace("-", " ").split():
        if w in ("and", "of", "the"):
            continue
        out.add(w[:-1] if w.endswith("s") and not w.endswith("ss") else w)
    out.update(_CLASS_OF[w] for w in list(out) if w in _CLASS_OF)
    return frozenset(out)


def _compatible(a: Quantity, b: Quantity, *, need_overlap: bool) -> bool:
    if a.kind != b.kind:
        if {a.kind, b.kind} <= {"count", "other"}:
            pass
        else:
            return False
    if a.kind == "money":
        return _currency(a.unit) == _currency(b.unit)
    if a.kind == "percent":
        return a.unit == b.unit
    wa, wb = _words(a.unit), _words(b.unit)
    if not wa or not wb:
        return not need_overlap
    return bool(wa & wb)


# round 11: one currency written two ways ("$250,000" and later "US$250,000"); a bare "$" is the US dollar
_CURRENCY_NAMES = {"US$": "$", "USD": "$", "GBP": "£", "EUR": "€"}


def _currency(unit: str) -> str:
    return _CURRENCY_NAMES.get(unit.strip(), unit.strip())


def _strict(q: Quantity) -> tuple[float, float]:
    """Interval of values the wording allows, reading 'over 63' (a count) as 64 or more."""
    step = 1 if q.kind == "count" and isinstance(q.value, int) else 1e-9
    lo = -INF if q.low is None else (q.low if q.low_inclusive else q.low + step)
    hi = INF if q.high is None else (q.high if q.high_inclusive else q.high - step)
    return lo, hi


def _loose(q: Quantity) -> tuple[float, float]:
    """The same, reading bounds inclusively and allowing for rounding of the stated figure."""
    lo = -INF if q.low is None else q.low - q.tolerance
    hi = INF if q.high is None else q.high + q.tolerance
    return lo, hi


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] + 1e-9 and b[0] <= a[1] + 1e-9


def _verdict(strict_a, strict_b, loose_a, loose_b, exact: bool):
    if _overlap(strict_a, strict_b):
        return True if exact else "approximately"
    if _overlap(loose_a, loose_b):
        return "approximately"
    return False


def _is_exact(*qs: Quantity) -> bool:
    return all(q.low == q.high == q.value for q in qs)


def _sentence_of(q: Quantity, sentence_of_statement: list[int]) -> int:
    return sentence_of_statement[q.statement] if 0 <= q.statement < len(sentence_of_statement) else -1


def _family(q: Quantity) -> str:
    return "count" if q.kind in ("count", "other") else q.kind


def _same_measure(a: Quantity, b: Quantity) -> bool:
    """Same kind and currency / unit; counts need a shared unit word unless one of them has none."""
    if _family(a) != _family(b) or a.kind == "duration" and _words(a.unit) != _words(b.unit):
        return False
    if a.kind in ("money", "percent") or b.kind in ("money", "percent"):
        return _currency(a.unit) == _currency(b.unit)
    wa, wb = _words(a.unit), _words(b.unit)
    return not wa or not wb or bool(wa & wb)


def _close(a: Quantity, b: Quantity) -> bool:
    """Equal within the rounding of the less precise figure, and within 5% ("£2bn" is not "1.55bn")."""
    d = abs(a.value - b.value)
    return d <= max(a.tolerance, b.tolerance, 1e-9) + 1e-9 and d <= 0.05 * max(abs(a.value), abs(b.value)) + 1e-9


def _context_words(text: str, q: Quantity, before: int = 40, after: int = 40) -> set[str]:
    left = text[max(0, q.start - before) : q.start]
    right = text[q.end : q.end + after]
    left = _SENTENCE_STOP.split(left)[-1]
    right = _SENTENCE_STOP.split(right, maxsplit=1)[0]
    words = re.findall(r"[a-z][a-z'’-]{2,}", (left + " " + right).lower())
    return {w.rstrip("s") for w in words if w not in _STOP}


def _same_precision(a: Quantity, b: Quantity) -> bool:
    """Equal to the precision of the more precise figure ("2.1%" is not restated as "2%" in the body;
    only a headline rounds)."""
    return abs(a.value - b.value) <= min(a.tolerance, b.tolerance) + 1e-9


def _holds_text(holds) -> str:
    return {True: "consistent", "approximately": "consistent within rounding", False: "inconsistent"}[holds]


def _tolerance_note(*qs: Quantity) -> str:
    tol = [f"±{_fmt(q.tolerance)} on {q.text}" for q in qs if q.tolerance]
    return f" (tolerance {', '.join(tol)})" if tol else ""


def _direction(word: str) -> int:
    """+1 for a rise word, -1 for a fall word, 0 otherwise."""
    if _UP.fullmatch(word) or word.lower() in ("raise", "raising", "raised", "lifting", "boosting", "growth"):
        return 1
    if _DOWN.fullmatch(word) or word.lower() in ("slow", "slowed", "slowing", "slump", "slumped", "ease", "eased"):
        return -1
    return 0


class Collector:
    """The relations found so far, in the order found. A relation is added once (by kind, operands and
    result); with unless_linked, not at all if another relation already links the same figures."""

    __slots__ = ("rels", "seen", "linked")

    def __init__(self) -> None:
        self.rels: list[Relation] = []
        self.seen: set[tuple] = set()
        self.linked: set[frozenset] = set()

    def add(self, kind, operands, result, holds, explanation, *, unless_linked=False) -> None:
        key = (kind, tuple(o.id for o in operands), result.id if result else None)
        ids = frozenset([*key[1], *([key[2]] if result else [])])
        if key in self.seen or unless_linked and ids in self.linked:
            return
        self.seen.add(key)
        self.linked.add(ids)
        stmts = sorted({q.statement for q in [*operands, *([result] if result else [])] if q.statement >= 0})
        self.rels.append(
            Relation(kind, [o.id for o in operands], result.id if result else None, holds, explanation, stmts)
        )


@dataclass
class Article:
    """What a rule reads: the text, its countable figures in text order (numeric) and by sentence (a
    pasted table of more than 60 figures in one sentence left out), where each statement's sentence
    and start are; add(kind, operands, result, holds, explanation) reports a relation and
    tick(phase, pos) reports progress; related(kinds) gives the ids of the figures already in a relation
    of those kinds (a fallback rule leaves them alone)."""

    text: str
    numeric: list[Quantity]
    by_sentence: dict[int, list[Quantity]]
    sentence_of_statement: list[int]
    statement_starts: list[int] | None
    add: Callable[..., None]
    tick: Callable[[int, int], None]
    found: Collector | None = field(default=None, repr=False)  # what the rules before this one reported
    _figures: tuple | None = field(default=None, init=False, repr=False)
    _masked: tuple | None = field(default=None, init=False, repr=False)

    def related(self, kinds: frozenset[str]) -> set[int]:
        """Ids of the figures in a relation of one of kinds found so far."""
        ids: set[int] = set()
        for r in self.found.rels if self.found is not None else ():
            if r.kind in kinds:
                ids.update(r.operands)
                ids.update([r.result] if r.result is not None else [])
        return ids

    def without_conversions(self) -> tuple[str, frozenset[int]]:
        """The text with each currency conversion in brackets right after a sum ("450m euros ($580m; £310m)")
        blanked out, offsets kept, and the ids of the figures inside: a change reads past them. Computed once."""
        if self._masked is None:
            self._masked = _mask_conversions(self.text, self.numeric)
        return self._masked

    def figures(self) -> tuple[list[Quantity], list[int], Callable[[Quantity], int]]:
        """The figures compared across sentences (counts, money, percentages, durations; no identifiers),
        their sentences, and sent(q), the sentence of any figure. Computed once."""
        if self._figures is None:
            figs = [
                q
                for q in self.numeric
                if q.kind in ("count", "money", "percent", "other", "duration") and q.unit != "identifier"
            ]
            sents = [_sentence_of(q, self.sentence_of_statement) for q in figs]
            index = {q.id: k for k, q in enumerate(figs)}
            sentence_of_statement = self.sentence_of_statement

            def sent(q: Quantity) -> int:
                return sents[index[q.id]] if q.id in index else _sentence_of(q, sentence_of_statement)

            self._figures = (figs, sents, sent)
        return self._figures


_OPEN_CONVERSION = re.compile(r"\s*\(\s*(?:about\s+|around\s+|some\s+|roughly\s+|approximately\s+)?")


def _mask_conversions(text: str, numeric: list[Quantity]) -> tuple[str, frozenset[int]]:
    """(text with "($580m; £310m)" after a sum in another currency replaced by spaces, ids of the figures
    blanked). Linear: each figure looks at the next one and at most 40 characters after it."""
    spans: list[tuple[int, int]] = []
    ids: set[int] = set()
    for k in range(len(numeric) - 1):
        p, c = numeric[k], numeric[k + 1]
        if p.kind != "money" or c.kind != "money" or c.unit == p.unit or p.id in ids:
            continue
        m = _OPEN_CONVERSION.match(text, p.end)
        if m is None or m.end() != c.start or "(" not in m.group():
            continue
        close = text.find(")", c.end, c.end + 40)
        if close < 0 or "(" in text[c.end : close]:
            continue
        spans.append((text.index("(", p.end), close + 1))
        ids.update(q.id for q in numeric[k + 1 : k + 4] if q.start < close)
    if not spans:
        return text, frozenset()
    parts, pos = [], 0
    for s, e in spans:
        parts += [text[pos:s], " " * (e - s)]
        pos = e
    parts.append(text[pos:])
    return "".join(parts), frozenset(ids)
