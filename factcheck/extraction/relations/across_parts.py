"""Parts, shares and sums across sentences (issue 12): a part of an anaphoric whole ("6,000 of those",
"Of that, £23bn"), of a stated total ("out of a total workforce of 6,500"), of "the banks" counted
earlier; a share stated elsewhere; a total announced and its parts listed, parts that add up to a
figure nearby, and "with another 550m"."""

from __future__ import annotations

import re

from ..types import Quantity
from .common import (
    _ANY_WORD,
    _PCT_DIRECTION,
    INF,
    ITEM_TAIL_GAP,
    POSSESSIVE,
    _context_words,
    _fmt,
    _holds_text,
    _is_exact,
    _loose,
    _overlap,
    _same_measure,
    _strict,
    _verdict,
    _words,
    add_part_of,
    rounding,
)
from .series import _scattered, share_noun_words

_OF_ANAPHOR = re.compile(r"\s+of\s+(?:those|them|these|that|this|which|whom|the\s+total)\b", re.I)
# "The total cost is £10bn, of which £7.5bn comes from the Treasury"
_INCLUDING = re.compile(r",\s*including\s+$", re.I)
_OF_WHICH_BEFORE = re.compile(
    r",\s*(?:of\s+(?:which|whom)|including)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+|only\s+)?$",
    re.I,
)
# "…, schools 12 million, together 44 million of the total": a figure summed up from the figures before it in its
# sentence; those are its parts, not the whole "of the total" points to (browser review, 2026-12-05)
_SUMMED_BEFORE = re.compile(
    r"\b(?:together|combined|in\s+all|altogether|in\s+total|a\s+total\s+of|making|makes|between\s+them)\s*,?\s*"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+|over\s+|more\s+than\s+)?$",
    re.I,
)
_OF_THAT_START = re.compile(r"(?:^|[.;]\s+|\n)\s*Of\s+(?:that|this|these|those|the\s+total|which)\s*,?\s*$")
# a figure named as the level something moved from or is compared with: "up from £280m", "than 40", "compared with 9"
_BASELINE_BEFORE = re.compile(
    r"\b(?:from|than|compared\s+(?:with|to)|against|previously|had\s+been)\s+"
    r"(?:a\s+|an\s+|the\s+|its\s+|their\s+)?(?:previous\s+|earlier\s+|record\s+|last\s+year's\s+)?$",
    re.I,
)
_OUT_OF_TOTAL = re.compile(
    r"^[^.;]{0,30}?\b(?:out\s+of|from)\s+(?:a|the|its|their)\s+(?:current\s+|overall\s+)?total\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:of\s+)?$",
    re.I,
)
_TOTAL_CUE = re.compile(r"\b(?:total\w*|in\s+all|altogether|combined|overall|worldwide)\s+(?:of\s+)?$", re.I)
_OF_THE_NOUN = re.compile(
    r"\s+(?:of|out\s+of)\s+(?:the|its|their|those|these|all\s+the)\s+(?:[a-z][\w'’-]*\s+){0,2}?(?P<noun>[a-z][\w'’-]*)\b"
)
_OF_BEFORE = re.compile(r"\b(?:of|out\s+of)\s+(?:the\s+|its\s+|their\s+|all\s+)?$", re.I)  # y is a whole
_OF_THE_OPENER = re.compile(r"(?:^|[.;!?]\s+|\n)\s*Of\s+(?:the\s+|its\s+|their\s+|this\s+|that\s+)?" + POSSESSIVE + "$")
_RIGHT_AFTER_OPENER = re.compile(
    r"^[^,.;!?]{0,40},\s*(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+|only\s+|more\s+than\s+)?$", re.I
)
_OPENER_MAIN_CLAUSE = re.compile(
    r"^(?:[^,;.!?]{0,60},(?![^;.!?]*\b(?:and|but|while|whereas)\b)[^;.!?]{0,40}|[^,;.!?]{0,30})$", re.I
)
_MORE_AFTER = re.compile(r"\s+(?:more|others?|extra|further|additional)\b", re.I)
# "in £2.5bn instalments", "£5 each", "£1,200 a year": an amount that repeats, not one part of a total
_EACH = re.compile(
    r"\s*(?:[\w'’-]+\s+)?(?:instal?ments?|tranches|payments|each|apiece|a\s+(?:year|month|week|day|head|share)|per\b)",
    re.I,
)
_ANOTHER = re.compile(
    r"^[^.;]{0,40}?\b(?:with|and|plus)\s+(?:another|a\s+further|an\s+additional|a\s+second)\s+$", re.I
)


_SPLIT_BEFORE = re.compile(r"\d,\s+$")
_SPLIT_AFTER = re.compile(r",\s+\d{3}\b")


def _split_thousands(text: str, w: Quantity) -> bool:
    """w one half of a figure cut at its thousands separator ("461, 120")."""
    return bool(_SPLIT_BEFORE.search(text, max(0, w.start - 4), w.start) or _SPLIT_AFTER.match(text, w.end))


def _rule_part_anaphor(text: str, a: Quantity, window: list[Quantity], sent) -> Quantity | None:
    """The whole a part refers back to: "6,000 of those" (the nearest earlier figure of the same measure
    in its sentence or the one before) or a sentence that opens "Of that, £23bn …" (the previous
    sentence's figure)."""
    anaphor = _OF_ANAPHOR.match(text, a.end) or _OF_WHICH_BEFORE.search(text, max(0, a.start - 30), a.start)
    opener = _OF_THAT_START.search(text, max(0, a.start - 30), a.start)
    if not (anaphor or opener) or a.kind in ("percent", "date", "rank", "duration"):
        return None
    including = bool(_INCLUDING.search(text, max(0, a.start - 12), a.start))
    summed = bool(_SUMMED_BEFORE.search(text, max(0, a.start - 30), a.start))
    wholes = []
    for w in reversed(window):
        if w.kind == "percent" or w.start >= a.start or w.value < 2 or _split_thousands(text, w):
            continue  # "if one console can make music, … six of them": one is no whole; "461, 120" is no 120
        if summed and sent(w) == sent(a):
            continue  # "housing 18 million, …, together 44 million of the total": its parts, not its whole
        if not (_same_measure(w, a) or including and a.kind == w.kind == "count" and sent(w) == sent(a)):
            continue  # "500 farms, including 56 large estates": the estates are farms
        if opener and sent(w) == sent(a) - 1 or anaphor and sent(a) - 1 <= sent(w) <= sent(a):
            wholes.append(w)
    if len(wholes) > 1:
        # "a budget of £310m, up from £280m. Of the total, £120m …": the total is the level now, not the
        # baseline it moved from (the browser review's wrong "£120m is part of £280m")
        wholes = [w for w in wholes if not _BASELINE_BEFORE.search(text, max(0, w.start - 40), w.start)] or wholes
    # round 15: "of those 5,526, only 213 registered. So 5,313 of those …": the group that can hold the part
    return next((w for w in wholes if w.value >= a.value), wholes[0] if wholes else None)


def _rule_out_of_total(text: str, a: Quantity, b: Quantity) -> bool:
    """ "3,000 jobs - out of a total workforce of 6,500", "a reduction of 120 from the current total of 659"."""
    return (
        a.start < b.start
        and a.kind in ("count", "other", "money")
        and _same_measure(a, b)
        and bool(_OUT_OF_TOTAL.match(text[a.end : b.start]))
    )


def _rule_of_the_noun(text: str, y: Quantity, window: list[Quantity], sent) -> Quantity | None:
    """ "35 of the banks" (a count with no unit of its own, then "of the" and a noun): the whole is the
    nearest earlier count, up to three sentences back, whose unit has that noun ("Parmalat sued 45 banks")."""
    if y.kind != "count" or _words(y.unit):
        return None
    m = _OF_THE_NOUN.match(text, y.end)
    if m is None or not _ANY_WORD.match(m.group("noun")):
        return None
    noun = _words(m.group("noun"))
    for w in reversed(window):
        if w.kind == "count" and w.value > 0 and sent(y) - 3 <= sent(w) <= sent(y) and noun & _words(w.unit):
            return w  # round 13: the noun or its class ("employs 3,000 staff" … "400 of the workers")
    return None


def _rule_of_the_whole(text: str, y: Quantity, window: list[Quantity], sent) -> Quantity | None:
    """ "Of the $18.4bn approved by Congress, less than $2bn has been spent": the figure that opens y's
    sentence after "Of the" is the whole y is part of."""
    for w in reversed(window):
        if sent(w) != sent(y) or w.kind in ("percent", "date", "rank"):
            continue
        # the figure right after the opener's comma counts what the whole counts, whatever words follow it
        # ("Of the region's 40 million voters, 12 million backed the plan")
        right_after = w.kind == y.kind == "count" and _RIGHT_AFTER_OPENER.match(text[w.end : y.start])
        if not (_same_measure(w, y) or right_after):
            continue
        if _OF_THE_OPENER.search(text, max(0, w.start - 40), w.start):
            # y is the opener's main clause: "Of the 40 shops, 12 shut", not "…, most shut; 90 more open"
            if _OPENER_MAIN_CLAUSE.match(text[w.end : y.start]) and not _MORE_AFTER.match(text, y.end):
                return w
            return None
    return None


def _add_part(a: Quantity, b: Quantity, add) -> None:
    """a part of b unless it is larger than anything b's wording allows ("more than 500" has no upper end)."""
    add_part_of(add, a, b, _loose(a)[0] <= max(_loose(b)[1], b.value + b.tolerance))


def _rule_share_of_part(text: str, a: Quantity, b: Quantity, pcts: list[Quantity], sent) -> tuple[Quantity, int] | None:
    """A share stated in another sentence ("nearly half the workforce" … "3,000 jobs out of a total
    workforce of 6,500"): a percentage or fraction up to eight sentences earlier (or one later), sharing
    context words with the part or the whole. Returns (share, number of shared words)."""
    ctx = _context_words(text, a, 60, 60) | _context_words(text, b, 60, 60)
    best = None
    for p in pcts:
        if sent(p) == sent(a) or not (sent(a) - 8 <= sent(p) <= sent(a) + 1) or p.unit not in ("%", "fraction"):
            continue
        if _PCT_DIRECTION.search(text, max(0, p.start - 30), p.start):
            continue  # "grow by 44%" is a change, not a share
        shared = len(_context_words(text, p, 50, 50) & ctx)
        if shared and (best is None or shared > best[1]):
            best = (p, shared)
    return best


def _add_share(a: Quantity, b: Quantity, p: Quantity, strong: bool, add) -> None:
    if not b.value:
        return
    computed = 100.0 * a.value / b.value
    lo = 100.0 * (a.value - a.tolerance) / (b.value + b.tolerance)
    hi = 100.0 * (a.value + a.tolerance) / max(b.value - b.tolerance, 1e-9)
    p_lo, p_hi = _loose(p)
    p_lo, p_hi = (p.value * 0.9 if p_lo == -INF else p_lo), (p.value * 1.1 if p_hi == INF else p_hi)
    fits = _overlap((lo, hi), (min(p_lo, p.value * 0.9), max(p_hi, p.value * 1.1)))
    holds = _verdict((computed, computed), _strict(p), (lo, hi), (p_lo, p_hi), _is_exact(a, b, p))
    if holds is False and fits:
        holds = "approximately"
    if holds is False and not strong:
        return  # the words alone do not say that this share is that part of that whole
    add(
        "percentage",
        [a, b],
        p,
        holds,
        f"{a.text} of {b.text} is {computed:.1f}%{rounding(lo, hi, '.1f', '%')}; the text says "
        f"{(p.qualifier + ' ') if p.qualifier else ''}{p.text}: {_holds_text(holds)}",
    )


def _rule_total_parts(text: str, total: Quantity, after: list[Quantity], sent) -> list[Quantity] | None:
    """A total announced as such ("Sales totalled 3.9 million") and the figures of the same measure that
    follow it in the next five sentences: the first run of two to four of them that adds up to the total
    within rounding. (No verdict of "broken" here: the words do not say which figures are the parts.)"""
    if not _TOTAL_CUE.search(text, max(0, total.start - 25), total.start) or total.kind == "percent":
        return None
    parts = [q for q in after if sent(q) <= sent(total) + 5 and _same_measure(q, total) and 0 < q.value < total.value]
    for i in range(len(parts)):
        for j in range(i + 2, min(len(parts), i + 4) + 1):
            run = parts[i:j]
            tol = total.tolerance + sum(q.tolerance for q in run) + 1e-9
            if abs(sum(q.value for q in run) - total.value) <= tol:
                return run
    return None


def _rule_parts_sum(text: str, y: Quantity, window: list[Quantity], pool: list[Quantity], sent):
    """y the last of two or three consecutive figures of one measure (within two sentences) that add up,
    within the total's rounding, to another figure of that measure nearby (pool: before them, the lead, or
    just after): "£23bn would go on spending, with £8bn to fill the hole … £4bn to cut taxes" and "its
    £35bn savings". Small counts (a sum under 10) need a total word ("in all", "combined") to count.
    Returns (parts, total) or None. Found because the numbers fit, so never reported as broken."""
    if y.kind == "percent" or y.qualifier is not None or y.value <= 0 or _EACH.match(text, y.end):
        return None
    prev: list[Quantity] = []  # the last two figures of y's measure before it
    for q in reversed(window):
        if len(prev) == 2:
            break
        if _same_measure(q, y) and q.qualifier is None and q.value > 0 and not _EACH.match(text, q.end):
            prev.insert(0, q)
    totals = [t for t in pool if t.qualifier in (None, "about") and t.value > y.value and _same_measure(t, y)]
    for k in (2, 3):
        run = [*prev[len(prev) - (k - 1) :], y] if len(prev) >= k - 1 else []
        if not totals or len(run) < k or sent(run[0]) < sent(y) - 1:
            return None
        total = sum(q.value for q in run)
        ids = {q.id for q in run}
        for t in sorted(totals, key=lambda t: abs(t.start - y.start)):  # the nearest statement of the total
            if t.id in ids or t.value <= total * 0.5 or _item_of(text, t, run):
                continue  # round 13: "£40m on roads, £25m on schools and £15m on parks": £40m is no total
            if abs(t.value - total) > min(t.tolerance, 0.02 * t.value) + 1e-9 or len({q.value for q in run}) < k:
                continue  # within the total's rounding, and 2%: "£1bn" is not £50 + £1bn
            if min(q.value for q in run) < 0.05 * t.value or not _units_agree(run, t):
                continue
            if any(_CHANGE_END.search(text, max(0, q.start - 20), q.start) for q in [*run, t]):
                continue  # "to £1.2bn from £1.1bn, while profit rose to £84m": ends of changes, not parts
            if total < 10 and not _TOTAL_CUE.search(text, max(0, t.start - 25), t.start):
                continue
            if _scattered(text, run, t, sent):
                continue
            return run, t
    return None


_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|plus\s+)?|and\s+|plus\s+)$", re.I)


def _item_of(text: str, t: Quantity, run: list[Quantity]) -> bool:
    """t one more item of the list the run belongs to: joined to its first or last figure by a list gap."""
    gap = text[t.end : run[0].start] if t.end <= run[0].start else text[run[-1].end : t.start]
    return len(gap) < 60 and bool(_LIST_GAP.match(gap) or ITEM_TAIL_GAP.match(gap))


_CHANGE_END = re.compile(r"\b(?:from|to)\s+(?:a\s+|an\s+|the\s+|about\s+|around\s+|just\s+)?$", re.I)


def _units_agree(run: list[Quantity], t: Quantity) -> bool:
    """Counts add up to a total of the same things: a part that names its unit must share a word with the
    total's ("Five unions" + 60 is not 65 years)."""
    if t.kind != "count":
        return True
    total_words = _words(t.unit)
    return all(not _words(q.unit) or _words(q.unit) & total_words for q in run)


def _rule_another(text: str, x: Quantity, y: Quantity, earlier: list[Quantity]) -> Quantity | None:
    """ "1bn euros immediately, with another 550m to follow": the earlier figure (headline, lead or the
    window) that equals the sum within rounding."""
    if not (_same_measure(x, y) and _ANOTHER.match(text[x.end : y.start])):
        return None
    s, tol = x.value + y.value, x.tolerance + y.tolerance
    fits = [
        r
        for r in earlier
        if r is not x
        and r is not y
        and _same_measure(r, x)
        and abs(r.value - s) <= min(tol + r.tolerance, 0.05 * s) + 1e-9
    ]
    return min(fits, key=lambda r: abs(r.value - s), default=None)


def _add_sum(parts: list[Quantity], total: Quantity, add, unless_linked: bool = False) -> None:
    s = sum(q.value for q in parts)
    tol = total.tolerance + sum(q.tolerance for q in parts)
    holds = (
        True
        if s == total.value and _is_exact(*parts, total)
        else ("approximately" if abs(s - total.value) <= tol + 1e-9 else False)
    )
    add(
        "sum",
        parts,
        total,
        holds,
        " + ".join(q.text for q in parts) + f" = {_fmt(s)}; the text gives {total.text} ({_fmt(total.value)}, "
        f"tolerance ±{_fmt(tol)}): {_holds_text(holds)}",
        unless_linked=unless_linked,
    )


# "axing 90 journalist jobs - 17% of their editorial staff" … "The titles employ 521 journalists": a part with
# its share of a whole named by a noun; the whole's figure is stated in another sentence.
_PART_THEN_SHARE = re.compile(
    # round 13: or a verb that states the share ("The debt of £90m is two-thirds of the £135m", "accounts for 20% of")
    r"\s*(?:[-–—(]|,(?:\s+or)?|\s(?:is|was|are|were|represents?|represented|accounts?\s+for|accounted\s+for|"
    r"makes?\s+up|made\s+up|amounts?\s+to|amounted\s+to|equals|equalled)\s)\s*(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+|just\s+(?:over|under)\s+)?"
)
_SHARE_OF_NOUN = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|all)\s+(?!\d)[a-z]", re.I)


def _rule_share_of_whole_elsewhere(text: str, p: Quantity, a: Quantity | None, others: list[Quantity], sent):
    """p a share (% or, since round 13, a fraction) stated right after a part a ("90 jobs - 17% of their staff",
    "600 jobs, a fifth of its workforce"), of a whole named by a noun and not by a figure after it; the whole is a
    larger figure of a's measure sharing a unit word (or its noun class) with it, up to twelve sentences away (the
    nearest), or earlier in a's sentence. Returns (whole, only) with only True when it is the
    one such figure, or None."""
    if a is None or p.unit not in ("%", "fraction") or a.kind not in ("count", "money") or a.value <= 0:
        return None
    if not (_PART_THEN_SHARE.fullmatch(text, a.end, p.start) and _SHARE_OF_NOUN.match(text, p.end)):
        return None
    part_words = _words(a.unit) or (share_noun_words(text, p.end) if a.kind == "count" else frozenset())
    if a.kind == "count" and not part_words:
        return None  # round 17: a bare part ("close 300, or 25% of its stores") takes the share's noun
    wholes = [
        w
        for w in others
        if w is not a
        and (sent(w) != sent(a) or w.end < a.start)  # round 13: "which employs 3,000 staff, will cut 600 jobs"
        and abs(sent(w) - sent(a)) <= 12
        and w.value > a.value
        and w.qualifier != "vague"
        and _same_measure(a, w)
        and (a.kind == "money" or part_words & _words(w.unit))
    ]
    if not wholes:
        return None
    whole = min(wholes, key=lambda w: (abs(sent(w) - sent(a)), w.start))
    return whole, len(wholes) == 1


# "157,000 new jobs were added last month. That took 2004's total to 2.2 million", ", bringing the total to 45":
# a figure added to a running total that the text then gives.
_TOOK_TOTAL_TO = re.compile(
    r"\b(?:took|takes|taking|brought|brings|bringing|pushed|pushes|pushing|lifted|lifts|lifting|raised|raises|"
    r"raising|swelled|swelling|increased|increasing)\s+(?:[\w'’]+\s+){0,3}?(?:total|tally|count|number|overall\s+figure)"
    r"\s+(?:[\w'’]+\s+){0,3}?to\s+(?:a\s+|an\s+|about\s+|around\s+|nearly\s+|almost\s+|some\s+|more\s+than\s+|over\s+)?$",
    re.I,
)


_TOTAL_WORDS = ("total", "tally", "count", "number", "figure")


def _rule_added_to_total(text: str, total: Quantity, window: list[Quantity], sent) -> Quantity | None:
    """The figure added to the running total y: the nearest earlier figure of y's measure, in y's sentence or
    the one before, when y follows "took the total to", "bringing the total to". None otherwise."""
    before = text[max(0, total.start - 80) : total.start]
    if total.kind not in ("count", "money", "other") or not any(w in before for w in _TOTAL_WORDS):
        return None  # a cheap test before the pattern
    if not _TOOK_TOTAL_TO.search(before):
        return None
    for q in reversed(window):
        if (
            sent(total) - 1 <= sent(q) <= sent(total)
            and q.kind != "percent"
            and _same_measure(q, total)
            and q.value > 0
        ):
            return q
    return None


# "30% saw orders rise and 27% saw them fall. The positive balance of plus 3": a survey balance is the share
# answering up less the share answering down.
_BALANCE = re.compile(r"\bbalance\s+(?:of\s+)?(?P<s>plus\s+|minus\s+|\+\s*|-\s*|−\s*)?$", re.I)


def _rule_balance(text: str, y: Quantity, window: list[Quantity], sent) -> tuple[Quantity, Quantity, float] | None:
    """y a balance after "balance of plus"; the two latest percentages before it (its sentence or the one
    before), up and down. Returns (up, down, stated balance) or None."""
    before = text[max(0, y.start - 30) : y.start]
    m = _BALANCE.search(before) if "balance" in before else None
    if not m or y.kind not in ("count", "other", "percent"):
        return None
    pcts = [q for q in window if q.kind == "percent" and q.unit == "%" and sent(y) - 1 <= sent(q) <= sent(y)][-2:]
    if len(pcts) != 2:
        return None
    minus = (m.group("s") or "").strip().lower() in ("minus", "-", "−")
    return pcts[0], pcts[1], -y.value if minus else y.value


# "1.2 million people, or 20% of the workforce of 6 million", "40% of the £50bn economy, or £20bn", "$1bn, a third
# of the $3bn": a share said in apposition to a part, of a whole named by a figure right after "of the …".
_SHARE_OF_FIGURE = re.compile(r"\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|all\s+)?(?:[\w'’-]+\s+){0,3}?", re.I)
_WHOLE_THEN_PART = re.compile(
    r"(?:\s+[a-z][\w'’-]*){0,3}\s*(?:,\s*or|[-–—(])\s*(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+)?"
)


def _rule_share_apposition(text: str, p: Quantity, before: Quantity | None, ahead: list[Quantity], sent):
    """p a share (% or fraction) of the whole w right after it ("20% of the workforce of 6 million"), set
    against a part of w's measure: the figure right before p (", or 20% of", " - 20% of", ", a third of") or the
    one right after w (", or £20bn"). Not a change ("up 20% of") nor a share of a share. Returns (part, whole)."""
    if p.kind != "percent" or p.unit not in ("%", "fraction"):
        return None
    if _PCT_DIRECTION.search(text, max(0, p.start - 30), p.start):
        return None  # "up 20%": a change
    same = [q for q in ahead if sent(q) == sent(p)]
    if not same or same[0].kind in ("percent", "date", "rank"):
        return None
    if not _SHARE_OF_FIGURE.fullmatch(text, p.end, same[0].start):
        return None
    whole = same[0]
    if before is not None and sent(before) == sent(p) and _PART_THEN_SHARE.fullmatch(text, before.end, p.start):
        part = before
    elif len(same) > 1 and _WHOLE_THEN_PART.fullmatch(text, whole.end, same[1].start):
        part = same[1]
    else:
        return None
    if part.kind not in ("count", "money", "other") or not _same_measure(part, whole) or whole.value <= 0:
        return None
    return part, whole


# round 13: a share of a whole named by an anaphor, the part beside the share: "The fund holds £9bn. About a third
# of that, £3bn, is in shares"; "Cars made up 20% of the total, or £6bn"; "600 of them, about a fifth of the total"
_OF_THAT = re.compile(
    r"\s+of\s+(?:that|this|it|them|those|these|the\s+(?:total|figure|sum|amount|whole))\b(?!\s+(?:of|for|in)\b)", re.I
)
_THEN_PART = re.compile(r"\s*(?:,|-|–|—|\()\s*(?:or\s+)?(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+)?")
_PART_THEN = re.compile(
    r"(?:\s+of\s+(?:them|those|these|it|that))?" + _PART_THEN_SHARE.pattern + r"(?:just\s+)?(?:over\s+|under\s+)?",
    re.I,
)


def _rule_share_of_that(text: str, p: Quantity, window: list[Quantity], ahead: list[Quantity], sent):
    """p a share (% or fraction) "of that" / "of the total", its part set right beside it (", £3bn," after, or
    "600 of them, about" before) and its whole the latest larger figure of the part's measure before the part,
    in the part's sentence or the one before. Returns (part, whole, only): only when that whole is the one
    candidate of its measure there (the words then assert the share, so a miss is broken)."""
    if (
        p.kind != "percent"
        or p.unit not in ("%", "fraction")
        or _PCT_DIRECTION.search(text, max(0, p.start - 30), p.start)
    ):
        return None
    m = _OF_THAT.match(text, p.end)
    if m is None:
        return None
    nxt = next((q for q in ahead if sent(q) == sent(p)), None)
    prev = window[-1] if window and sent(window[-1]) == sent(p) else None
    if nxt is not None and _THEN_PART.fullmatch(text, m.end(), nxt.start):
        part = nxt
    elif prev is not None and _PART_THEN.fullmatch(text, prev.end, p.start):
        part = prev
    else:
        return None
    if part.kind not in ("count", "money") or part.value <= 0:
        return None
    wholes = [
        w
        for w in window
        if w is not part
        and w.end <= min(part.start, p.start)
        and sent(p) - 1 <= sent(w) <= sent(p)
        and _same_measure(w, part)
        and w.kind == part.kind
        and w.qualifier != "vague"
    ]
    if not wholes or wholes[-1].value <= part.value:
        return None
    return part, wholes[-1], len(wholes) == 1
