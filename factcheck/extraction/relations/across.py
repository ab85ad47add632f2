"""Across sentences (issue 12): candidate generation plus scoring. across_sentences() generates, for
each figure y, the candidates around it (Near); each function of FIGURE_RULES scores one kind of
relation for y from the wording around the figures and the arithmetic, and reports it. A new rule
across sentences is one more function of a Near in FIGURE_RULES."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .. import work
from ..types import Quantity
from .across_changes import (
    _DIRECTION_TO,
    DIRECTION_WINDOW,
    _add_change,
    _add_pct_change,
    _add_ratio,
    _rule_change_pair,
    _rule_from_to,
    _rule_ratio_word,
    _rule_since_when,
    _rule_stated_pct,
)
from .across_compared import (
    _add_compared,
    _add_expectation,
    _rule_compared_with,
    _rule_expectation,
    _rule_further_baseline,
)
from .across_parts import (
    _OF_BEFORE,
    _add_part,
    _add_share,
    _add_sum,
    _rule_added_to_total,
    _rule_another,
    _rule_balance,
    _rule_of_the_noun,
    _rule_of_the_whole,
    _rule_out_of_total,
    _rule_part_anaphor,
    _rule_parts_sum,
    _rule_share_apposition,
    _rule_share_of_part,
    _rule_share_of_that,
    _rule_share_of_whole_elsewhere,
    _rule_total_parts,
)
from .common import (
    _ANY_WORD,
    _LEAD_FIGURES,
    _PART_GAP,
    _SENTENCE_STOP,
    _STOP,
    _WINDOW,
    ANAPHOR_SUBJECT,
    Article,
    _fmt,
    _same_measure,
    _tolerance_note,
)
from .restatement import _rule_apposition, _rule_apposition_break, _rule_similar

# ---------------------------------------------------------------------------------------------------
# Across sentences (issue 12): candidates are pairs of compatible figures within a window of the
# article (the last _WINDOW figures, at most _SENT_WINDOW sentences back) and between the headline or
# lead and the body; one small rule function per kind scores the wording around the two figures and the
# arithmetic. A relation is reported only when the wording asserts it (score ≥ _REPORT); it is broken
# only when that wording is strong and the numbers miss beyond rounding and qualifiers.

_SENT_WINDOW = 3
_REPORT = 0.5


@dataclass(slots=True)
class Near:
    """A figure y (in sentence sy) and its candidates: window, the last _WINDOW figures at most
    _SENT_WINDOW sentences back; ahead, the next three in its sentence or the next; earlier, the headline
    and lead figures before the window, then the window; following, the next eight figures; recent_pcts,
    the last _WINDOW percentages and fractions before y. lead_end: where the headline and lead end."""

    text: str
    y: Quantity
    sy: int
    window: list[Quantity]
    ahead: list[Quantity]
    earlier: list[Quantity]
    following: list[Quantity]
    recent_pcts: list[Quantity]
    lead_end: int
    sent: Callable[[Quantity], int]
    add: Callable[..., None]


def across_sentences(art: Article) -> None:
    """Each figure against the last _WINDOW figures (at most _SENT_WINDOW sentences back), the next
    three figures of its sentence or the next, and the headline and lead figures. Work per figure is
    bounded by those constants, so the rule is linear."""
    text = art.text
    figs, sents, sent = art.figures()
    w = work.current()
    if w is not None:
        w.add("relations", (8 * _WINDOW + 4 * _LEAD_FIGURES) * len(figs))
    lead = [q for q in figs if sent(q) <= 2][:_LEAD_FIGURES]
    lead_end = min(len(text), 400)  # headline and lead, where "failed to meet expectations" is said
    recent_pcts: list[Quantity] = []  # the last _WINDOW percentages and fractions before y
    for i, y in enumerate(figs):
        art.tick(6, y.start)
        if i and figs[i - 1].kind == "percent":
            recent_pcts = [*recent_pcts[-_WINDOW + 1 :], figs[i - 1]]
        if not _ANY_WORD.search(text, max(0, y.start - 60), y.start):
            continue  # no word before y ("12 12 12 …", a table): every rule needs a cue word
        sy = sents[i]
        lo = max(0, i - _WINDOW)
        window = [figs[k] for k in range(lo, i) if sents[k] >= sy - _SENT_WINDOW]
        ahead = [figs[k] for k in range(i + 1, min(len(figs), i + 4)) if sents[k] <= sy + 1]
        first = window[0].start if window else y.start
        earlier = [q for q in lead if q.start < first] + window
        near = Near(text, y, sy, window, ahead, earlier, figs[i + 1 : i + 9], recent_pcts, lead_end, sent, art.add)
        for rule in FIGURE_RULES:
            rule(near)


_COMPARES_TO = re.compile(r"\bcompar(?:e|es|ed|ing)\s+to\s+(?:the\s+|a\s+|an\s+)?$", re.I)


def change_to_y(n: Near) -> None:
    """y as the new figure of a change: an explicit "from x to y" first, else a direction "to y" with a
    baseline x in its sentence (nearest first) or across sentences; a stated % then makes it a
    percentage change."""
    text, y, sent, add = n.text, n.y, n.sent, n.add
    explicit = next(((x, d) for x in reversed(n.window[-3:]) if (d := _rule_from_to(text, x, y))), None)
    if explicit is not None:
        _add_change(text, explicit[0], y, explicit[1], add)
    near_y = text[max(0, y.start - 12) : y.start]
    to_near = "to " in near_y or "at " in near_y  # a cheap test before the pattern
    # round 15: "That compares to 9% currently paid by …": "to" of a comparison, not the level a move reached
    to_near = to_near and not _COMPARES_TO.search(near_y)
    to_cue = (
        _DIRECTION_TO.search(text, max(0, y.start - DIRECTION_WINDOW), y.start)
        if explicit is None and to_near
        else None
    )
    near = [q for q in [*reversed(n.window), *n.ahead] if sent(q) == n.sy] if to_cue else []
    far = [q for q in [*reversed(n.window), *n.ahead] if sent(q) != n.sy] if to_cue else []
    for x in near + far:
        if sent(x) != n.sy and _baseline_of_another(n, x):
            continue
        found = _rule_change_pair(text, x, y, to_cue)
        if found:
            pct = _rule_stated_pct(text, x, y, found[1], [q for q in n.earlier if q.kind == "percent"], sent)
            if pct is None or sent(pct) != sent(y):
                _add_change(text, x, y, found[1], add)
            if pct is not None and x.value and x.kind != "percent":
                _add_pct_change(x, y, pct, found[1], add)
            break


def _baseline_of_another(n: Near, x: Quantity) -> bool:
    """Round 13: x, in another sentence, names the old level of another figure of y's sentence reached the same
    way ("Sales rose to £40m and costs rose £2m to £30m. A year earlier sales had been £38m"): one that shares
    more words with x than y does."""
    text, y = n.text, n.y
    ctx = _clause_words(text, x)
    mine = len(ctx & _clause_words(text, y))
    return any(
        len(ctx & _clause_words(text, r)) > mine
        for r in [*n.window, *n.ahead]
        if r is not y
        and n.sent(r) == n.sy
        and _same_measure(r, y)
        and _DIRECTION_TO.search(text, max(0, r.start - DIRECTION_WINDOW), r.start)
    )


_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|but|while|whereas)\b", re.I)


def _clause_words(text: str, q: Quantity) -> set[str]:
    """The words of q's clause before q (from the last comma, "and", "but", "while" of its sentence)."""
    left = _CLAUSE_BREAK.split(_SENTENCE_STOP.split(text[max(0, q.start - 80) : q.start])[-1])[-1]
    return {w.rstrip("s") for w in re.findall(r"[a-z][a-z'’-]{2,}", left.lower())} - _STOP


def y_as_part(n: Near) -> None:
    """y as a part: of an anaphoric whole ("of those", "Of that,"), out of a stated total, or of the next
    figure ("72 of the 550", already checked by part_of_in_sentence); then a share stated elsewhere."""
    text, y, window, ahead, sent = n.text, n.y, n.window, n.ahead, n.sent
    nxt = ahead[0] if ahead and sent(ahead[0]) == sent(y) else None
    of_next = nxt is not None and bool(_PART_GAP.match(text[y.end : nxt.start]))  # "120 of the 900": stated
    whole = _rule_part_anaphor(text, y, window, sent)
    if whole is None and not of_next and not _OF_BEFORE.search(text, max(0, y.start - 14), y.start):
        whole = _rule_of_the_whole(text, y, window, sent)
    if whole is None and not of_next:
        whole = _rule_of_the_noun(text, y, window, sent)
    if (
        whole is None
        and nxt is not None
        and (_rule_out_of_total(text, y, nxt) or _PART_GAP.match(text[y.end : nxt.start]))
    ):
        whole = nxt
    if whole is not None:
        if whole is not nxt or not _PART_GAP.match(text[y.end : nxt.start]):
            _add_part(y, whole, n.add)
        share = _rule_share_of_part(text, y, whole, n.recent_pcts + [q for q in ahead if q.kind == "percent"], sent)
        if share is not None:
            _add_share(y, whole, share[0], False, n.add)


def y_restates_previous(n: Near) -> None:
    """y restating the figure just before it: "nearly half - some 47%"."""
    if n.window and n.sent(n.window[-1]) == n.sy and _rule_apposition(n.text, n.window[-1], n.y):
        a = n.window[-1]
        n.add(
            "restatement",
            [a],
            n.y,
            "approximately",
            f"{a.text} is restated as {n.y.text}, within the bounds of “{a.qualifier or 'about'} {a.text}”",
        )
    elif n.window and n.sent(n.window[-1]) == n.sy and _rule_apposition_break(n.text, n.window[-1], n.y):
        a = n.window[-1]
        n.add(
            "restatement",
            [a],
            n.y,
            False,
            f"{a.text} ({_fmt(a.value)}) is restated right after as {n.y.text} ({_fmt(n.y.value)}), outside the "
            f"bounds of “{a.qualifier or 'about'} {a.text}”{_tolerance_note(a, n.y)}",
        )


def y_expected(n: Near) -> None:
    """y an expectation another figure beat or missed: "analysts had expected 34 cents"."""
    expected = _rule_expectation(n.text, n.y, n.earlier + [q for q in n.ahead if n.sent(q) == n.sy], n.lead_end)
    if expected is not None:
        _add_expectation(expected[0], n.y, expected[1], n.add)


def y_by_ratio_word(n: Near) -> None:
    """y reached by "doubling" / "halving" an earlier figure."""
    ratio = _rule_ratio_word(n.text, n.y, n.window, n.sent)
    if ratio is not None:
        _add_ratio(ratio[0], n.y, ratio[1], ratio[2], n.add)


def y_total_then_parts(n: Near) -> None:
    """y a total announced as such, its parts listed after it."""
    parts = _rule_total_parts(n.text, n.y, n.following, n.sent)
    if parts:
        _add_sum(parts, n.y, n.add)


def y_ends_parts_that_add_up(n: Near) -> None:
    """y the last of figures that add up to a figure nearby."""
    listed = _rule_parts_sum(n.text, n.y, n.window, n.earlier + n.ahead, n.sent)
    if listed is not None:
        _add_sum(*listed, n.add, unless_linked=True)  # "£35bn - £2.5bn less than the £37.5bn" is a difference


def y_compared_with(n: Near) -> None:
    """y named as the baseline of another figure: "compared with y", "up from y"."""
    compared = _rule_compared_with(n.text, n.y, n.window, n.ahead, n.sent)
    if compared is not None:
        _add_compared(n.text, *compared, n.earlier, n.sent, n.add)
        further = _rule_further_baseline(n.text, n.y, n.ahead, n.sent)
        if further is not None:  # "up from 0.3% in 2003 and 0.4% in 2002"
            _add_compared(n.text, compared[0], further, n.earlier, n.sent, n.add)


def y_with_another(n: Near) -> None:
    """ "1bn euros immediately, with another 550m (y) to follow" adding up to an earlier figure."""
    for x in reversed(n.window[-3:]):
        if n.sent(x) == n.sent(n.y):
            total = _rule_another(n.text, x, n.y, n.earlier)
            if total is not None:
                _add_sum([x, n.y], total, n.add)
                break


_SHARE_OPENER = re.compile(
    rf"(?:^|[.!?]\s+|\n)\s*{ANAPHOR_SUBJECT}\s+(?:is|was|represents|represented|accounts\s+for|accounted\s+for|"
    r"amounts\s+to|amounted\s+to|makes\s+up|made\s+up)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+|"
    r"just\s+|more\s+than\s+|less\s+than\s+|over\s+|under\s+)?$"
)
_SHARE_OF = re.compile(r"\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|all\s+)?(?:[\w'’-]+\s+){0,3}?$", re.I)


def y_share_of_anaphor(n: Near) -> None:
    """ "… received more than £5m. This is nearly half of the £11.7m received by 16 parties": y a share
    (% or fraction) opening its sentence after "This is", of the next figure w; the part is the previous
    sentence's last figure of w's measure. The words assert it, so a share that does not fit is broken."""
    y, text = n.y, n.text
    if (
        y.kind != "percent"
        or y.unit not in ("%", "fraction")
        or not _SHARE_OPENER.search(text, max(0, y.start - 40), y.start)
    ):
        return
    whole = next((w for w in n.ahead if n.sent(w) == n.sy and _SHARE_OF.fullmatch(text, y.end, w.start)), None)
    if whole is None or whole.kind == "percent":
        return
    part = next((q for q in reversed(n.window) if n.sent(q) == n.sy - 1 and _same_measure(q, whole)), None)
    if part is not None:
        _add_share(part, whole, y, True, n.add)


def y_share_of_that(n: Near) -> None:
    """ "The fund holds £9bn. About a third of that (y), £3bn, is in shares": y a share of an anaphoric whole."""
    found = _rule_share_of_that(n.text, n.y, n.window, n.ahead, n.sent)
    if found is not None:
        _add_share(found[0], found[1], n.y, found[2], n.add)


def y_share_of_whole_elsewhere(n: Near) -> None:
    """ "axing 90 journalist jobs - 17% of their editorial staff" … "employ 521 journalists": y the share, the
    part right before it, the whole a figure of the part's kind in another sentence. Reported when the share
    fits, or, when that whole is the only candidate, as broken when it does not."""
    part = n.window[-1] if n.window and n.sent(n.window[-1]) == n.sy else None
    found = _rule_share_of_whole_elsewhere(n.text, n.y, part, [*n.window, *n.following], n.sent)
    if found is not None and part is not None:
        _add_share(part, found[0], n.y, found[1], n.add)


def y_share_in_apposition(n: Near) -> None:
    """ "1.2 million people, or 20% (y) of the workforce of 6 million": y the share of the figure after "of the",
    the part set beside it. The words assert it, so a share that does not fit is broken."""
    before = n.window[-1] if n.window else None
    found = _rule_share_apposition(n.text, n.y, before, n.ahead, n.sent)
    if found is not None:
        _add_share(found[0], found[1], n.y, True, n.add)


def y_total_after_addition(n: Near) -> None:
    """ "157,000 jobs were added. That took the year's total to 2.2 million (y)": the figure added is part of y."""
    part = _rule_added_to_total(n.text, n.y, n.window, n.sent)
    if part is not None:
        _add_part(part, n.y, n.add)


def y_similar_to_earlier(n: Near) -> None:
    """ "a similar sum - around 30bn baht (y)": y restates the earlier figure within 15%."""
    found = _rule_similar(n.text, n.y, n.window, n.sent)
    if found is not None:
        x, ok = found
        n.add(
            "restatement",
            [x],
            n.y,
            "approximately" if ok else False,
            f"{n.y.text} ({_fmt(n.y.value)}) is called similar to {x.text} ({_fmt(x.value)}): "
            + ("within 15%" if ok else "they differ by more than 15%"),
        )


def y_since_when(n: Near) -> None:
    """ "The dollar has weakened sharply since September, when it traded about $1.20 (y)": y is the old level
    of the latest figure of its measure."""
    found = _rule_since_when(n.text, n.y, n.window, n.sent)
    if found is not None:
        _add_change(n.text, n.y, found[0], found[1], n.add)


def y_survey_balance(n: Near) -> None:
    """ "30% saw orders rise and 27% saw them fall. The balance of plus 3 (y)": up − down = the balance."""
    found = _rule_balance(n.text, n.y, n.window, n.sent)
    if found is None:
        return
    up, down, stated = found
    diff = up.value - down.value
    ok = abs(diff - stated) <= up.tolerance + down.tolerance + n.y.tolerance + 1e-9
    n.add(
        "sum",
        [down, n.y],
        up,
        (True if diff == stated else "approximately") if ok else False,
        f"{up.text} − {down.text} = {_fmt(diff)}; the text gives a balance of {_fmt(stated)}: "
        + ("consistent" if ok else "inconsistent"),
    )


# The rules for one figure, in the order they report (a relation already reported is not reported again).
FIGURE_RULES: tuple[Callable[[Near], None], ...] = (
    change_to_y,
    y_as_part,
    y_restates_previous,
    y_expected,
    y_by_ratio_word,
    y_total_then_parts,
    y_ends_parts_that_add_up,
    y_compared_with,
    y_with_another,
    y_share_of_anaphor,
    y_share_of_that,
    y_share_of_whole_elsewhere,
    y_share_in_apposition,
    y_total_after_addition,
    y_similar_to_earlier,
    y_since_when,
    y_survey_balance,
)
