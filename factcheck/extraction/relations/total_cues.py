"""Round 9 (issue 12): sums and parts of counts whose nouns differ ("40 pickups, 10 coupes and 5 vans - 55
vehicles in all", "1,200 staff, of whom 300 are engineers"), which the rules that match counts by their unit
words leave out. A total word ties them instead: "in all", "in total", "altogether", "a total of", "all told",
"between them" next to the total, or "of whom", "of which" before the part. Run after the other rules, on
figures no sum or part links yet. A sum is broken only when the list and its total sit in one sentence with
the total word; across sentences it is reported only when the figures add up within rounding."""

from __future__ import annotations

import bisect
import re

from ..types import Quantity
from .across_parts import _OF_THE_NOUN
from .common import (
    ITEM_TAIL,
    ITEM_TAIL_GAP,
    Article,
    _currency,
    _fmt,
    _holds_text,
    _is_exact,
    _loose,
    _strict,
    _verdict,
    _words,
    add_part_of,
)
from .sentence_sums import _SUM_GAP

_TOTAL_BEFORE = re.compile(
    r"\b(?:a\s+total\s+of|in\s+total|total\s+of|totall?(?:ing|ed|s)|altogether|in\s+all|all\s+told|"
    r"(?:bringing|took|taking|brought)\s+(?:the\s+|its\s+|their\s+)?(?:total|tally|number)\s+to)\s+"
    r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+)?$",
    re.I,
)
_TOTAL_AFTER = re.compile(
    r"\s*(?:[a-z][\w'’-]*\s+){0,3}?(?:in\s+all|in\s+total|altogether|all\s+told|between\s+them|combined)\b", re.I
)
_LIST_THEN_TOTAL = re.compile(
    rf"(?:{ITEM_TAIL})?"  # round 13: "… and £15m on parks, a total of £80m"
    r"\s*(?:[-–—:(,]\s*|\s)(?:(?:that\s+is|that's|or|making|makes|so|to\s+make)\s+)?(?:a\s+total\s+of\s+|in\s+all\s+)?"
)
_TOTAL_THEN_LIST = re.compile(r"(?:\s*(?:[a-z][\w'’-]*\s+){0,3}?(?:in\s+all|in\s+total|altogether))?\s*[:–—-]\s*", re.I)
_OF_WHOM = re.compile(r"\s*,\s*of\s+(?:whom|which|those|them)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?")
# A total in the sentence after its list, or a list in the sentence after its total, is tied to the other
# sentence only by an opener that points back: "That made 55 vehicles in all", "They were 40 pickups, …".
_POINTS_BACK = re.compile(
    r"(?:^|[.!?]\s+|\n)\s*(?:That|This|These|Those|They|Together|Between\s+them|In\s+all|In\s+total|Altogether|"
    r"A\s+total\s+of|The\s+(?:total|combined|overall)|"
    r"All\s+told|Overall|Combined|Of\s+(?:these|those|them|the\s+total)|Among\s+them)\b[^.!?\n]{0,60}$"
)
_TAKEN = frozenset({"sum", "part_of"})
# round 13: amounts of money add up to a total as counts do ("£40m on roads, £25m on schools and £15m on parks.
# In all, the plan costs £80m"); a list is of one kind (and one currency)
_SUMMED = ("count", "money")


def _is_total(text: str, t: Quantity) -> bool:
    return t.kind in _SUMMED and bool(
        _TOTAL_BEFORE.search(text, max(0, t.start - 40), t.start) or _TOTAL_AFTER.match(text, t.end)
    )


# Round 12: a list whose items are named before their figures ("Labour won 355 seats, the Conservatives 198
# and the Liberal Democrats 62"), read as a list only beside a total word.
_NAMED_GAP = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?(?:[A-Z][\w'’&.-]*\s+){1,4}"
    r"(?:(?:won|got|took|had|has|holds|held|with|on)\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+)?$"
)


def _joined(text: str, a: Quantity, b: Quantity) -> bool:
    """a and b items of one list: of one kind (and currency), joined by a list gap."""
    if a.kind != b.kind or a.kind == "money" and a.unit != b.unit:
        return False
    gap = text[a.end : b.start]
    return bool(_SUM_GAP.match(gap) or _NAMED_GAP.match(gap) or ITEM_TAIL_GAP.match(gap))


def _chain(text: str, counts: list[Quantity], k: int, step: int) -> list[Quantity]:
    """The counts joined as a list ("40 pickups, 10 coupes and 5 vans", "Labour 355, the Tories 198 and the
    Liberal Democrats 62") from counts[k] going by step."""
    out = [counts[k]]
    j = k + step
    while 0 <= j < len(counts) and len(out) < 8:
        a, b = (counts[j], out[-1]) if step < 0 else (out[-1], counts[j])
        if not _joined(text, a, b):
            break
        out.append(counts[j])
        j += step
    return sorted(out, key=lambda q: q.start)


def _list_beside(text: str, counts: list[Quantity], k: int) -> list[Quantity] | None:
    """The list right before the total counts[k] ("…, 10 coupes and 5 vans - 55 vehicles in all") or right
    after it ("a total of 55 vehicles: 40 pickups, …"), in its sentence; None if there is none."""
    t = counts[k]
    if k >= 2 and _LIST_THEN_TOTAL.fullmatch(text, counts[k - 1].end, t.start):
        chain = _chain(text, counts, k - 1, -1)
        if len(chain) >= 2:
            return chain
    if k + 2 < len(counts) and _TOTAL_THEN_LIST.fullmatch(text, t.end, counts[k + 1].start):
        chain = _chain(text, counts, k + 1, 1)
        if len(chain) >= 2:
            return chain
    return None


def sums_with_total_cue(art: Article) -> None:
    """A total marked by a total word and the list of counts it sums: in its sentence (checked, can be broken),
    else a list in the sentence before or after it that adds up to it within rounding."""
    text, taken = art.text, art.related(_TAKEN)
    counts_of = {
        s: [q for q in group if q.kind in _SUMMED and q.qualifier != "vague" and q.value > 0]
        for s, group in art.by_sentence.items()
    }
    for s, counts in counts_of.items():
        art.tick(6, counts[0].start if counts else 0)
        _parts_of_whom(art, text, counts, taken)
        for k, t in enumerate(counts):
            if t.id in taken or t.value < 2 or not _is_total(text, t):
                continue
            listed = _list_beside(text, counts, k)
            if listed is not None:
                _add_sum(art, listed, t, taken, strong=True)
                continue
            _list_next_door(art, text, t, counts_of.get(s - 1, []), counts_of.get(s + 1, []), taken)


def _list_next_door(art, text, t: Quantity, before: list[Quantity], after: list[Quantity], taken: set[int]) -> None:
    """A list of counts in the sentence before the total t (t's sentence pointing back: "That made 55 in all")
    or after it (opening that sentence, or pointed back to: "They were 40 pickups, …") that adds up to t within
    rounding."""
    back = bool(_POINTS_BACK.search(text, max(0, t.start - 80), t.start))
    for near in (before if back else [], after):
        for j in range(len(near)):
            if j and _joined(text, near[j - 1], near[j]):
                continue  # inside a list already tried
            chain = _chain(text, near, j, 1)
            if (
                len(chain) < 2
                or near is after
                # round 13: a list opening the next sentence, of t's nouns, needs no pointer back
                and (j or any(_words(q.unit) and not _words(q.unit) & _words(t.unit) for q in chain))
                and not _POINTS_BACK.search(text, max(0, chain[0].start - 80), chain[0].start)
            ):
                continue
            if _add_sum(art, chain, t, taken, strong=False):
                return


def _add_sum(art: Article, parts: list[Quantity], t: Quantity, taken: set[int], *, strong: bool) -> bool:
    """Reports parts summing to t (broken only when strong: list and total word in one sentence)."""
    if any(q.id in taken or q.value >= t.value or q.kind != t.kind for q in parts):
        return False
    if t.kind == "money" and any(_currency(q.unit) != _currency(t.unit) for q in parts):
        return False
    s_lo, s_hi = sum(_strict(q)[0] for q in parts), sum(_strict(q)[1] for q in parts)
    l_lo, l_hi = sum(_loose(q)[0] for q in parts), sum(_loose(q)[1] for q in parts)
    holds = _verdict((s_lo, s_hi), _strict(t), (l_lo, l_hi), _loose(t), _is_exact(*parts, t))
    if holds is False and not strong:
        return False
    total = sum(q.value for q in parts)
    tol = t.tolerance + sum(q.tolerance for q in parts)
    art.add(
        "sum",
        parts,
        t,
        holds,
        " + ".join(q.text for q in parts)
        + f" = {_fmt(total)}; the text gives {t.text} ({_fmt(t.value)}) in all, tolerance ±{_fmt(tol)}"
        + f"{', qualifiers read loosely' if (s_lo, s_hi) != (l_lo, l_hi) and tol == 0 else ''}: {_holds_text(holds)}",
    )
    taken.update(q.id for q in [*parts, t])
    return True


def _parts_of_whom(art: Article, text: str, counts: list[Quantity], taken: set[int]) -> None:
    """ "1,200 staff, of whom 300 are engineers": the count right after "of whom/of which" is part of the one
    right before it, whatever their nouns (the words say so, so a part larger than its whole is broken)."""
    for w, p in zip(counts, counts[1:], strict=False):
        if w.kind != "count" or p.kind != "count":
            continue
        if w.id in taken or p.id in taken or not _OF_WHOM.fullmatch(text, w.end, p.start):
            continue
        add_part_of(art.add, p, w, _loose(p)[0] <= max(_loose(w)[1], w.value + w.tolerance))
        taken.update((w.id, p.id))


_DEFINITE = re.compile(r"\b(?:the|all|all\s+the|its|their|these|those)\s+$", re.I)
# a group of people or things: "nine men", "law lords", "detainees"; not "28-year-old", "10 O'clock News"
_GROUP = re.compile(r"(?=[a-z])[a-z -]*(?:[a-rt-z]s|men|people|children|staff|police)")
_DEFINITE_REACH = 25  # sentences: "the nine men" is still the group "eight of the detainees" is drawn from


def parts_of_a_definite_whole(art: Article) -> None:
    """ "… vowed the nine men would remain in prison …" then "represents eight of the detainees": a bare count
    followed by "of the <plural noun>" (not linked yet) is part of the latest earlier count named
    as a definite group ("the nine men", "all 12 judges"), whatever its noun, up to _DEFINITE_REACH sentences
    back. Reported only when the part fits (the words do not say which group it is)."""
    text, taken = art.text, art.related(_TAKEN)
    figs, _sents, sent = art.figures()
    whole: Quantity | None = None
    for q in figs:
        if q.kind != "count" or q.qualifier is not None:
            continue
        if _GROUP.fullmatch(q.unit) and q.value >= 2 and _DEFINITE.search(text, max(0, q.start - 12), q.start):
            whole = q
            continue
        m = _OF_THE_NOUN.match(text, q.end)
        if whole is None or q.id in taken or _words(q.unit) or m is None or not _GROUP.fullmatch(m.group("noun")):
            continue  # "day two of the competition", "two of the most …": no group of things
        if sent(q) - sent(whole) <= _DEFINITE_REACH and 0 < q.value < whole.value:
            add_part_of(art.add, q, whole, True)


# "ruled by an eight to one majority", "voted by 12 votes to three": a vote split; "a panel of nine law lords",
# "the 15 judges": the body that voted. Everyone voting, the split adds up to the body.
_SPLIT_GAP = re.compile(r"\s+(?:votes?\s+)?to\s+", re.I)
_SPLIT_AFTER = re.compile(r"\s*(?:votes?\s+)?(?:majority|vote|verdict|decision|ruling|split)\b", re.I)
_VOTERS = re.compile(
    r"\b(?:(?:law\s+)?lords|judges|justices|jurors|members|mps|peers|senators|councillors|directors|ministers|"
    r"governors|commissioners|delegates|shareholders)$",
    re.I,
)
_BODY_BEFORE = re.compile(r"\b(?:panel|board|committee|jury|bench|court|council)\s+of\s+(?:the\s+)?$", re.I)


def vote_splits(art: Article) -> None:
    """A vote split "X to Y" (then "majority", "vote", "ruling") and the body that voted, the nearest count
    up to _DEFINITE_REACH sentences away named as voters ("nine law lords", "a panel of nine"): a sum
    reported when the split adds up to the body exactly (fewer may mean abstentions, so nothing is said)."""
    text, taken = art.text, art.related(_TAKEN)
    figs, _sents, sent = art.figures()
    counts = [q for q in figs if q.kind == "count" and q.qualifier is None]
    bodies = [q for q in counts if _VOTERS.search(q.unit) or _BODY_BEFORE.search(text, max(0, q.start - 25), q.start)]
    if not bodies:
        return
    starts = [b.start for b in bodies]
    for x, y in zip(counts, counts[1:], strict=False):
        if x.id in taken or y.id in taken or not _SPLIT_GAP.fullmatch(text, x.end, y.start):
            continue
        if not (_SPLIT_AFTER.match(text, y.end) or y.unit.lower().startswith(("majority", "vote"))):
            continue
        k = bisect.bisect_left(starts, x.start)  # the nearest body is one of the two around the split
        near = [b for b in bodies[max(0, k - 1) : k + 2] if b is not x and b is not y]
        near = [b for b in near if abs(sent(b) - sent(x)) <= _DEFINITE_REACH]
        body = min(near, key=lambda b: abs(b.start - x.start), default=None)
        if body is not None and x.value + y.value == body.value:
            art.add(
                "sum",
                [x, y],
                body,
                True,
                f"a vote of {x.text} to {y.text} = {_fmt(x.value + y.value)}; the text gives {body.text} "
                f"({_fmt(body.value)}) voting: consistent",
            )
