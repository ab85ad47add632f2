"""Comparisons: within one sentence ("550 …, up from 537", a stated difference), with the previous
sentence's figure ("This is lower than the 11.3% hoped for"), and records (which need outside
evidence, and are compared with a previous record the article gives)."""

from __future__ import annotations

import re

from ..types import Quantity
from .across_compared import _quote_flip
from .common import _PREVIOUS_RECORD, _QUALIFIER_CMP, ANAPHOR_SUBJECT, EARLIER_PERIOD, Article, _compatible, _fmt
from .lookups import _FirstCompatible

_CMP_GAP = re.compile(
    r"^(?:[^.;]|\.(?=\d)){0,80}?\b(?P<w>more|higher|greater|larger|bigger|up|fewer|less|lower|smaller|down|"
    r"faster|slower|stronger|weaker|cheaper|dearer)\s+"
    # round 11: any noun before "than" ("a higher bid than the $10bn"), a listed one before "from"/"on"
    r"(?:(?:(?:increase|rise|fall|drop|decline|gain|amount|figure|total|number|share|rate)\s+)?(?:than|from|on)|"
    r"(?:(?!(?:more|less|fewer|greater|rather|other|better|worse)\b)[a-z][\w-]*\s+){1,2}than)\s+"
    r"(?:(?:a|an|the|previous|last|year's|its|their|just|only|about|around|some|nearly|almost|[A-Z][\w-]*['’]s)\s+){0,3}"
    r"(?:record\s+(?:of\s+)?|(?:[\w'’-]+\s+){1,3}?(?:of|at)\s+)?$"  # "than forecasts of", "from a close of"
    r"|^(?:[^.;]|\.(?=\d)){0,60}?\b(?P<w2>above|below)\s+(?:the|its|their|[\w’']+['’]s)\s+"
    r"(?:(?!than\b|from\b|to\b)[\w’'-]+\s+){0,3}(?:of\s+(?:an?\s+|the\s+)?)?$"
    r"|^(?:[^.;]|\.(?=\d)){0,60}?\b(?P<w3>above|below)\s+$"
    # "The UK's 2.5% growth beat the eurozone's 1.8%", "£84m, well ahead of the £70m"
    # round 18: verbs that compare by themselves ("outnumbering the 6,902 who joined", "undercut X, whose …"), and
    # above/below a name ("just below Lidwell at £129.10")
    r"|^(?:[^.;]|\.(?=\d)){0,60}?\b(?P<w4>beat|beating|exceeded|exceeding|outpaced|outstripped|ahead\s+of|behind|"
    r"outnumber(?:ed|ing|s)?|overt(?:ook|aking|akes|ake)|outs(?:old|ells?|elling)|outspen(?:t|ds?|ding)|"
    r"outperform(?:ed|ing|s)?|undercut(?:s|ting)?|above|below|"
    r"trailed|trailing|surpassed|fell\s+short\s+of|short\s+of|(?:best|highest|strongest|biggest|largest|fastest|"
    r"worst|lowest|weakest|smallest|slowest)\s+(?:[\w'’-]+\s+){0,2}?since)\s+"
    r"(?:(?:the|its|their|an?)\s+|[\w’'-]+['’]s\s+)?(?:(?!than\b|from\b|to\b)[\w’'-]+\s+){0,2}$"
    # round 11: "grew 6%, faster than costs, which grew 3%": the other figure in a clause about the thing compared
    # round 18: up to three words before the comma ("£410m last year, more than its rival X, which took £436m")
    r"|^(?:\s+[\w'’-]+){0,3}\s*,\s*(?P<w5>more|higher|greater|larger|bigger|fewer|less|lower|smaller|faster|slower|stronger|"
    r"weaker)\s+than\s+"
    r"(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s*,\s*(?:which|that|where\s+it|where\s+they)\s+"
    r"(?:[a-z]+\s+){1,2}?(?:by\s+|at\s+|to\s+)?(?:just\s+|only\s+|about\s+|around\s+)?$"
    # round 18: a comparing verb before the rival and its own clause ("£2.9bn, overtaking X, which is worth £3.1bn")
    r"|^(?:\s+[\w'’-]+){0,3}\s*,\s*(?P<w6>overtaking|outselling|outstripping|beating|ahead\s+of|behind|trailing|"
    r"undercutting|outspending)\s+(?:the\s+|its\s+|their\s+)?(?:[\w'’&-]+\s+){0,3}?[\w'’-]+\s*,\s*"
    r"(?:which|that|who|whose)\s+(?:[a-z]+\s+){1,3}?(?:by\s+|at\s+|to\s+|of\s+)?(?:just\s+|only\s+|about\s+|around\s+)?$",
    re.I,
)
_UP_ADJECTIVES = ("faster", "stronger", "dearer")  # "grew 0.5%, slower than the 0.8% of the quarter before"
# "beat", "exceeded", … say "above"; these say "below" ("the best performance since an 8.5% rise": 8.5% was higher)
_W4_BELOW = re.compile(r"behind|trail|short|best|highest|strongest|biggest|largest|fastest|undercut|below", re.I)
_ANAPHORIC_CMP = re.compile(
    rf"{ANAPHOR_SUBJECT}\s+(?:is|was|would be|will be|remains|remained)\s+"
    r"(?:(?:much|far|slightly|significantly|well|still|even|also|considerably|substantially)\s+)?"
    r"(?P<w>lower|higher|less|more|smaller|bigger|larger|greater|below|above)\s+(?:than\s+)?(?:the\s+)?"
    # "That is above the projected eurozone average of just above 2%"
    r"(?:(?:[\w'’-]+\s+){1,4}?of\s+)?(?:just\s+)?(?:(?:above|below|over|under|about|around)\s+)?$"
    # "The figure was weaker than forecast - and fell short of the 0.8% rise in October"
    rf"|{ANAPHOR_SUBJECT}\s+[^.!?\d]{{0,50}}?\b(?P<v>fell\s+short\s+of|was\s+short\s+of|"
    r"exceeded|surpassed|beat|topped)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,2}?$"
)


def comparisons_in_sentence(art: Article) -> None:
    """Explicit comparisons: "550 …, up from 537", "more than the previous record of 4", and a stated
    difference "£35bn - £2.5bn less than the £37.5bn predicted"."""
    records = _FirstCompatible([q for q in art.numeric if q.qualifier == "record"])
    for _sent, group in art.by_sentence.items():
        art.tick(3, group[0].start)
        _compare_in_group(art.text, group, records, art.add)


_OWN_SUBJECT = re.compile(r",\s*(?:with|where|while|whereas)\b", re.I)


def _bare_beside(a: Quantity, b: Quantity) -> bool:
    """Round 18: one count with its noun and one bare count of ten or more, compared in words ("370 seats, finishing
    ahead of the Conservatives on 319"): the bare one counts the same thing."""
    return a.kind == b.kind == "count" and bool(a.unit) != bool(b.unit) and min(a.value, b.value) >= 10


def _compare_in_group(text, group, records, add) -> None:
    objects: set[int] = set()  # quantities that are the object of a comparison ("less than the 47.3%")
    for i, b in enumerate(group):
        for a in reversed(group[max(0, i - 3) : i]):
            if a.id in objects:
                continue
            m = _CMP_GAP.match(text[a.end : b.start])
            if not m:
                break
            w = (m.group("w") or m.group("w2") or m.group("w3") or m.group("w5") or "").lower()
            verb = next((g for g in ("w2", "w3", "w4") if m.group(g)), None)
            if m.group("w6"):
                w = "below" if _W4_BELOW.search(m.group("w6")) else "above"
            if verb and _OWN_SUBJECT.search(text, a.end, a.end + m.start(verb)):
                break  # round 15: "winds of 165 mph, with gusts exceeding 200 mph": the verb has its own subject
            if m.group("w4"):
                small = a.kind == b.kind == "count" and min(a.value, b.value) < 10  # "Doom 3 … Halo 2"
                if not (a.unit or b.unit) or "score" in (a.unit, b.unit) or small:
                    break  # "came from 15-6 down to beat France 24-18": scores, not two measures
                w = "below" if _W4_BELOW.search(m.group("w4")) else "above"
            gap_tail = text[a.end : b.start].rstrip().lower()
            if b.qualifier in _QUALIFIER_CMP and gap_tail.endswith((w + " than", w)):
                break  # "more than 25%" qualifies the figure itself; it compares nothing
            target = a
            if b.qualifier in _PREVIOUS_RECORD:
                rec = records.find(b)
                if rec is not None:
                    target = rec
            elif not _compatible(
                a, b, need_overlap=(a.kind == "count" or b.kind == "count") and not _bare_beside(a, b)
            ):
                continue  # "4.5% to $220bn - less than the 5.1%": the subject is the figure before
            flip = _quote_flip(text, target, b)  # "the rupee climbed to 43.3 per dollar, up from 43.4"
            if not flip:
                break
            objects.add(b.id)
            up = (w in ("more", "higher", "greater", "larger", "bigger", "up", "above", *_UP_ADJECTIVES)) == (flip > 0)
            k = next(j for j in range(max(0, i - 3), i) if group[j] is a)
            if _stated_difference(text, group[k - 1] if k > 0 else None, a, b, w, up, add):
                break
            ok = target.value > b.value if up else target.value < b.value
            add(
                "comparison",
                [target],
                b,
                bool(ok),
                f"{_fmt(target.value)} {'>' if up else '<'} {_fmt(b.value)} as the wording "
                f"“{w}” requires{' of the currency named (a rate quoted per the other)' if flip < 0 else ''}: "
                f"{'consistent' if ok else 'not consistent'}",
            )
            break


# round 13: the difference set after its figure by a dash or a comma, or by a verb "to be", the figure's rate
# ("a year") between ("The new bid of £1.5bn is £200m more than the £1.3bn offered": £200m is no figure compared
# with £1.3bn)
_DIFFERENCE_GAP = re.compile(
    r"^(?:\s+(?:a|an|per)\s+(?:year|month|week|day|hour|head|share|barrel|tonne))?\s*(?:[-–—(,]|,?\s*(?:which\s+|that\s+)?(?:is|was|are|were|would\s+be|will\s+be|has\s+been|had\s+been)"
    r"(?:\s+(?:about|around|some|nearly|almost|just|roughly))?)\s*$",
    re.I,
)


def _stated_difference(text, z, a, b, w, up, add) -> bool:
    """ "£35bn - £2.5bn less than the £37.5bn predicted", "£1.5bn is £200m more than the £1.3bn": z, then a the
    difference, b the other figure; a difference, not a comparison. Returns True when it is one (and adds it)."""
    if not (
        z is not None
        and w in ("more", "less", "fewer", "higher", "lower")
        and _DIFFERENCE_GAP.match(text[z.end : a.start])
        and _compatible(z, b, need_overlap=False)
        and _compatible(a, b, need_overlap=False)
    ):
        return False
    expected = b.value + a.value if up else b.value - a.value
    tol = a.tolerance + b.tolerance + z.tolerance
    holds = (
        True
        if abs(z.value - expected) < 1e-9 * max(1, abs(expected))
        else ("approximately" if abs(z.value - expected) <= tol else False)
    )
    add(
        "difference",
        [b, a],
        z,
        holds,
        f"{_fmt(b.value)} {'+' if up else '−'} {_fmt(a.value)} = {_fmt(expected)}; the text says {z.text}",
    )
    return True


def comparisons_back_one_sentence(art: Article) -> None:
    """ "… about 5.7% of the debts. This is lower than the 11.3% hoped for": the subject is the previous
    sentence's figure. Needs the statements' starts."""
    if not art.statement_starts:
        return
    text, by_sentence = art.text, art.by_sentence
    sentence_start: dict[int, int] = {}
    for st_index, sent in enumerate(art.sentence_of_statement):
        sentence_start.setdefault(sent, art.statement_starts[st_index])
    for sent, group in sorted(by_sentence.items()):
        b = group[0]
        art.tick(4, b.start)
        m = _ANAPHORIC_CMP.match(text, sentence_start.get(sent, b.start), b.start)
        prev = by_sentence.get(sent - 1)
        if not m or not prev or (b.qualifier in _QUALIFIER_CMP and m.group(0).rstrip().endswith("than")):
            continue
        a = next((q for q in reversed(prev) if _compatible(q, b, need_overlap=False)), None)
        if a is None:
            continue
        w = (m.group("w") or m.group("v")).lower()
        up = w in ("higher", "more", "greater", "larger", "bigger", "above", "exceeded", "surpassed", "beat", "topped")
        ok = a.value > b.value if up else a.value < b.value
        art.add(
            "comparison",
            [a],
            b,
            bool(ok),
            f"{_fmt(a.value)} {'>' if up else '<'} {_fmt(b.value)} as “{m.group(0).strip()}” requires: "
            + ("consistent" if ok else "not consistent"),
        )


def record_claims(art: Article) -> None:
    """A record needs outside evidence; it is compared with a previous record if the article gives one."""
    numeric, add, tick = art.numeric, art.add, art.tick
    bases = _FirstCompatible([b for b in numeric if b.qualifier in _PREVIOUS_RECORD])
    done_values = set()
    for k, q in enumerate(numeric):
        if q.qualifier != "record" or q.value in done_values:
            continue
        tick(5, q.start)
        done_values.add(q.value)
        base = bases.find(q)
        earlier = _record_baseline(art, k, q) if base is None else None
        if earlier is not None:
            _add_record_against_earlier(art.text, q, earlier, add)
        elif base is not None:
            ok = q.value > base.value
            add(
                "comparison",
                [q],
                base,
                bool(ok),
                f"the record {_fmt(q.value)} {'exceeds' if ok else 'does not exceed'} the previous record of "
                f"{_fmt(base.value)} given in the article",
            )
            add(
                "record",
                [q],
                base,
                None,
                f"“record {q.text}” needs outside evidence that no earlier value was higher; the article's own "
                f"baseline (previous record {_fmt(base.value)}) must be checked too",
            )
        else:
            add(
                "record",
                [q],
                None,
                None,
                f"“record {q.text}” needs outside evidence: the article gives no earlier figure to compare with",
            )


# "hit a record $412bn in the year to September and $377bn in the previous year": a figure of the record's
# measure named with an earlier period, in its sentence or the next.
_EARLIER_AFTER = re.compile(
    rf"[^.;!?\d]{{0,25}}?\b(?:{EARLIER_PERIOD}|last\s+year|(?P<y>in\s+(?:19|20)\d\d)|"
    r"(?:in\s+|during\s+|for\s+)?the\s+(?:previous|prior|preceding)\s+(?:year|month|quarter|period|season|12\s+months))\b",
    re.I,
)
# round 13: or named as the record it beat, in q's sentence or the next ("The previous high of $55.10 was set in
# October"); the quantities mark only the words "previous record"
_EARLIER_BEFORE = re.compile(
    r"\b(?:(?:up|down)\s+from|compared\s+(?:with|to)|(?:previous|former|old|last)\s+(?:record|high|peak|best|low)\s+"
    r"(?:of|was|had\s+been|stood\s+at|at)(?:\s+just)?)\s+(?:a\s+|an\s+|the\s+|about\s+|around\s+|some\s+)?$",
    re.I,
)


def _record_baseline(art: Article, k: int, q: Quantity) -> Quantity | None:
    """The figure of q's measure (not itself a record) that the text gives for an earlier period: the nearest
    of the next four figures in q's sentence or the next, else of the three before q in its sentence."""
    text, numeric = art.text, art.numeric
    if q.kind == "duration":
        return None  # a record time is the lowest one
    sent = art.figures()[2]
    for b in [*numeric[k + 1 : k + 5], *reversed(numeric[max(0, k - 3) : k])]:
        if not 0 <= sent(b) - sent(q) <= (1 if b.start > q.start else 0) or b.qualifier == "record":
            continue
        if not _compatible(q, b, need_overlap=False) or b.kind in ("date", "rank"):
            continue
        m = _EARLIER_AFTER.match(text, b.end)
        if (
            m
            and not (m.group("y") and b.start > q.start)
            or _EARLIER_BEFORE.search(text, max(0, b.start - 30), b.start)
        ):
            return b  # a year names an earlier period only for a figure before the record ("from 5% in 2003 to …")
    return None


def _add_record_against_earlier(text: str, q: Quantity, b: Quantity, add) -> None:
    """A record high exceeds (a record low is below) the figure of an earlier period the article gives."""
    low = "low" in text[max(0, q.start - 25) : q.end + 8].lower()
    ok = q.value < b.value if low else q.value > b.value
    add(
        "comparison",
        [q],
        b,
        bool(ok),
        f"the record {'low ' if low else ''}{q.text} ({_fmt(q.value)}) against {b.text} ({_fmt(b.value)}) of an "
        f"earlier period: {'consistent' if ok else ('it is not below it' if low else 'it does not exceed it')}",
    )
    add(
        "record",
        [q],
        b,
        None,
        f"“record {q.text}” needs outside evidence that no earlier value was {'lower' if low else 'higher'}; "
        f"the article's own earlier figure ({_fmt(b.value)}) is checked",
    )
