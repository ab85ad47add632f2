"""Changes across sentences (issue 12): a figure reached with a direction word ("raise their bid to
£1.5bn") against a baseline named as such ("previously £1.3bn", "a year earlier"), an explicit "from x
to y", the percentage that states the change, and a ratio word ("halving GM's stake to 10%")."""

from __future__ import annotations

import re

from ..types import Quantity
from .common import (
    _OTHER_CLAUSE,
    _PCT_DIRECTION,
    _SENTENCE_STOP,
    ANAPHOR_SUBJECT,
    EARLIER_PERIOD,
    INF,
    NAMED_LEVEL,
    _context_words,
    _direction,
    _fmt,
    _holds_text,
    _is_exact,
    _same_measure,
    _sentence_of,
    _verdict,
    add_difference,
    rounding,
)

# round 13: up to six words between the verb and "to" ("raised rates by a quarter point to 4.75%"), and "at" after
# a stated move ("sales were down 3.1% at 1.06 million"; not "grew at 5%", a rate)
_DIRECTION_TO = re.compile(
    r"(?P<w>(?:[\w'’%.,$£€]+\s+){1,6})to\s+(?:a\s+|an\s+|just\s+|about\s+|around\s+|nearly\s+|almost\s+)?$"
    r"|(?P<at>\b(?:up|down|higher|lower|rose|rises|fell|falls|gained|gains|lost|loses|climb(?:s|ed)|drop(?:s|ped)|"
    r"jump(?:s|ed)|slip(?:s|ped)|slid(?:es)?|tumbl(?:es|ed)|soar(?:s|ed)|surg(?:es|ed)|plung(?:es|ed))\s+(?:by\s+)?"
    r"(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?[$£€]?\d[\d.,]*(?:%|p|c|bn|m|\s+points?|\s+cents?|\s+pence)?"
    r"\s+)at\s+(?:a\s+|an\s+|just\s+|about\s+|around\s+|nearly\s+|almost\s+)?$",
    re.I,
)
DIRECTION_WINDOW = 60
# "…previously £75m", "…compared with £75m": a baseline named just before a figure. The loose form also
# takes a bare "from £75m"; the strong one needs "from the previous/earlier… £75m".
_BASELINE_WORDS = (
    r"\b(?:(?:previously|originally|initially|earlier|formerly)\s+(?:[\w'’]+\s+){0,2}"
    r"|had\s+(?:been|stood|closed|traded|reached|totalled|totaled|hit)\s+(?:at\s+|about\s+|around\s+)?"
    # round 13: a level kept before the move, by any verb with "at": "had held them at", "had been kept at"
    r"|had\s+(?:been\s+)?(?:held|kept|left|set|pegged|fixed|frozen|capped)\s+(?:(?:it|them|rates?|prices?)\s+)?at\s+)"
)
_COMPARED_WITH = r"\bcompare[sd]?\s+(?:with|to)\s+(?:a\s+|an\s+|the\s+)?"
_BASELINE_BEFORE = re.compile(
    rf"(?:{_BASELINE_WORDS}"
    r"|\bfrom\s+(?:a\s+|an\s+|the\s+|its\s+|their\s+)?(?:current\s+|previous\s+|earlier\s+|original\s+)?"
    rf"|{_COMPARED_WITH})$",
    re.I,
)
_STRONG_BASELINE = re.compile(
    rf"(?:{_BASELINE_WORDS}|\bfrom\s+(?:a|an|the|its|their)\s+(?:current|previous|earlier|original)\s+|{_COMPARED_WITH})$",
    re.I,
)
_BASELINE_AFTER = re.compile(
    rf"[^.;]{{0,40}}?\b(?:{EARLIER_PERIOD}|previously|"
    r"in\s+the\s+same\s+(?:period|quarter)\s+(?:of\s+)?last\s+year)\b",
    re.I,
)
_WEAK_AFTER = re.compile(r"[^.;]{0,30}?\blast\s+(?:year|month|quarter)\b", re.I)
_TIME_OPENER = re.compile(
    rf"(?:^|[.!?]\s+|\n)\s*(?:Last\s+(?:week|month|year|quarter)|Earlier\s+this\s+\w+|(?i:{EARLIER_PERIOD})|"
    # round 11: "In 2003 it made …" (no comma) as well as "In 2003, it made …"
    r"In\s+(?:19|20)\d\d(?=\s*,|\s+(?:it|its|the|they|their|he|she|we|there)\s)|"
    r"Previously|(?:In|During|Over)\s+the\s+(?:same|previous|prior)\s+(?:period|quarter|month|year|week)|"
    r"(?:In|During|Over)\s+the\s+\w+\s+(?:quarter|half|months?)\s+of\s+(?:last\s+year|(?:19|20)\d\d))\b[^.!?\n]*$"
)
_ANAPHOR_OPENER = re.compile(
    rf"(?:^|[.!?]\s+|\n)\s*(?i:{ANAPHOR_SUBJECT})\s+[^.!?\n]{{0,40}}$",
)
_UP_DOWN_FROM = re.compile(r"\b(?:up|down)\s+from\s+(?:a\s+|an\s+|the\s+)?$", re.I)
_RATIO_TO = re.compile(
    r"\b(?P<v>halving|halved|doubling|doubled|tripling|tripled|trebling|trebled|quadrupling|quadrupled)\s+"
    r"(?:[\w'’]+\s+){0,3}?to\s+$",
    re.I,
)
_RATIO_FACTOR = {"halv": 0.5, "doubl": 2, "tripl": 3, "trebl": 3, "quadrupl": 4}
# round 13: any ratio word of a move, checked against the change wherever it was found ("doubled to £40m" … "A year
# earlier it had made £20m"), with "quadrupled" and "N-fold" ("rose fourfold to", "a tenfold rise to")
_RATIO_MOVE = re.compile(
    r"\b(?P<v>halv\w*|doubl\w*|tripl\w*|trebl\w*|quadrupl\w*|(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"[- ]?fold)\b[^.;,!?\d]{0,40}$",
    re.I,
)
_FOLD = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_DIFFERENCE_AFTER = re.compile(r"\s+(?:higher|lower|more|less|bigger|smaller|larger|greater)\b", re.I)
_NEW_CLAUSE = re.compile(r"\b(?:while|whereas|but|and|with)\b|,\s*(?:as|when)\b", re.I)
_FROM_BEFORE_X = re.compile(
    rf"\bfrom\s+(?:{NAMED_LEVEL}|just\s+(?:over|under)\s+|about\s+|around\s+|nearly\s+|almost\s+|a\s+|an\s+|the\s+)?$",
    re.I,
)
_TO_AFTER_X = re.compile(
    r"[^.;]{0,40}?\bto\s+(?:a\s+record\s+|a\s+|an\s+|just\s+|about\s+|around\s+|nearly\s+|almost\s+|only\s+"
    # "to the pensioner credit guarantee level of £105.45", "to a record high of 7%"
    r"|(?:the|a|an|its|their)\s+(?:[\w'’-]+\s+){1,5}?(?:of|at)\s+)?$",
    re.I,
)


def _rule_change_pair(text: str, x: Quantity, y: Quantity, m: re.Match) -> tuple[float, int] | None:
    """y reached with a direction word ("raise their bid to £1.5bn", "will slow to 1.6%") and x marked as
    the baseline ("previously offered £1.3bn", "this fall from the current 2.1%", "a year earlier").
    m is _DIRECTION_TO's match before y. Returns (score, direction) or None."""
    if x is y or not _same_measure(x, y) or x.kind in ("date", "rank") or "vague" in (x.qualifier, y.qualifier):
        return None
    cue = m.group("w") or m.group("at")
    if re.search(r"\bby\s", cue):  # "lifted its key lending rate by half a point to": the verb is before "by"
        cue = _SENTENCE_STOP.split(text[max(0, m.start() - 40) : m.start()])[-1] + cue
    sign = next((d for d in map(_direction, reversed(re.findall(r"[a-z]+", cue.lower()))) if d), 0)
    if x.value <= 0 or not 0.25 <= y.value / x.value <= 4 and not x.kind == y.kind == "percent":
        return None  # "36,185 … to 469" is not one figure moving
    before_x = text[max(0, x.start - 45) : x.start]
    if _DIFFERENCE_AFTER.match(text, x.end):
        return None  # "A year ago, debt was more than 11bn euros higher": a difference, not the old level
    if x.start < y.start and _UP_DOWN_FROM.search(before_x):
        return None  # "grew 15.7%, down from 23%, and inflation slowed to 4.3%": 23% belongs to 15.7%
    if x.kind == "percent" and _PCT_DIRECTION.search(text, max(0, x.start - 30), x.start):
        return None  # "investment was up 21.3% from the previous year": a move, never the old level
    strong = (
        _STRONG_BASELINE.search(before_x)
        or _BASELINE_AFTER.match(text, x.end, x.end + 60)
        or _TIME_OPENER.search(text, max(0, x.start - 120), x.start)
    )
    baseline = strong or _BASELINE_BEFORE.search(before_x) or _WEAK_AFTER.match(text, x.end, x.end + 40)
    if not baseline and x.start < y.start and _DIRECTION_TO.search(text, max(0, x.start - DIRECTION_WINDOW), x.start):
        # "debt soared to 72bn by 2002. However, this has now been reduced to 43.9bn"
        baseline = strong = _ANAPHOR_OPENER.search(text, max(0, y.start - 80), y.start)
    if not baseline or (not strong and (x.statement != y.statement or abs(x.start - y.start) > 200)):
        return None  # across sentences only a strong baseline cue ("previously", "a year earlier") links them
    if sign == 0:
        for w in re.findall(r"[a-z]+", before_x.lower())[-4:]:
            sign = sign or _direction(w)
    if sign == 0:
        return None
    return 0.7, sign


_PLACES = re.compile(r"\b(?:places?|positions?|ranked|rankings?|charts?|league\s+tables?|number\s+\d+)\b", re.I)


def _is_place(text: str, x: Quantity, y: Quantity) -> bool:
    """x and y places in a list ("at five, up from 13 ... rising nine places to 15"): a rise is a smaller number."""
    if not all(q.kind == "count" and not q.unit and q.value == int(q.value) and q.value < 500 for q in (x, y)):
        return False
    if not re.search(r"\bfrom\s+(?:number\s+)?$", text[max(0, x.start - 12) : x.start], re.I):
        return False  # only a place named as where it came from ("up from 13"), not "the top 10"
    return bool(_PLACES.search(text, max(0, min(x.start, y.start) - 150), max(x.end, y.end) + 150))


def _add_change(text, x, y, sign, add) -> None:
    word = "rise" if sign > 0 else "fall"
    if _is_place(text, x, y):
        sign, word = -sign, f"{word} in place"  # a place in a ranking: up means a smaller number
    ok = y.value > x.value if sign > 0 else y.value < x.value
    add(
        "change",
        [x],
        y,
        bool(ok),
        f"a {word} from {x.text} ({_fmt(x.value)}) to {y.text} ({_fmt(y.value)}): "
        + (
            "consistent"
            if ok
            else f"but {_fmt(y.value)} is not {'higher' if sign > 0 else 'lower'} than {_fmt(x.value)}"
        ),
    )


def _rule_from_to(text: str, x: Quantity, y: Quantity) -> int:
    """ "fell last year from 36 to just 21 days", "from just over 5% in 2003 to a record 13.3%": x right after
    "from", y after "to" at most 40 characters later in the same clause, and a direction word in the 100
    characters before "from" (in its sentence). Returns the direction (+1, -1) or 0. (Size is no cue here: "losses
    deepened to £51.6m from £1.2m" is explicit.)"""
    if not (x.start < y.start and _FROM_BEFORE_X.search(text, max(0, x.start - 30), x.start)):
        return 0
    if not _TO_AFTER_X.fullmatch(text, x.end, y.start) or _NEW_CLAUSE.search(text, x.end, y.start):
        return 0  # "to £1.2bn from £1.1bn, while profit rose to £84m": "to £84m" ends another change
    if any(map(_direction, re.findall(r"[a-z]+", text[x.end : y.start].lower()))):
        return 0  # "up from 13 in 2004, a critic rising nine places to 15": another move
    if not (_same_measure(x, y) or x.kind == "count" and not x.unit and y.kind in ("count", "duration", "other")):
        return 0
    if re.search(
        r"\b(?:range|ranges|ranging|vary|varies|varying|between|aged?)\s+(?:\w+\s+)?from\s+\S*$",
        text[max(0, x.start - 40) : x.start],
        re.I,
    ):
        return 0  # "ranging from two to four", "aged from 16 to 18": a range
    words = re.findall(r"[a-z]+", _SENTENCE_STOP.split(text[max(0, x.start - 100) : x.start])[-1].lower())
    return next((d for d in map(_direction, reversed(words)) if d), 0)


def _rule_stated_pct(text: str, x: Quantity, y: Quantity, sign: int, pcts: list[Quantity], sent) -> Quantity | None:
    """The percentage that states the change from x to y: before y, in y's sentence or up to two sentences
    earlier (or in the headline), with a direction word of the same sign before it; outside y's sentence it
    must also share at least two words of context with y ("Shares … fell 9.8%" … "stock fell to $92.9"), or one
    for a headline's % and a change in the lead ("Retailer profits jump 20%" … "Pre-tax profit rose to £120m")."""
    best = None
    for p in pcts:
        if p.start >= y.start or not (sent(y) - 2 <= sent(p) <= sent(y) or sent(p) == 0):
            continue
        m = _PCT_DIRECTION.search(text, max(0, p.start - 30), p.start)
        if not m or _direction(m.group("v")) not in (0, sign) and m.group("v").lower() not in ("up", "down"):
            continue
        if m.group("v").lower() in ("up", "down") and (m.group("v").lower() == "up") != (sign > 0):
            continue
        need = 1 if sent(p) == 0 and sent(y) <= 3 else 2  # round 13: a terse headline ("Profits jump 20%")
        if sent(p) != sent(y) and len(_context_words(text, p) & _context_words(text, y, 60, 20)) < need:
            continue
        if sent(p) == sent(y) and _OTHER_CLAUSE.search(text, p.end, x.start if p.end <= x.start < y.start else y.start):
            continue  # "shares have risen 5% and profit climbed to $84m": another clause's change
        if best is None or p.start > best.start:
            best = p
    return best


def _add_pct_change(x, y, p, sign, add) -> None:
    computed = 100.0 * (y.value - x.value) / x.value
    lo = 100.0 * ((y.value - y.tolerance) - (x.value + x.tolerance)) / (x.value + x.tolerance)
    hi = 100.0 * ((y.value + y.tolerance) - (x.value - x.tolerance)) / max(x.value - x.tolerance, 1e-9)
    stated = p.value if sign > 0 else -p.value
    s_lo, s_hi = (stated - p.tolerance, stated + p.tolerance)
    if p.low is not None and p.high is not None:
        s_lo, s_hi = sorted((p.low if sign > 0 else -p.high, p.high if sign > 0 else -p.low))
        s_lo, s_hi = s_lo - p.tolerance, s_hi + p.tolerance
    holds = _verdict((computed, computed), (stated, stated), (lo, hi), (s_lo, s_hi), _is_exact(x, y, p))
    add(
        "change",
        [x, y],
        p,
        holds,
        f"from {x.text} to {y.text} is a change of {computed:+.1f}%{rounding(lo, hi, '+.1f', '%', ' to ')}; "
        f"the text says {'up' if sign > 0 else 'down'} {p.text}: {_holds_text(holds)}",
    )


def _rule_ratio_word(text: str, y: Quantity, window: list[Quantity], sent) -> tuple[Quantity, float, str] | None:
    """ "halving GM's stake to 10%": the earlier figure of the same measure (up to three sentences back)
    that shares a context word with y."""
    m = _RATIO_TO.search(text, max(0, y.start - 50), y.start)
    if not m:
        return None
    factor = _ratio_factor(m.group("v"))
    ctx = _context_words(text, y, 60, 20)
    for x in reversed(window):
        if x.start < y.start and sent(y) - 3 <= sent(x) and _same_measure(x, y) and _context_words(text, x) & ctx:
            return x, factor, m.group("v")
    return None


def _ratio_factor(word: str) -> float:
    return next(f for k, f in _RATIO_FACTOR.items() if word.lower().startswith(k))


def _add_ratio(x: Quantity, y: Quantity, factor: float, word: str, add) -> None:
    ratio = y.value / x.value if x.value else INF
    tol = 0.15 * factor + (y.tolerance / x.value if x.value else 0)
    ok = abs(ratio - factor) <= tol
    add(
        "ratio",
        [y, x],
        None,
        (True if ratio == factor else "approximately") if ok else False,
        f"{y.text} / {x.text} = {ratio:.2f}; “{word}” means ×{factor:g} (tolerance ±{tol:.2f})",
    )


# "dropped from 10,276 cases worth £808m to 8,177 cases worth £644m", "922 cases worth £38.5m, up from 831
# cases worth £35.7m": each figure of a change carries a second figure of another measure, and that one
# moves the same way.
_COMPANION_GAP = re.compile(
    r"[^.;!?()]{0,80}?\b(?:worth|valued\s+at|totalling|totaling|amounting\s+to|costing)\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+)?",
    re.I,
)


def companion_changes(text: str, numeric: list[Quantity], changes: list[tuple[Quantity, Quantity, int]], add) -> None:
    """For each change x → y (with its direction) whose two figures are each followed by "worth" (or
    "valued at", "totalling") and a figure of another measure: that pair x2 → y2 is the same change."""
    after: dict[int, Quantity] = {}
    for a, b in zip(numeric, numeric[1:], strict=False):
        if (a.kind != b.kind or a.unit != b.unit) and _COMPANION_GAP.fullmatch(text, a.end, b.start):
            after[a.id] = b
    for x, y, sign in changes:
        x2, y2 = after.get(x.id), after.get(y.id)
        if x2 is not None and y2 is not None and x2 is not y and _same_measure(x2, y2) and not _same_measure(x, x2):
            _add_change(text, x2, y2, sign, add)


# "The greenback hit $1.3516 … The dollar has weakened sharply since September, when it traded about $1.20":
# the level before a move the clause dates with "since … when it was x".
_SINCE_WHEN = re.compile(
    r"\b(?P<v>[a-z]+)\s+(?:(?:sharply|steadily|slightly|strongly|significantly|a\s+lot|further)\s+)?since\s+[^.;!?\d]{0,40}?,?\s*when\s+(?:it|they|the\s+\w+)\s+"
    r"(?:was|were|traded|stood|had\s+been|sold|cost)\s+(?:at\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$",
    re.I,
)


_STRENGTH = {"weakened": -1, "strengthened": 1, "firmed": 1, "softened": -1, "rallied": 1, "slid": -1}


def _rule_since_when(text: str, x: Quantity, window: list[Quantity], sent) -> tuple[Quantity, int] | None:
    """x the level "since September, when it traded about x"; y the first figure of x's measure (not itself a
    baseline) in x's sentence or the two before; the direction is the verb before "since". Returns (y, sign)."""
    if "when " not in text[max(0, x.start - 40) : x.start]:
        return None  # cheap test before the pattern
    m = _SINCE_WHEN.search(text, max(0, x.start - 120), x.start)
    sign = _direction(m.group("v")) or _STRENGTH.get(m.group("v").lower(), 0) if m else 0
    if not sign:
        return None
    y = next(
        (
            q
            for q in window
            if sent(x) - 2 <= sent(q) <= sent(x)
            and _same_measure(q, x)
            and not _BASELINE_BEFORE.search(text, max(0, q.start - 45), q.start)
        ),
        None,
    )  # the level the passage is about: its first figure that is not itself a baseline ("compares with $1.354")
    if y is None or y.kind in ("percent", "date") and x.kind != y.kind:
        return None
    own = {"$": r"dollar|greenback", "£": r"pound|sterling", "€": r"euro", "¥": r"yen"}.get(x.unit)
    if x.kind == "money" and own and re.search(rf"\b(?:{own})s?\b", text[max(0, m.start() - 60) : m.start()], re.I):
        sign = -sign  # "the dollar has weakened" in dollars per euro: more dollars
    return y, sign


# round 13: the amount a change is said to move by, wherever the change was found ("rose £9m to £84m" … "A year
# earlier it had made £75m"; "fell to 1.4 million from 1.42 million, a drop of 20,000"): in y's sentence, after
# a move word in y's clause ("rose £9m to", "fell by 20,000 to"), or right after the change ("…, an increase of
# £9m", "…, up £9m"). The within-sentence rule had read only "by d" before "from x to y".
_AMOUNT_AFTER = re.compile(
    r"\s*,\s*(?:(?:an?\s+)?(?:[a-z]+\s+)?(?:rise|increase|jump|gain|fall|drop|decline|cut|reduction|decrease)\s+of"
    r"|(?:up|down)(?:\s+by)?)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+)?",
    re.I,
)


def stated_amounts(art, changes: list[tuple[Quantity, Quantity, int]], add) -> None:
    """For each change x → y (money or counts), what the text states about it besides its direction: the amount
    it moved by in y's sentence (y − x against d), its ratio word ("doubled to"), and a % stated after it
    ("…, a 12% increase"; "That represents a rise of 12%"). The words assert them, so a miss is broken."""
    text = art.text
    with_pct = {frozenset(r.operands) for r in art.found.rels if r.kind == "change" and len(r.operands) == 2}
    sent = art.figures()[2]
    headline = [q for q in art.by_sentence.get(0, []) if q.kind == "percent" and q.unit == "%"]
    for x, y, sign in changes:
        if y.kind not in ("money", "count") or x.kind != y.kind:
            continue
        sy = _sentence_of(y, art.sentence_of_statement)
        group = art.by_sentence.get(sy, [])
        last = max((q for q in (x, y) if _sentence_of(q, art.sentence_of_statement) == sy), key=lambda q: q.end)
        d = _amount_of(text, x, y, group, last)
        if d is not None and not _PLACES.search(text, d.start, d.end + 12):  # "dropped one place to five": ranks
            add_difference(x, y, d, add)
        m = _RATIO_MOVE.search(text, max(0, y.start - 60), y.start)
        if m is not None and x.value > 0 and not _OTHER_CLAUSE.search(text, m.end(), y.start):
            n = m.group("n")
            factor = _FOLD.get(n.lower(), 0) or float(n) if n else _ratio_factor(m.group("v"))
            _add_ratio(x, y, factor, m.group("v"), add)
        if x.value > 0 and frozenset((x.id, y.id)) not in with_pct:
            pct = _pct_after(text, group, art.by_sentence.get(sy + 1, []), last)
            if pct is None and headline and x.kind != "percent":
                p = _rule_stated_pct(text, x, y, sign, headline, sent)
                pct = (p, sign) if p is not None else None
            if pct is not None:
                _add_pct_change(x, y, *pct, add)


def _amount_of(text: str, x: Quantity, y: Quantity, group: list[Quantity], last: Quantity) -> Quantity | None:
    """The amount stated for x → y in y's sentence: after a move word before y ("rose £9m to", "fell by 20,000
    to"), or right after the change ("…, an increase of £9m", "…, up £9m")."""
    d = next((q for q in reversed(group) if q.end <= y.start and _is_amount(x, y, q)), None)
    if d is not None and not (
        _PCT_DIRECTION.search(text, max(0, d.start - 30), d.start) and not _OTHER_CLAUSE.search(text, d.end, y.start)
    ):
        d = None  # "costs rose £2m and profit climbed to £84m": another clause's move
    if d is None:
        nxt = next((q for q in group if q.start >= last.end), None)
        if nxt is not None and _is_amount(x, y, nxt) and _AMOUNT_AFTER.fullmatch(text, last.end, nxt.start):
            d = nxt
    return d


_MOVE_NOUN = r"(?P<n>rise|increase|jump|gain|growth|fall|drop|decline|cut|reduction|decrease|slump)"
_PCT_THEN_NOUN = re.compile(rf"\s*(?:[a-z]+\s+)?{_MOVE_NOUN}\b", re.I)
_BEFORE_PCT_AFTER = re.compile(
    rf"\s*,\s*(?:an?\s+)?(?:[a-z]+\s+)?(?:{_MOVE_NOUN}\s+of\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?",
    re.I,
)
_PCT_OPENER = re.compile(
    rf"(?:^|[.!?]\s+|\n)\s*{ANAPHOR_SUBJECT}\s+(?:is|was|represents|represented|marks|marked|means|meant|"
    rf"amounts\s+to|amounted\s+to)\s+(?:an?\s+)?(?:[a-z]+\s+)?(?:{_MOVE_NOUN}\s+of\s+)?"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+)?$"
)


def _pct_after(text: str, group: list[Quantity], following: list[Quantity], last: Quantity):
    """(p, sign): the % stated right after the change in its sentence (", a 12% increase", ", a rise of 12%") or
    opening the next ("That represents a rise of 12%"), with the direction of its noun; None if there is none."""
    nxt = next((q for q in group if q.start >= last.end), None)
    if nxt is not None and nxt.kind == "percent" and nxt.unit == "%":
        m = _BEFORE_PCT_AFTER.fullmatch(text, last.end, nxt.start)
    else:
        nxt = following[0] if following and following[0].kind == "percent" and following[0].unit == "%" else None
        m = _PCT_OPENER.search(text, max(0, nxt.start - 90), nxt.start) if nxt is not None else None
    if m is None:
        return None
    noun = m.group("n") or (n.group("n") if (n := _PCT_THEN_NOUN.match(text, nxt.end)) else None)
    sign = _direction(noun) if noun else 0
    return (nxt, sign) if sign else None


def _is_amount(x: Quantity, y: Quantity, d: Quantity) -> bool:
    """d can be the amount x → y moved by: of their measure, smaller than the larger of them."""
    return (
        d is not x and d is not y and d.kind == y.kind and _same_measure(d, y) and 0 < d.value < max(x.value, y.value)
    )
