"""Comparisons: within one sentence ("550 …, up from 537", a stated difference), with the previous
sentence's figure ("This is lower than the 11.3% hoped for"), and records (which need outside
evidence, and are compared with a previous record the article gives)."""

from __future__ import annotations

import re

from .across_compared import _quote_flip
from .common import _PREVIOUS_RECORD, _QUALIFIER_CMP, Article, _compatible, _fmt
from .lookups import _FirstCompatible

_CMP_GAP = re.compile(
    r"^(?:[^.;]|\.(?=\d)){0,80}?\b(?P<w>more|higher|greater|larger|bigger|up|fewer|less|lower|smaller|down|"
    r"faster|slower|stronger|weaker|cheaper|dearer)\s+"
    r"(?:(?:increase|rise|fall|drop|decline|gain|amount|figure|total|number|share|rate)\s+)?(?:than|from|on)\s+"
    r"(?:(?:a|an|the|previous|last|year's|its|their|just|only|about|around|some|nearly|almost|[A-Z][\w-]*['’]s)\s+){0,3}"
    r"(?:record\s+(?:of\s+)?|(?:[\w'’-]+\s+){1,3}?(?:of|at)\s+)?$"  # "than forecasts of", "from a close of"
    r"|^(?:[^.;]|\.(?=\d)){0,60}?\b(?P<w2>above|below)\s+(?:the|its|their|[\w’']+['’]s)\s+"
    r"(?:(?!than\b|from\b|to\b)[\w’'-]+\s+){0,3}(?:of\s+(?:an?\s+|the\s+)?)?$"
    r"|^(?:[^.;]|\.(?=\d)){0,60}?\b(?P<w3>above|below)\s+$"
    # "The UK's 2.5% growth beat the eurozone's 1.8%", "£84m, well ahead of the £70m"
    r"|^(?:[^.;]|\.(?=\d)){0,60}?\b(?P<w4>beat|beating|exceeded|exceeding|outpaced|outstripped|ahead\s+of|behind|"
    r"trailed|trailing|surpassed|fell\s+short\s+of|short\s+of|(?:best|highest|strongest|biggest|largest|fastest|"
    r"worst|lowest|weakest|smallest|slowest)\s+(?:[\w'’-]+\s+){0,2}?since)\s+"
    r"(?:(?:the|its|their|an?)\s+|[\w’'-]+['’]s\s+)?(?:(?!than\b|from\b|to\b)[\w’'-]+\s+){0,2}$",
    re.I,
)
_UP_ADJECTIVES = ("faster", "stronger", "dearer")  # "grew 0.5%, slower than the 0.8% of the quarter before"
# "beat", "exceeded", … say "above"; these say "below" ("the best performance since an 8.5% rise": 8.5% was higher)
_W4_BELOW = re.compile(r"behind|trail|short|best|highest|strongest|biggest|largest|fastest", re.I)
_ANAPHORIC_CMP = re.compile(
    r"(?:This|That|It|The figure|The rate|The total)\s+(?:is|was|would be|will be|remains|remained)\s+"
    r"(?:(?:much|far|slightly|significantly|well|still|even|also|considerably|substantially)\s+)?"
    r"(?P<w>lower|higher|less|more|smaller|bigger|larger|greater|below|above)\s+(?:than\s+)?(?:the\s+)?"
    # "That is above the projected eurozone average of just above 2%"
    r"(?:(?:[\w'’-]+\s+){1,4}?of\s+)?(?:just\s+)?(?:(?:above|below|over|under|about|around)\s+)?$"
    # "The figure was weaker than forecast - and fell short of the 0.8% rise in October"
    r"|(?:This|That|It|The figure|The rate|The total)\s+[^.!?\d]{0,50}?\b(?P<v>fell\s+short\s+of|was\s+short\s+of|"
    r"exceeded|surpassed|beat|topped)\s+(?:the\s+|an?\s+)?(?:[\w'’-]+\s+){0,2}?$"
)


def comparisons_in_sentence(art: Article) -> None:
    """Explicit comparisons: "550 …, up from 537", "more than the previous record of 4", and a stated
    difference "£35bn - £2.5bn less than the £37.5bn predicted"."""
    records = _FirstCompatible([q for q in art.numeric if q.qualifier == "record"])
    for _sent, group in art.by_sentence.items():
        art.tick(3, group[0].start)
        _compare_in_group(art.text, group, records, art.add)


def _compare_in_group(text, group, records, add) -> None:
    objects: set[int] = set()  # quantities that are the object of a comparison ("less than the 47.3%")
    for i, b in enumerate(group):
        for a in reversed(group[max(0, i - 3) : i]):
            if a.id in objects:
                continue
            m = _CMP_GAP.match(text[a.end : b.start])
            if not m:
                break
            w = (m.group("w") or m.group("w2") or m.group("w3") or "").lower()
            if m.group("w4"):
                if not (a.unit and b.unit) or "score" in (a.unit, b.unit):
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
            elif not _compatible(a, b, need_overlap=a.kind == "count" or b.kind == "count"):
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


def _stated_difference(text, z, a, b, w, up, add) -> bool:
    """ "£35bn - £2.5bn less than the £37.5bn predicted": z, then a the difference, b the other figure;
    a difference, not a comparison. Returns True when it is one (and adds it)."""
    if not (
        z is not None
        and w in ("more", "less", "fewer", "higher", "lower")
        and re.match(r"^\s*[-–—(,]\s*$", text[z.end : a.start])
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
    for q in numeric:
        if q.qualifier != "record" or q.value in done_values:
            continue
        tick(5, q.start)
        done_values.add(q.value)
        base = bases.find(q)
        if base is not None:
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
