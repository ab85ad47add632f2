"""Round 9 (issue 12): a general fallback for changes within one sentence, run after every worded rule. Two
figures of one measure in a sentence that no change, comparison or sum links yet are a candidate; cues
around them are scored (a direction word, which figure is the baseline: "from", "on", "against", "compared
with", "a year earlier"; which is the new level: "to"; a percentage tied to a direction: "up 12%", "a rise
of 12%") and a change is reported only above a threshold. It is broken only when the cues assert it
clearly: the percentage stated misses beyond rounding, or the direction word is against the numbers while
the baseline and the new level are both marked."""

from __future__ import annotations

import re

from ..types import Quantity
from .common import (
    _DOWN,
    _PCT_DIRECTION,
    _UP,
    Article,
    _fmt,
    _holds_text,
    _is_exact,
    _same_measure,
    _sentence_of,
    _verdict,
    rounding,
)

_LINKING = frozenset({"change", "comparison", "difference", "ratio", "sum", "percentage", "part_of"})
_BASE_BEFORE = re.compile(
    r"\b(?:from|on|against|compared\s+(?:with|to)|versus|vs\.?)\s+(?:(?:a|an|the|its|their|last|previous|prior|"
    r"same|year|year-earlier|year-ago|earlier|revised|restated|adjusted|record|estimated|\w+'s|\w+’s)\s+){0,3}$",
    re.I,
)
# "… a year earlier, when it made $75m", "having been $75m in 2003": the baseline named by its time
# round 12: a rate's baseline after "after" / "following" ("slowed to 2.5% last year, after 3.1% in 2003"), weaker
# than "from", so a time word after the figure is needed too; or after "having held it at"
_BASE_AFTER_WORD = re.compile(r"\b(?:after|following)\s+(?:about\s+|around\s+|just\s+)?$", re.I)
_HAVING = re.compile(
    r"\bhaving\s+(?:stood|held\s+(?:it|them|rates?)|remained|stayed)\s+at\s+(?:about\s+|around\s+|just\s+)?$", re.I
)
_BASE_WHEN = re.compile(
    r"(?:\b(?:on|than|than\s+in|from|since|against|compared\s+(?:with|to))\s+(?:19|20)\d\d|\b(?:earlier|ago|before)|"
    r"\blast\s+year|\bthe\s+(?:same|previous|prior)\s+(?:period|quarter|year|month))"
    r",?\s+when\s+(?:it|they|the\s+\w+|\w+)\s+(?:[a-z]+\s+){1,2}$"
    r"|\b(?:having|had)\s+been\s+(?:about\s+|around\s+|just\s+)?$",
    re.I,
)
_YEAR_BRACKET = re.compile(r"\(\s*(?:19|20)\d\d(?:/\d\d)?\s*:\s*$")  # "$84m (2003: $75m)": the year before's figure
_BASE_AFTER = re.compile(
    r"\s*,?\s*(?:\(\s*)?(?:a\s+year\s+(?:earlier|ago|before)|last\s+year|(?:in|for|during|over)\s+the\s+"
    r"(?:same|previous|prior|corresponding)\s+(?:period|quarter|month|year|week|half)|the\s+(?:year|month|quarter)\s+"
    r"before|previously|(?:in|for)\s+(?:19|20)\d\d)\b",
    re.I,
)
_NEW_BEFORE = re.compile(
    r"(?<!compared )(?<!compare )(?<!relative )(?<!close )(?<!equal )\bto\s+"
    r"(?:a\s+record\s+|a\s+|an\s+|about\s+|around\s+|nearly\s+|almost\s+|just\s+|some\s+)?$",
    re.I,
)
_NOT_DIRECTION = {"more", "less", "fewer", "lost", "raise", "raised", "lift", "lifted", "extend", "extended"}
_CLAUSE_BREAK = re.compile(r";|\b(?:while|whereas|but|although|though)\b|,\s*and\b|\bwhich\b", re.I)
_PCT_AFTER = re.compile(
    r"\s+(?P<v>rise|increase|jump|gain|growth|fall|drop|decline|cut|reduction|higher|lower)\b", re.I
)
_SENTENCE_START = re.compile(r"[.!?]\s+|\n")
_REPORT = 2.5


# round 12: the pace of a rate ("growth slowed to 2.5%") is a direction of that rate
_PACE = {"slowed": -1, "slowing": -1, "eased": -1, "easing": -1, "weakened": -1, "softened": -1, "cooled": -1,
         "accelerated": 1, "accelerating": 1, "quickened": 1, "strengthened": 1}  # fmt: skip


def _sign(word: str) -> int:
    w = word.lower()
    if w in _NOT_DIRECTION:
        return 0
    if w in _PACE:
        return _PACE[w]
    return 1 if _UP.fullmatch(w) or w in ("growth", "gain") else (-1 if _DOWN.fullmatch(w) else 0)


def _directions(text: str, start: int, end: int) -> set[int]:
    """The directions of the change words between start and end, from the last clause break on."""
    span = text[start:end]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(span)), default=0)
    words = re.findall(r"[A-Za-z]+", span[cut:])
    if any(w.lower() in _PACE for w in words):
        words = [w for w in words if w.lower() not in ("growth", "gain")]  # "growth slowed": the measure, not a rise
    return {s for s in map(_sign, words) if s}


_PCT_TRAILS = re.compile(  # "$84m from $75m, up 12%", "… 75m euros a year earlier, a rise of 12%"
    r"[^,;()]{0,25}?\s*(?:,|\(|-|–|—)\s*(?:(?:a|an)\s+)?(?:(?:rise|increase|jump|gain|fall|drop|decline|cut|reduction)"
    r"\s+of|up|down)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|by\s+)?",
    re.I,
)
_PCT_LEADS = re.compile(r"[^;]{0,45}", re.I)  # "rose 12% in the year to June to $84m"
_NOT_LEADING = re.compile(r"\b(?:and|when|while|but|after|before|as)\b|,\s", re.I)


def _tied_pct(text: str, first: Quantity, second: Quantity, pcts: list[Quantity]) -> tuple[Quantity, int] | None:
    """A % stated for the move between first and second with a direction word: before the pair ("rose 12% to"),
    between them ("$84m, up 12% on"), or right after ("…, a rise of 12%", "…, up 12%"). (%, sign) or None."""
    for p in pcts:
        if p.end <= first.start:
            gap = text[p.end : first.start]
            if not _PCT_LEADS.fullmatch(gap) or _NOT_LEADING.search(gap):
                continue
        elif p.start >= second.end and not _PCT_TRAILS.fullmatch(text, second.end, p.start):
            continue
        before, after = _PCT_DIRECTION.search(text, max(0, p.start - 30), p.start), _PCT_AFTER.match(text, p.end)
        m = before or after
        if m is not None and _sign(m.group("v")):
            return p, _sign(m.group("v"))
    return None


def _old_score(text: str, q: Quantity) -> float:
    """How strongly the words mark q as a baseline: "from/on/against/compared with" before it (2), "a year
    earlier", "the previous quarter" after it (1), "in 2003" after it (0.5)."""
    if _YEAR_BRACKET.search(text, max(0, q.start - 12), q.start):
        return 3.0
    before = _BASE_BEFORE.search(text, max(0, q.start - 40), q.start) or _BASE_WHEN.search(
        text, max(0, q.start - 50), q.start
    )
    before = before or _HAVING.search(text, max(0, q.start - 40), q.start)
    score = 2.0 if before else 0.0
    m = _BASE_AFTER.match(text, q.end)
    if (
        m is not None
        and not before
        and q.kind == "percent"
        and _BASE_AFTER_WORD.search(text, max(0, q.start - 40), q.start)
    ):
        score = 1.5  # "after 3.1% in 2003": "after" names a rate's baseline only with its time ("after 1,000 job
        # losses in 2003" names what happened, not the level before)
    return score + (0.0 if m is None else 0.5 if re.search(r"\d\d$", m.group()) else 1.0)


def _roles(text: str, a: Quantity, b: Quantity) -> tuple[Quantity, Quantity, float, bool] | None:
    """(baseline, new level, score of the role cues, whether both roles are marked) for a pair in text
    order, or None when no cue says which figure is the baseline."""
    new_a = bool(_NEW_BEFORE.search(text, max(0, a.start - 20), a.start))
    new_b = bool(_NEW_BEFORE.search(text, max(0, b.start - 20), b.start))
    old_a = 0.0 if new_a else _old_score(text, a)
    old_b = 0.0 if new_b else _old_score(text, b)
    if max(old_a, old_b) < 1 or old_a == old_b:
        return None
    old, new, hi, lo, to = (a, b, old_a, old_b, new_b) if old_a > old_b else (b, a, old_b, old_a, new_a)
    return old, new, hi - lo / 2 + (1.0 if to else 0.0), hi >= 2 and (to or hi >= 3)


def changes_fallback(art: Article) -> None:
    """Within each sentence, each figure and the next figure of its measure (other figures may sit between,
    none of that measure), not already linked: a change when the cue score reaches _REPORT."""
    text, conversions = art.without_conversions()
    linked = art.related(_LINKING)
    _with_stated_pct(art, text, linked)
    for _sent, group in art.by_sentence.items():
        figs = [q for q in group if q.id not in linked and q.id not in conversions and q.kind != "date"]
        pcts = [q for q in figs if q.kind == "percent" and q.unit == "%"]
        for i, a in enumerate(figs):
            if a.kind not in ("count", "money", "percent", "other") or a.qualifier == "vague" or a.unit == "identifier":
                continue
            b = next((q for q in figs[i + 1 : i + 4] if _same_measure(a, q)), None)
            if b is None or b.start - a.end > 200 or b.qualifier == "vague" or b.kind != a.kind:
                continue
            if any(_same_measure(a, q) for q in group if a.end <= q.start and q.end <= b.start):
                continue  # a figure of that measure between them (already linked): not this pair
            _score_pair(art, text, a, b, [p for p in pcts if p is not a and p is not b] if a.kind != "percent" else [])


def _score_pair(art: Article, text: str, a: Quantity, b: Quantity, pcts: list[Quantity]) -> None:
    """Scores the cues of the pair a, b and reports the change, with the % tied to it if there is one."""
    if _CLAUSE_BREAK.search(text, a.end, b.start):
        return  # "sales rose to $84m, while costs were $75m": two clauses
    roles = _roles(text, a, b)
    if roles is None:
        return
    old, new, score, marked = roles
    if not old.value or not 0.2 <= new.value / old.value <= 5:
        return  # a fivefold move is more likely two different things than a change
    if a.kind == "percent" and any(
        _PCT_DIRECTION.search(text, max(0, q.start - 30), q.start) or _PCT_AFTER.match(text, q.end) for q in (a, b)
    ):
        return  # "5% higher, compared to a 6% rise": two changes, not two levels
    lead = _SENTENCE_START.split(_CLAUSE_BREAK.split(text[max(0, a.start - 60) : a.start])[-1])[-1]
    dirs = _directions(text, a.start - len(lead), b.start)
    tied = _tied_pct(text, a, b, pcts)
    score += (1.0 if len(dirs) == 1 else 0.0) + (1.0 if tied else 0.0) + (0.5 if b.start - a.end < 100 else 0.0)
    if tied is not None and score >= _REPORT:
        _add_pct(art, old, new, *tied)
    elif len(dirs) == 1 and score >= _REPORT:
        _add_direction(art, old, new, dirs.pop(), marked)


def _rounding(q: Quantity) -> float:
    """The rounding a figure allows: its tolerance, or for a whole number ending in two zeros or more ("£152,000",
    "840,000") half of its last non-zero place if larger, as such figures are usually rounded."""
    if not float(q.value).is_integer() or abs(q.value) < 100:
        return q.tolerance
    v, place = int(abs(q.value)), 1
    while v % (place * 10) == 0:
        place *= 10
    return max(q.tolerance, place / 2) if place >= 100 else q.tolerance


def _pct_check(old: Quantity, new: Quantity, p: Quantity, sign: int) -> tuple[bool | str, str]:
    """(verdict, explanation) of the change old -> new against the stated % p (sign: its direction)."""
    computed = 100.0 * (new.value - old.value) / old.value
    to, tn = _rounding(old), _rounding(new)
    lo = 100.0 * ((new.value - tn) - (old.value + to)) / (old.value + to)
    hi = 100.0 * ((new.value + tn) - (old.value - to)) / max(old.value - to, 1e-9)
    stated = sign * p.value
    loose = (stated - p.tolerance, stated + p.tolerance)
    holds = _verdict((computed, computed), (stated, stated), (lo, hi), loose, _is_exact(old, new, p))
    return holds, (
        f"from {old.text} ({_fmt(old.value)}) to {new.text} ({_fmt(new.value)}) is a change of {computed:+.1f}%"
        f"{rounding(lo, hi, '+.1f', '%', ' to ')}; the text says {'up' if sign > 0 else 'down'} {p.text} "
        f"(±{_fmt(p.tolerance)}): {_holds_text(holds)}"
    )


def _add_pct(art: Article, old: Quantity, new: Quantity, p: Quantity, sign: int) -> None:
    art.add("change", [old, new], p, *_pct_check(old, new, p, sign))


def _with_stated_pct(art: Article, text: str, linked: set[int]) -> None:
    """A change another rule read from its direction alone ("a 12% rise in profit to $84m, from $75m") while
    a % tied to a direction stands before or between its figures, linked to nothing: the change is checked
    against that % instead (the same relation, now with the % as its result). A % right after the figures
    ("…, up from $75m in 2003, an increase of 20%") is taken too: left out, the 20% was never checked."""
    by_id = {q.id: q for q in art.numeric}
    for r in art.found.rels if art.found is not None else ():
        if r.kind != "change" or len(r.operands) != 1 or r.result is None or r.holds is None:
            continue
        old, new = by_id.get(r.operands[0]), by_id.get(r.result)
        if old is None or new is None or old.kind in ("percent", "date") or not old.value or len(r.statement_ids) != 1:
            continue
        first, second = (old, new) if old.start < new.start else (new, old)
        group = art.by_sentence.get(_sentence_of(first, art.sentence_of_statement), [])
        pcts = [p for p in group if p.kind == "percent" and p.unit == "%" and p.id not in linked]
        tied = _tied_pct(text, first, second, pcts) if second in group else None
        if tied is not None:
            r.operands, r.result = [old.id, new.id], tied[0].id
            r.holds, r.explanation = _pct_check(old, new, *tied)
            linked.add(tied[0].id)


def _add_direction(art: Article, old: Quantity, new: Quantity, sign: int, marked: bool) -> None:
    moved = new.value - old.value
    tol = _rounding(old) + _rounding(new)
    ok = moved * sign > 0 or abs(moved) <= tol
    if not ok and not marked:
        return  # the words do not say clearly enough which figure is the baseline
    pct = f" ({100.0 * moved / old.value:+.1f}%)" if old.value else ""
    art.add(
        "change",
        [old],
        new,
        True if ok and moved * sign > 0 else ("approximately" if ok else False),
        f"a {'rise' if sign > 0 else 'fall'} from {old.text} ({_fmt(old.value)}) to {new.text} ({_fmt(new.value)}): "
        f"a change of {_fmt(moved)}{pct}, tolerance ±{_fmt(tol)}: "
        + ("consistent" if ok else f"but the second figure is not {'higher' if sign > 0 else 'lower'}"),
    )
