"""Arithmetic and comparative relations between the quantities of one article, with a verdict.

holds: True (exact), "approximately" (equal within the stated qualifiers or rounding), False, or
None (needs outside evidence, e.g. a record's baseline). Each relation has a one-line explanation.
"""

from __future__ import annotations

import bisect
import functools
import math
import re

from . import work
from .numbers import tidy
from .types import Quantity, Relation

INF = math.inf
_PART_GAP = re.compile(r"^\s+(?:of|out of)\s+(?:the\s+|its\s+|their\s+|all\s+|a total of\s+)?$", re.I)
_SUM_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|plus\s+)?|and\s+|plus\s+|as well as\s+)$", re.I)
_TO_GAP = re.compile(
    r"^(?:\s+(?:(?:at|in|by|on|for)\s+[\w\s'’-]{0,30}?|last\s+\w+|a\s+year\s+(?:earlier|ago)|the\s+previous\s+\w+))?"
    r"\s+to\s+"
    r"(?:a\s+record\s+|a\s+|an\s+|more than\s+|over\s+|about\s+|around\s+|almost\s+|nearly\s+|just\s+)?$",
    re.I,
)
_TIMES_CMP = re.compile(
    r"\s+(?:more|less|fewer|bigger|larger|higher|greater|smaller|cheaper|faster|"
    r"as\s+(?:many|much|big|large|high|likely|fast|long|expensive)|the\s+(?:size|number|amount|level|rate))\b",
    re.I,
)
_QUALIFIER_CMP = {"more than", "less than", "fewer than", "over", "under", "above", "below", "greater than"}
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:a\s+|an\s+|the\s+)?$", re.I)
_FROM_GAP = re.compile(
    r"^(?:[^.;]|\.(?=\d)){0,40}?\b(?:from|on|compared with|compared to|against)\s+"
    r"(?:a\s+|an\s+|the\s+|its\s+|their\s+)?(?:(?:previous|prior|last|same|year|month|quarter|period)(?:'s|’s)?\s+){0,3}$",
    re.I,
)
_UP = re.compile(
    r"\b(?:rose|rise|rising|risen|up|increased?|increasing|grew|grown|climbed|extend\w*|deepen\w*|widen\w*|expand\w*|swell\w*|swollen|raised?|boost\w*|lift\w*|jumped|surged|soared|gained|higher|more|boosted|doubled|tripled|trebled|quadrupled)\b",
    re.I,
)
_DOWN = re.compile(
    r"\b(?:fell|fall|falling|fallen|down|decreased?|decreasing|dropped|drop|declined?|slipped|plummet\w*|tumbled|sank|plunged|slumped|lower|less|fewer|cut|cuts|reduce|reduced|reduces|shrank|shrunk|halved|lost)\b",
    re.I,
)
_RATIO_WORDS = {"doubled": 2, "doubling": 2, "tripled": 3, "trebled": 3, "tripling": 3, "quadrupled": 4, "halved": 0.5}
_RATIO = re.compile(r"\b(doubled|doubling|tripled|trebled|tripling|quadrupled|halved)\b", re.I)
_CMP_GAP = re.compile(
    r"^(?:[^.;]|\.(?=\d)){0,80}?\b(?P<w>more|higher|greater|larger|bigger|up|fewer|less|lower|smaller|down)\s+"
    r"(?:(?:increase|rise|fall|drop|decline|gain|amount|figure|total|number|share|rate)\s+)?(?:than|from|on)\s+"
    r"(?:(?:a|an|the|previous|last|year's|its|their)\s+){0,3}(?:record\s+(?:of\s+)?)?$"
    r"|^(?:[^.;]|\.(?=\d)){0,60}?\b(?P<w2>above|below)\s+(?:the|its|their|[\w’']+['’]s)\s+"
    r"(?:(?!than\b|from\b|to\b)[\w’'-]+\s+){0,3}(?:of\s+(?:an?\s+|the\s+)?)?$"
    r"|^(?:[^.;]|\.(?=\d)){0,60}?\b(?P<w3>above|below)\s+$",
    re.I,
)
_MAX_PER_SENTENCE = 60
_ANAPHORIC_CMP = re.compile(
    r"(?:This|That|It|The figure|The rate|The total)\s+(?:is|was|would be|will be)\s+"
    r"(?:(?:much|far|slightly|significantly|well|still|even|also|considerably|substantially)\s+)?"
    r"(?P<w>lower|higher|less|more|smaller|bigger|larger|greater|below|above)\s+(?:than\s+)?(?:the\s+)?$"
)
_PREVIOUS_RECORD = {"previous record", "a previous record", "the previous record"}
_COUNTABLE = {"count", "money", "percent", "duration", "other"}


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


@functools.lru_cache(maxsize=4096)
def _words(unit: str) -> frozenset[str]:
    out = set()
    for w in unit.lower().replace("-", " ").split():
        if w in ("and", "of", "the"):
            continue
        out.add(w[:-1] if w.endswith("s") and not w.endswith("ss") else w)
    return frozenset(out)


def _compatible(a: Quantity, b: Quantity, *, need_overlap: bool) -> bool:
    if a.kind != b.kind:
        if {a.kind, b.kind} <= {"count", "other"}:
            pass
        else:
            return False
    if a.kind == "money":
        return a.unit == b.unit
    if a.kind == "percent":
        return a.unit == b.unit
    wa, wb = _words(a.unit), _words(b.unit)
    if not wa or not wb:
        return not need_overlap
    return bool(wa & wb)


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


def inherit_units(text: str, qs: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """ "72 of the 550 drones": 72 counts drones too. Returns the (part, whole) pairs."""
    pairs = []
    for a, b in zip(qs, qs[1:], strict=False):
        gap = text[a.end : b.start]
        if a.kind in ("count", "other") and b.kind in ("count", "other") and _PART_GAP.match(gap):
            if "vague" in (a.qualifier, b.qualifier) or (a.unit and not b.unit and gap.strip().lower() == "of"):
                continue  # "hundreds of millions", "two groups of four"
            if not a.unit and b.unit:
                a.unit = b.unit
                a.kind = "count"
            pairs.append((a, b))
    return pairs


PHASES = 7  # progress(phase, pos) comes with phase in range(PHASES), pos a text offset


def find(
    text: str,
    qs: list[Quantity],
    sentence_of_statement: list[int],
    statement_starts: list[int] | None = None,
    progress=None,
) -> list[Relation]:
    """Relations between the quantities qs (in text order) of one article.

    Linear in the number of quantities: within-sentence rules look at a bounded neighbourhood of a
    figure (and skip a "sentence" with more than 60 figures), and the article-wide lookups (the total
    a sum is checked against, a record's baseline) are bisects and dictionary lookups, not scans.
    progress(phase, pos), if given, is called as the phases go through the text.
    """
    rels: list[Relation] = []
    seen: set[tuple] = set()

    linked: set[frozenset] = set()

    def add(kind, operands, result, holds, explanation, *, unless_linked=False):
        key = (kind, tuple(o.id for o in operands), result.id if result else None)
        ids = frozenset([*key[1], *([key[2]] if result else [])])
        if key in seen or unless_linked and ids in linked:
            return
        seen.add(key)
        linked.add(ids)
        stmts = sorted({q.statement for q in [*operands, *([result] if result else [])] if q.statement >= 0})
        rels.append(Relation(kind, [o.id for o in operands], result.id if result else None, holds, explanation, stmts))

    numeric = [q for q in qs if q.kind in _COUNTABLE]
    by_sentence: dict[int, list[Quantity]] = {}
    for q in numeric:
        by_sentence.setdefault(_sentence_of(q, sentence_of_statement), []).append(q)
    # A "sentence" with hundreds of figures is a pasted table, not prose: no within-sentence rules there.
    by_sentence = {k: v for k, v in by_sentence.items() if len(v) <= _MAX_PER_SENTENCE}
    numeric = [q for v in by_sentence.values() for q in v] if len(numeric) > _MAX_PER_SENTENCE else numeric
    tick = progress or _no_progress
    w = work.current()
    if w is not None:
        w.add("relations", 200 * len(qs) + len(sentence_of_statement))
    _part_of_phase(text, numeric, by_sentence, sentence_of_statement, add, tick)
    _sum_phase(text, numeric, by_sentence, add, tick)
    _change_phase(text, by_sentence, add, tick)
    records = _FirstCompatible([q for q in numeric if q.qualifier == "record"])
    _comparison_phase(text, by_sentence, records, add, tick)
    if statement_starts:
        _anaphoric_phase(text, by_sentence, sentence_of_statement, statement_starts, add, tick)
    _record_phase(numeric, add, tick)
    _article_phase(text, numeric, sentence_of_statement, add, tick)
    return rels


def _no_progress(phase: int, pos: int) -> None:
    return None


def _part_of_phase(text, numeric, by_sentence, sentence_of_statement, add, tick) -> None:
    # part of a whole: "72 of the 550 drones"
    parts = inherit_units(text, numeric)
    for a, b in parts:
        tick(0, a.start)
        ok = _verdict(
            (_strict(a)[0], _strict(a)[0]),
            (-INF, _strict(b)[1]),
            (_loose(a)[0], _loose(a)[0]),
            (-INF, _loose(b)[1]),
            True,
        )
        holds = bool(ok)
        add(
            "part_of",
            [a],
            b,
            holds,
            f"{a.text} is part of {b.text}: {_fmt(a.value)} {'≤' if holds else '>'} {_fmt(b.value)}"
            + ("" if holds else ", so the part is larger than the whole"),
        )
        # percentage stated alongside: "72 of the 550 (13%)": the nearest percentage in the sentence
        pcts = [
            p
            for p in by_sentence.get(_sentence_of(a, sentence_of_statement), [])
            if p.kind == "percent" and p.unit == "%"
        ]
        pcts = sorted(pcts, key=lambda p: min(abs(p.start - a.start), abs(p.start - b.end)))[:1]
        for p in pcts:
            if b.value:
                computed = 100.0 * a.value / b.value
                lo = 100.0 * (a.value - a.tolerance) / (b.value + b.tolerance)
                hi = 100.0 * (a.value + a.tolerance) / max(b.value - b.tolerance, 1e-9)
                holds = _verdict((computed, computed), _strict(p), (lo, hi), _loose(p), _is_exact(a, b, p))
                add(
                    "percentage",
                    [a, b],
                    p,
                    holds,
                    f"{_fmt(a.value)} of {_fmt(b.value)} is {computed:.1f}%; the text says {p.text}",
                )


def _sum_phase(text, numeric, by_sentence, add, tick) -> None:
    # sums: "over 63 drones and nine missiles" against a total given elsewhere
    counts_by_unit: dict[str, list[tuple[float, int, Quantity]]] = {}
    for r in numeric:
        if r.kind == "count":
            for w in _words(r.unit):
                counts_by_unit.setdefault(w, []).append((r.value, r.id, r))
    for lst in counts_by_unit.values():
        lst.sort(key=lambda t: (t[0], t[1]))
    for _sent, group in by_sentence.items():
        tick(1, group[0].start)
        for chain in _sum_chains(text, group):
            _check_sum(text, chain, counts_by_unit, add)


def _sum_chains(text, group) -> list[list[Quantity]]:
    """Runs of counts joined by "and", ",", "plus" within a sentence."""
    chains: list[list[Quantity]] = []
    for q in group:
        if q.kind != "count":
            continue
        if (
            chains
            and chains[-1][-1].kind == "count"
            and _SUM_GAP.match(text[chains[-1][-1].end : q.start])
            and not _PART_GAP.match(text[chains[-1][-1].end : q.start])
        ):
            chains[-1].append(q)
        else:
            chains.append([q])
    return [c for c in chains if len(c) >= 2]


def _check_sum(text, chain, counts_by_unit, add) -> None:
    s_lo = sum(_strict(q)[0] for q in chain)
    s_hi = sum(_strict(q)[1] for q in chain)
    l_lo = sum(_loose(q)[0] for q in chain)
    l_hi = sum(_loose(q)[1] for q in chain)
    if l_lo <= 0 or l_lo == -INF:
        return
    units = set().union(*(_words(q.unit) for q in chain))
    chain_ids = {q.id for q in chain}
    lo_v, hi_v = 0.8 * l_lo, 1.25 * (l_hi if l_hi != INF else l_lo)
    best = None
    for w in sorted(units):
        for key, r in _nearest(counts_by_unit.get(w, []), l_lo, lo_v, hi_v, chain_ids):
            if best is None or key < best[0]:
                best = (key, r)
    if best is None:
        return
    r = best[1]
    holds = _verdict((s_lo, s_hi), _strict(r), (l_lo, l_hi), _loose(r), _is_exact(*chain, r))
    add("sum", chain, r, holds, _sum_explanation(text, chain, r, s_lo, s_hi, l_lo, l_hi, holds))


def _nearest(lst, target, lo_v, hi_v, exclude) -> list[tuple[tuple, Quantity]]:
    """The candidates for min((|value - target|, id)) over the entries of lst (sorted (value, id, q))
    with lo_v <= value <= hi_v and id not in exclude: on each side of target, the nearest value(s)
    with their smallest allowed id. A bisect and a few steps instead of a scan of the whole window (a
    table of the same small figure made that scan quadratic)."""
    out: list[tuple[tuple, Quantity]] = []
    k = bisect.bisect_left(lst, (target, -1))
    for step in (1, -1):
        i = k if step == 1 else k - 1
        found = None
        while 0 <= i < len(lst) and (lst[i][0] <= hi_v if step == 1 else lst[i][0] >= lo_v):
            g0, g1 = _value_group(lst, i)
            cand = next((lst[x] for x in range(g0, g1) if lst[x][1] not in exclude), None)
            i = g1 if step == 1 else g0 - 1
            if cand is None:
                continue
            key = (abs(cand[0] - target), cand[1])
            if found is not None and key[0] != found:
                break
            found = key[0]
            out.append((key, cand[2]))
    return out


def _value_group(lst, i) -> tuple[int, int]:
    """[start, end) of the entries of lst with the value of lst[i]."""
    v = lst[i][0]
    g0 = min(i, bisect.bisect_left(lst, (v, -1)))
    g1 = max(i + 1, bisect.bisect_right(lst, (v, INF)))
    return g0, g1


def _change_phase(text, by_sentence, add, tick) -> None:
    for _sent, group in by_sentence.items():
        tick(2, group[0].start)
        for i, q in enumerate(group):
            # change "from X to Y" (with a stated % or absolute change, or a direction)
            if i + 1 < len(group):
                y = group[i + 1]
                if (
                    _TO_GAP.match(text[q.end : y.start])
                    and _FROM_BEFORE.search(text, max(0, q.start - 12), q.start)
                    and (_compatible(q, y, need_overlap=False) or (not y.unit and y.kind == "count" and q.unit))
                ):
                    _change(text, q, y, group, add)
            # "climbed to 131.9bn kronor from 117.7bn kronor"
            if i + 1 < len(group):
                x2 = group[i + 1]
                if (
                    re.match(
                        r"^\s+(?:(?:in|on|at|for)\s+[\w\s]{0,20}?\s+)?from\s+(?:a\s+|the\s+)?$", text[q.end : x2.start]
                    )
                    and re.search(r"\bto\s+(?:a\s+record\s+)?$", text[max(0, q.start - 15) : q.start])
                    and _compatible(q, x2, need_overlap=False)
                    and not (q.kind != "percent" and any(p.kind == "percent" and p.end <= q.start for p in group))
                ):
                    _change(text, x2, q, group, add)
            # "£1.2bn, up 12% from £1.07bn" / "jumped 76% to $1.13bn from $640m"
            if q.kind == "percent" and q.unit == "%":
                _percent_change(text, q, group, add)
        # ratios: "three times as many"
        for q in group:
            if q.unit.lower().startswith("times") and _TIMES_CMP.match(text, q.end):
                others = [o for o in group if o is not q and o.kind in ("count", "money") and o.value]
                if len(others) >= 2 and _compatible(others[0], others[1], need_overlap=True):
                    a, b = others[0], others[1]
                    big, small = (a, b) if a.value >= b.value else (b, a)
                    ratio = big.value / small.value
                    ok = abs(ratio - q.value) <= 0.05 * q.value
                    add(
                        "ratio",
                        [big, small],
                        q,
                        ("approximately" if ratio != q.value else True) if ok else False,
                        f"{_fmt(big.value)} / {_fmt(small.value)} = {ratio:.2f}; the text says {q.text}",
                    )


def _comparison_phase(text, by_sentence, records, add, tick) -> None:
    # explicit comparisons: "550 …, up from 537"
    for _sent, group in by_sentence.items():
        tick(3, group[0].start)
        objects: set[int] = set()  # quantities that are the object of a comparison ("less than the 47.3%")
        for i, b in enumerate(group):
            for a in reversed(group[max(0, i - 3) : i]):
                if a.id in objects:
                    continue
                m = _CMP_GAP.match(text[a.end : b.start])
                if not m:
                    break
                w = (m.group("w") or m.group("w2") or m.group("w3")).lower()
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
                objects.add(b.id)
                up = w in ("more", "higher", "greater", "larger", "bigger", "up", "above")
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
                    f"“{w}” requires: {'consistent' if ok else 'not consistent'}",
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


def _anaphoric_phase(text, by_sentence, sentence_of_statement, statement_starts, add, tick) -> None:
    # "… about 5.7% of the debts. This is lower than the 11.3% hoped for": the subject is the previous sentence's figure
    if statement_starts:
        sentence_start: dict[int, int] = {}
        for st_index, sent in enumerate(sentence_of_statement):
            sentence_start.setdefault(sent, statement_starts[st_index])
        for sent, group in sorted(by_sentence.items()):
            b = group[0]
            tick(4, b.start)
            m = _ANAPHORIC_CMP.match(text, sentence_start.get(sent, b.start), b.start)
            prev = by_sentence.get(sent - 1)
            if not m or not prev or (b.qualifier in _QUALIFIER_CMP and m.group(0).rstrip().endswith("than")):
                continue
            a = next((q for q in reversed(prev) if _compatible(q, b, need_overlap=False)), None)
            if a is None:
                continue
            w = m.group("w").lower()
            up = w in ("higher", "more", "greater", "larger", "bigger", "above")
            ok = a.value > b.value if up else a.value < b.value
            add(
                "comparison",
                [a],
                b,
                bool(ok),
                f"{_fmt(a.value)} {'>' if up else '<'} {_fmt(b.value)} as “{m.group(0).strip()}” requires: "
                + ("consistent" if ok else "not consistent"),
            )


def _record_phase(numeric, add, tick) -> None:
    # records: a record needs outside evidence; compare with a previous record if the article gives one
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


class _FirstCompatible:
    """The first of items (in order) compatible with q (_compatible(q, item, need_overlap=False)), by
    dictionary lookups on the kind, currency and unit words instead of a scan of the article."""

    def __init__(self, items: list[Quantity]) -> None:
        self.items = items
        self.first: dict[tuple, int] = {}
        for i, b in enumerate(items):
            for key in self._keys(b):
                self.first.setdefault(key, i)

    @staticmethod
    def _family(q: Quantity) -> str:
        return "count" if q.kind in ("count", "other") else q.kind

    def _keys(self, b: Quantity) -> list[tuple]:
        fam = self._family(b)
        if fam in ("money", "percent"):
            return [(fam, "unit", b.unit)]
        words = _words(b.unit)
        return [(fam, "any"), *([(fam, "word", w) for w in words] if words else [(fam, "no words")])]

    def find(self, q: Quantity) -> Quantity | None:
        fam = self._family(q)
        if fam in ("money", "percent"):
            i = self.first.get((fam, "unit", q.unit))
        elif not _words(q.unit):
            i = self.first.get((fam, "any"))
        else:
            found = [self.first.get((fam, "word", w)) for w in _words(q.unit)] + [self.first.get((fam, "no words"))]
            i = min((k for k in found if k is not None), default=None)
        return None if i is None else self.items[i]


def _describe_strict(chain, s_lo, l_lo) -> str:
    qualified = [q for q in chain if q.low is not None and not q.low_inclusive]
    if qualified and s_lo != l_lo:
        words = ", ".join(f"“{q.qualifier} {_fmt(q.value)}”" for q in qualified)
        return f"at least {_fmt(s_lo)} if {words} is read strictly, or at least {_fmt(l_lo)} if read loosely"
    if s_lo == -INF:
        return "an open range"
    return f"at least {_fmt(s_lo)}" if any(q.high is None for q in chain) else f"{_fmt(s_lo)}"


def _sum_explanation(text, chain, r, s_lo, s_hi, l_lo, l_hi, holds) -> str:
    parts = " + ".join(f"“{(q.qualifier + ' ') if q.qualifier else ''}{q.text}”" for q in chain)
    out = f"{parts} = {_describe_strict(chain, s_lo, l_lo)}; the article also gives “{_context(text, r)}”"
    if holds is True:
        out += ": consistent"
    elif holds == "approximately":
        out += ": consistent only if the qualifier is read loosely" if s_lo != l_lo else ": consistent within rounding"
    else:
        out += ": inconsistent under any reading"
    runits = _words(r.unit)
    extra = [q.unit for q in chain if q.unit and not (_words(q.unit) & runits)]
    if runits and extra:
        out += f"; note the {_fmt(r.value)} are called “{r.unit}” while the sum also counts “{', '.join(extra)}”"
    return out


def _context(text: str, q: Quantity, width: int = 60) -> str:
    """The result quantity with the words that follow it, cut at a word boundary."""
    end = min(len(text), q.start + width)
    for stop in ".;\n":
        k = text.find(stop, q.end, end)
        if k >= 0:
            end = k
    snippet = text[q.start : end]
    if end < len(text) and end == q.start + width and " " in snippet[len(q.text) :]:
        snippet = snippet[: snippet.rfind(" ")] + "…"
    return snippet.strip().rstrip(",")


def _change(text, x, y, group, add):
    """ "from x to y" within a sentence: checked against a stated % ("a rise of 49.7%"), a stated
    difference ("by 120"), a ratio word ("doubled") or, failing those, the direction word before it."""
    pre = text[max(0, x.start - 80) : x.start]
    if re.search(r"\b(?:range|ranges|ranging|vary|varies|varying|between)\s+from\s+$", pre, re.I):
        return  # "range from two to four megapixels" is a range, not a change
    pct = _group_pct(text, x, y, group)
    if pct is not None and x.value and x.kind != "percent":
        _add_group_pct_change(text, x, y, pct, add)
        return
    absolute = next(
        (
            d
            for d in group
            if d is not x
            and d is not y
            and d.kind == x.kind
            and d.end <= x.start
            and re.search(r"\bby\s+$", text[max(0, d.start - 6) : d.start])
        ),
        None,
    )
    if absolute is not None:
        _add_difference(x, y, absolute, add)
        return
    ratio_m = _RATIO.search(pre)
    if ratio_m:
        factor = _RATIO_WORDS[ratio_m.group(1).lower()]
        ratio = y.value / x.value if x.value else INF
        ok = abs(ratio - factor) <= 0.15 * factor
        add(
            "ratio",
            [y, x],
            None,
            ("approximately" if ratio != factor else True) if ok else False,
            f"{_fmt(y.value)} / {_fmt(x.value)} = {ratio:.2f}; “{ratio_m.group(1)}” means ×{factor}",
        )
        return
    _add_direction_change(text, x, y, add)


def _group_pct(text, x, y, group) -> Quantity | None:
    """The % stated for the change from x to y in their sentence: before x, or after y as "a rise of 49.7%"."""
    pct = next((p for p in group if p.kind == "percent" and p.unit == "%" and p.end <= x.start and p is not y), None)
    if pct is not None:
        return pct
    return next(
        (
            p
            for p in group
            if p.kind == "percent"
            and p.unit == "%"
            and p.start >= y.end
            and re.search(
                r"\b(?:rise|increase|jump|gain|fall|drop|decline|cut|reduction)\s+of\s+$",
                text[max(0, p.start - 25) : p.start],
                re.I,
            )
        ),
        None,
    )


def _add_group_pct_change(text, x, y, pct, add) -> None:
    computed = 100.0 * (y.value - x.value) / x.value
    lo = 100.0 * ((y.value - y.tolerance) - (x.value + x.tolerance)) / (x.value + x.tolerance)
    hi = 100.0 * ((y.value + y.tolerance) - (x.value - x.tolerance)) / max(x.value - x.tolerance, 1e-9)
    stated = pct.value if not _DOWN.search(text[max(0, pct.start - 30) : pct.start]) else -pct.value
    holds = _verdict(
        (computed, computed),
        (stated, stated),
        (lo, hi),
        (stated - pct.tolerance, stated + pct.tolerance),
        _is_exact(x, y, pct),
    )
    add(
        "change",
        [x, y],
        pct,
        holds,
        f"from {_fmt(x.value)} to {_fmt(y.value)} is a change of {computed:+.1f}%; the text says {pct.text}",
    )


def _add_difference(x, y, absolute, add) -> None:
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


def _add_direction_change(text, x, y, add) -> None:
    """The direction word nearest the figures wins: "Shares have fallen after losses deepened to …"."""
    pre_verb = text[max(0, x.start - 90) : x.start]
    last_up = max((m.end() for m in _UP.finditer(pre_verb)), default=-1)
    last_down = max((m.end() for m in _DOWN.finditer(pre_verb)), default=-1)
    if last_up == last_down:
        return
    up = last_up > last_down
    ok = y.value > x.value if up else y.value < x.value
    add(
        "change",
        [x],
        y,
        bool(ok),
        f"a {'rise' if up else 'fall'} from {_fmt(x.value)} to {_fmt(y.value)}: "
        + ("consistent" if ok else f"but the second figure is not {'higher' if up else 'lower'}"),
    )


def _percent_change(text, p, group, add):
    before = text[max(0, p.start - 40) : p.start]
    m = re.search(
        r"\b(up|down|rise of|fall of|increase of|decrease of|drop of|rose|fell|jumped|climbed|grew|"
        r"dropped|declined|slipped|gained|lost|surged|plunged)\s+(?:by\s+)?$",
        before,
        re.I,
    )
    if not m:
        return
    down = bool(_DOWN.search(m.group(1)) or m.group(1).lower() in ("fall of", "decrease of", "drop of"))
    idx = group.index(p)
    after = group[idx + 1 :]
    x = y = None
    # "... 76% to $1.13bn from $640m"
    if after and _TO_GAP.match(text[p.end : after[0].start]):
        y = after[0]
        x = next(
            (q for q in after[1:3] if _FROM_GAP.match(text[y.end : q.start]) and _compatible(q, y, need_overlap=False)),
            None,
        )
    # "£1.2bn, up 12% from £1.07bn"
    elif after and _FROM_GAP.match(text[p.end : after[0].start]):
        x = after[0]
        y = next(
            (q for q in reversed(group[:idx]) if _compatible(q, x, need_overlap=False) and q.kind != "percent"), None
        )
    if x is None or y is None or not x.value or x.kind == "percent" or x.kind == "date":
        return
    computed = 100.0 * (y.value - x.value) / x.value
    lo = 100.0 * ((y.value - y.tolerance) - (x.value + x.tolerance)) / (x.value + x.tolerance)
    hi = 100.0 * ((y.value + y.tolerance) - (x.value - x.tolerance)) / max(x.value - x.tolerance, 1e-9)
    stated = -p.value if down else p.value
    holds = _verdict(
        (computed, computed),
        (stated, stated),
        (lo, hi),
        (stated - p.tolerance, stated + p.tolerance),
        _is_exact(x, y, p),
    )
    add(
        "change",
        [x, y],
        p,
        holds,
        f"from {_fmt(x.value)} to {_fmt(y.value)} is a change of {computed:+.1f}%; "
        f"the text says {'down' if down else 'up'} {p.text}",
    )


# ---------------------------------------------------------------------------------------------------
# Across sentences (issue 12): candidates are pairs of compatible figures within a window of the
# article (the last _WINDOW figures, at most _SENT_WINDOW sentences back) and between the headline or
# lead and the body; one small rule function per kind scores the wording around the two figures and the
# arithmetic. A relation is reported only when the wording asserts it (score ≥ _REPORT); it is broken
# only when that wording is strong and the numbers miss beyond rounding and qualifiers.

_WINDOW = 10  # figures looked back from each figure: bounds the work per figure (linear in the text)
_SENT_WINDOW = 3
_LEAD_FIGURES = 8  # headline and lead figures compared with the body
_REPORT = 0.5
_RESTATE_SPAN = 300  # figures after a lead figure where its restatement is looked for
_RESTATED_WORDS = 2  # words of context a lead figure and a later one must share to be the same figure
_DIRECTION_TO = re.compile(
    r"(?P<w>(?:[\w'’%.,$£€]+\s+){1,4})to\s+(?:a\s+|an\s+|just\s+|about\s+|around\s+|nearly\s+|almost\s+)?$", re.I
)
# "…previously £75m", "…compared with £75m": a baseline named just before a figure. The loose form also
# takes a bare "from £75m"; the strong one needs "from the previous/earlier… £75m".
_BASELINE_WORDS = (
    r"\b(?:(?:previously|originally|initially|earlier|formerly)\s+(?:[\w'’]+\s+){0,2}"
    r"|had\s+(?:been|stood|closed|traded|reached|totalled|totaled|hit)\s+(?:at\s+|about\s+|around\s+)?)"
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
    r"[^.;]{0,40}?\b(?:a\s+year\s+(?:earlier|ago|before)|the\s+(?:year|month|quarter)\s+before|previously|"
    r"in\s+the\s+same\s+(?:period|quarter)\s+(?:of\s+)?last\s+year)\b",
    re.I,
)
_WEAK_AFTER = re.compile(r"[^.;]{0,30}?\blast\s+(?:year|month|quarter)\b", re.I)
_TIME_OPENER = re.compile(
    r"(?:^|[.!?]\s+|\n)\s*(?:Last\s+(?:week|month|year|quarter)|Earlier\s+this\s+\w+|A\s+year\s+(?:ago|earlier|before)|"
    r"Previously|(?:In|During|Over)\s+the\s+(?:same|previous|prior)\s+(?:period|quarter|month|year|week)|"
    r"(?:In|During|Over)\s+the\s+\w+\s+(?:quarter|half|months?)\s+of\s+(?:last\s+year|(?:19|20)\d\d))\b[^.!?\n]*$"
)
_ANAPHOR_OPENER = re.compile(
    r"(?:^|[.!?]\s+|\n)\s*(?:However,?\s+|But\s+|And\s+)?(?:this|that|it|the\s+figure|the\s+total)\s+[^.!?\n]{0,40}$",
    re.I,
)
_UP_DOWN_FROM = re.compile(r"\b(?:up|down)\s+from\s+(?:a\s+|an\s+|the\s+)?$", re.I)
_PCT_DIRECTION = re.compile(
    r"\b(?P<v>up|down|rose|rise|risen|rising|fell|fall|fallen|falling|jumped|climbed|grew|grow|growth|dropped|drop|"
    r"declined|decline|slipped|gained|lost|surged|plunged|increase|increased|decrease|decreased|cut|slump\w*)"
    r"\s+(?:of\s+|by\s+|almost\s+|nearly\s+|about\s+|some\s+|more than\s+){0,2}$",
    re.I,
)
_OF_ANAPHOR = re.compile(r"\s+of\s+(?:those|them|these|that|this|which|the\s+total)\b", re.I)
_OF_THAT_START = re.compile(r"(?:^|[.;]\s+|\n)\s*Of\s+(?:that|this|these|those|the\s+total|which)\s*,?\s*$")
_OUT_OF_TOTAL = re.compile(
    r"^[^.;]{0,30}?\b(?:out\s+of|from)\s+(?:a|the|its|their)\s+(?:current\s+|overall\s+)?total\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:of\s+)?$",
    re.I,
)
_RATIO_TO = re.compile(
    r"\b(?P<v>halving|halved|doubling|doubled|tripling|tripled|trebling|trebled)\s+(?:[\w'’]+\s+){0,3}?to\s+$", re.I
)
_RATIO_FACTOR = {"halv": 0.5, "doubl": 2, "tripl": 3, "trebl": 3}
_TOTAL_CUE = re.compile(r"\b(?:total\w*|in\s+all|altogether|combined|overall|worldwide)\s+(?:of\s+)?$", re.I)
_ANY_WORD = re.compile(r"[A-Za-z]{2}")
_SENTENCE_STOP = re.compile(r"[.;!?](?:\s|$)|\n")
_STOP = {"the", "a", "an", "of", "in", "on", "at", "to", "and", "for", "its", "their", "was", "is", "has", "by", "with"}


def _family(q: Quantity) -> str:
    return "count" if q.kind in ("count", "other") else q.kind


def _same_measure(a: Quantity, b: Quantity) -> bool:
    """Same kind and currency / unit; counts need a shared unit word unless one of them has none."""
    if _family(a) != _family(b) or a.kind == "duration" and _words(a.unit) != _words(b.unit):
        return False
    if a.kind in ("money", "percent") or b.kind in ("money", "percent"):
        return a.unit == b.unit
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


def _rule_change_pair(text: str, x: Quantity, y: Quantity, m: re.Match) -> tuple[float, int] | None:
    """y reached with a direction word ("raise their bid to £1.5bn", "will slow to 1.6%") and x marked as
    the baseline ("previously offered £1.3bn", "this fall from the current 2.1%", "a year earlier").
    m is _DIRECTION_TO's match before y. Returns (score, direction) or None."""
    if x is y or not _same_measure(x, y) or x.kind in ("date", "rank") or "vague" in (x.qualifier, y.qualifier):
        return None
    sign = next((d for d in map(_direction, reversed(re.findall(r"[a-z]+", m.group("w").lower()))) if d), 0)
    if x.value <= 0 or not 0.25 <= y.value / x.value <= 4 and not x.kind == y.kind == "percent":
        return None  # "36,185 … to 469" is not one figure moving
    before_x = text[max(0, x.start - 45) : x.start]
    if x.start < y.start and _UP_DOWN_FROM.search(before_x):
        return None  # "grew 15.7%, down from 23%, and inflation slowed to 4.3%": 23% belongs to 15.7%
    strong = (
        _STRONG_BASELINE.search(before_x)
        or _BASELINE_AFTER.match(text, x.end, x.end + 60)
        or _TIME_OPENER.search(text, max(0, x.start - 120), x.start)
    )
    baseline = strong or _BASELINE_BEFORE.search(before_x) or _WEAK_AFTER.match(text, x.end, x.end + 40)
    if not baseline and x.start < y.start and _DIRECTION_TO.search(text, max(0, x.start - 45), x.start):
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


def _add_change(text, x, y, sign, add) -> None:
    ok = y.value > x.value if sign > 0 else y.value < x.value
    word = "rise" if sign > 0 else "fall"
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


def _rule_stated_pct(text: str, x: Quantity, y: Quantity, sign: int, pcts: list[Quantity], sent) -> Quantity | None:
    """The percentage that states the change from x to y: before y, in y's sentence or up to two sentences
    earlier (or in the headline), with a direction word of the same sign before it; outside y's sentence it
    must also share at least two words of context with y ("Shares … fell 9.8%" … "stock fell to $92.9")."""
    best = None
    for p in pcts:
        if p.start >= y.start or not (sent(y) - 2 <= sent(p) <= sent(y) or sent(p) == 0):
            continue
        m = _PCT_DIRECTION.search(text, max(0, p.start - 30), p.start)
        if not m or _direction(m.group("v")) not in (0, sign) and m.group("v").lower() not in ("up", "down"):
            continue
        if m.group("v").lower() in ("up", "down") and (m.group("v").lower() == "up") != (sign > 0):
            continue
        if sent(p) != sent(y) and len(_context_words(text, p) & _context_words(text, y, 60, 20)) < 2:
            continue
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
        f"from {x.text} to {y.text} is a change of {computed:+.1f}% (with rounding {lo:+.1f}% to {hi:+.1f}%); "
        f"the text says {'up' if sign > 0 else 'down'} {p.text}: {_holds_text(holds)}",
    )


def _rule_part_anaphor(text: str, a: Quantity, window: list[Quantity], sent) -> Quantity | None:
    """The whole a part refers back to: "6,000 of those" (the nearest earlier figure of the same measure
    in its sentence or the one before) or a sentence that opens "Of that, £23bn …" (the previous
    sentence's figure)."""
    anaphor = _OF_ANAPHOR.match(text, a.end)
    opener = _OF_THAT_START.search(text, max(0, a.start - 30), a.start)
    if not (anaphor or opener) or a.kind in ("percent", "date", "rank", "duration"):
        return None
    for w in reversed(window):
        if w.kind == "percent" or w.start >= a.start or not _same_measure(w, a):
            continue
        if opener and sent(w) == sent(a) - 1 or anaphor and sent(a) - 1 <= sent(w) <= sent(a):
            return w
    return None


def _rule_out_of_total(text: str, a: Quantity, b: Quantity) -> bool:
    """ "3,000 jobs - out of a total workforce of 6,500", "a reduction of 120 from the current total of 659"."""
    return (
        a.start < b.start
        and a.kind in ("count", "other", "money")
        and _same_measure(a, b)
        and bool(_OUT_OF_TOTAL.match(text[a.end : b.start]))
    )


def _add_part(a: Quantity, b: Quantity, add) -> None:
    holds = a.value <= b.value + b.tolerance
    add(
        "part_of",
        [a],
        b,
        holds,
        f"{a.text} is part of {b.text}: {_fmt(a.value)} {'≤' if holds else '>'} {_fmt(b.value)}"
        + ("" if holds else ", so the part is larger than the whole"),
    )


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
        f"{a.text} of {b.text} is {computed:.1f}% (with rounding {lo:.1f}–{hi:.1f}%); the text says "
        f"{(p.qualifier + ' ') if p.qualifier else ''}{p.text}: {_holds_text(holds)}",
    )


def _rule_ratio_word(text: str, y: Quantity, window: list[Quantity], sent) -> tuple[Quantity, float, str] | None:
    """ "halving GM's stake to 10%": the earlier figure of the same measure (up to three sentences back)
    that shares a context word with y."""
    m = _RATIO_TO.search(text, max(0, y.start - 50), y.start)
    if not m:
        return None
    factor = next(f for k, f in _RATIO_FACTOR.items() if m.group("v").lower().startswith(k))
    ctx = _context_words(text, y, 60, 20)
    for x in reversed(window):
        if x.start < y.start and sent(y) - 3 <= sent(x) and _same_measure(x, y) and _context_words(text, x) & ctx:
            return x, factor, m.group("v")
    return None


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
    if y.kind == "percent" or y.qualifier is not None or y.value <= 0:
        return None
    prev: list[Quantity] = []  # the last two figures of y's measure before it
    for q in reversed(window):
        if len(prev) == 2:
            break
        if _same_measure(q, y) and q.qualifier is None and q.value > 0:
            prev.insert(0, q)
    totals = [t for t in pool if t.qualifier in (None, "about") and t.value > y.value and _same_measure(t, y)]
    for k in (2, 3):
        run = [*prev[len(prev) - (k - 1) :], y] if len(prev) >= k - 1 else []
        if not totals or len(run) < k or sent(run[0]) < sent(y) - 1:
            return None
        total = sum(q.value for q in run)
        ids = {q.id for q in run}
        for t in totals:
            if t.id in ids or t.value <= total * 0.5:
                continue
            if abs(t.value - total) > min(t.tolerance, 0.02 * t.value) + 1e-9 or len({q.value for q in run}) < k:
                continue  # within the total's rounding, and 2%: "£1bn" is not £50 + £1bn
            if min(q.value for q in run) < 0.05 * t.value:
                continue
            if total < 10 and not _TOTAL_CUE.search(text, max(0, t.start - 25), t.start):
                continue
            return run, t
    return None


_ANOTHER = re.compile(
    r"^[^.;]{0,40}?\b(?:with|and|plus)\s+(?:another|a\s+further|an\s+additional|a\s+second)\s+$", re.I
)


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


_APPOSITION = re.compile(
    r"(?:\s+[\w'’]+){0,4}\s*(?:[-–—(]|,\s+or\b)\s*(?:some|about|around|nearly|almost|roughly)?\s*$", re.I
)


def _rule_apposition(text: str, a: Quantity, b: Quantity) -> bool:
    """ "Nearly half of all Palestinians - some 47% - live …": b restates a right after it, within a's bounds."""
    shares = a.kind == b.kind == "percent" and {a.unit, b.unit} <= {"%", "fraction"}  # "half" and "47%"
    if not (a.end <= b.start and (shares or _same_measure(a, b)) and _APPOSITION.fullmatch(text, a.end, b.start)):
        return False
    lo, hi = _loose(a)
    lo, hi = (a.value * 0.9 if lo == -INF else lo), (a.value * 1.1 if hi == INF else hi)
    return lo <= b.value <= hi and a.value != b.value


def _within_bounds(a: Quantity, b: Quantity) -> bool:
    """b is stated with a bound ("above 4 million") that a ("4.464 million") satisfies."""
    if b.qualifier not in _QUALIFIER_CMP or a.qualifier is not None:
        return False
    lo, hi = _loose(b)
    return lo <= a.value <= hi and 0.5 <= a.value / (b.value or 1) <= 2


def _restatement_phase(text: str, figs: list[Quantity], sent, add, tick) -> None:
    """A headline or lead figure stated again in the body ("GM pays $2bn" … "(… $2bn; £1.1bn)"): the
    first later figure of the same measure and value (_rule_restated), or for a headline count "the nine
    men" (_rule_definite_count). A headline figure with no restatement but one later figure that looks
    like it in the same words is a broken restatement (_rule_headline_break)."""
    lead = [q for q in figs if sent(q) <= 2 and q.qualifier != "vague"][:_LEAD_FIGURES]
    lead = [q for q in lead if q.kind != "duration" or sent(q) == 0]  # "three months" again is rarely a claim
    position = {q.id: k for k, q in enumerate(figs)}
    for a in lead:
        tick(6, a.start)
        later = figs[position[a.id] + 1 : position[a.id] + 1 + _RESTATE_SPAN]  # bounded: linear in the article
        same = [
            b
            for b in later
            if _family(b) == _family(a) and sent(b) > sent(a) and b.qualifier != "vague" and _same_measure(a, b)
        ]
        if a.kind in ("count", "other"):
            # "two" again is a restatement only of the same things ("two countries"); large counts stand alone
            same = [
                b
                for b in same
                if b.value >= 10 and (_words(b.unit) or a.value >= 10) or _words(a.unit) & _words(b.unit)
            ]
        headline = sent(a) == 0 and "\n" not in text[: a.start]
        first = [b for b in same if sent(b) == 1]  # the first body sentence restates the headline, if anything
        b = None
        if headline and not any(_close(a, q) for q in first):
            b = _rule_headline_break(text, a, first)
        found = None if b else _rule_restated(text, a, same, sent) or _rule_definite_count(text, a, later, sent)
        if found is not None:
            add("restatement", [a], found[0], found[1], found[2])
            continue
        if not headline:
            continue  # only a headline asserts that the body says the same (lead figures: false alarms)
        b = b or _rule_headline_break(text, a, same)
        if b is not None:
            add(
                "restatement",
                [a],
                b,
                False,
                f"the headline says {a.text} ({_fmt(a.value)}) but later the article says {b.text} ({_fmt(b.value)}) "
                f"in the same words; they differ by {_fmt(abs(a.value - b.value))}, beyond rounding"
                f"{_tolerance_note(a, b)}",
            )


def _rule_restated(text: str, a: Quantity, same: list[Quantity], sent) -> tuple[Quantity, object, str] | None:
    """The first later figure of the same measure equal to a within rounding (to a's precision unless a is
    in the headline, which rounds), or a later bound ("above 4 million") that a satisfies in shared words.
    Returns (b, holds, explanation) or None."""
    equal = next((b for b in same if _close(a, b) and (sent(a) == 0 or _same_precision(a, b))), None)
    if equal is not None:
        exact = a.value == equal.value
        return (
            equal,
            True if exact else "approximately",
            f"{a.text} ({_fmt(a.value)}) is stated again as {equal.text} ({_fmt(equal.value)})"
            + ("" if exact else f": equal within rounding{_tolerance_note(a, equal)}"),
        )
    bound = next(
        (b for b in same[:_WINDOW] if _within_bounds(a, b) and _context_words(text, a) & _context_words(text, b)),
        None,
    )
    if bound is not None:
        return bound, True, f"{a.text} ({_fmt(a.value)}) is consistent with the later “{bound.qualifier} {bound.text}”"
    return None


_DEFINITE = re.compile(r"\b(?:the|these|those|all)\s+$", re.I)
# where a noun phrase after a figure ends: "Two senior officials | at one of China's banks"
_NP_END = re.compile(r"\b(?:at|of|in|on|from|with|who|which|that|to|for|by|have|has|had|were|was|are|is|will)\b|[,;:(]")
_NOT_NOUNS = frozenset({"now", "still", "already", "also", "then", "who", "which", "that", "were", "are", "have"})
_GROUP_NOUNS = frozenset({"men", "women", "people", "person", "one", "other", "member", "firm", "company", "group"})


def _rule_definite_count(text: str, a: Quantity, later: list[Quantity], sent) -> tuple[Quantity, object, str] | None:
    """A small count of the headline or first sentence ("Eight protesters charged") taken up later by a
    definite noun phrase with the same number ("Five of the eight men", "the nine now charged"): the
    article refers back to the same group, by the same noun, a generic one (men, people) or none."""
    if sent(a) > 1 or a.kind != "count" or not 2 <= a.value <= 20 or a.value != int(a.value):
        return None
    for b in later[: 3 * _WINDOW]:
        if b.kind != "count" or b.value != a.value or sent(b) <= sent(a):
            continue
        noun = _words(b.unit) - _NOT_NOUNS
        phrase = _NP_END.split(_FULL_STOP.split(text[a.end : a.end + 45], maxsplit=1)[0], maxsplit=1)[0]
        a_noun = _words(a.unit) | _words(" ".join(re.findall(r"[a-z]+", phrase.lower())))
        if noun and not noun & a_noun and not noun <= _GROUP_NOUNS:
            continue  # "two Saudi services" … "the two countries": another group
        if _DEFINITE.search(text, max(0, b.start - 8), b.start):
            return b, True, f"{a.text} ({_fmt(a.value)}) are taken up again as “the {b.text}”"
    return None


_FULL_STOP = re.compile(r"[.!?](?:\s|$)|\n")


def _body_words(text: str, q: Quantity) -> set[str]:
    """Words before a body figure (up to 100 characters) and just after it (30), within its sentence
    (a semicolon or bracket does not end it: "(… $53.6m; £19.1m) back-tax claim")."""
    left = _FULL_STOP.split(text[max(0, q.start - 100) : q.start])[-1]
    right = _FULL_STOP.split(text[q.end : q.end + 30], maxsplit=1)[0]
    words = re.findall(r"[a-z][a-z'’-]{2,}", (left + " " + right).lower())
    return {w.rstrip("s") for w in words if w not in _STOP}


def _rule_headline_break(text: str, a: Quantity, same: list[Quantity]) -> Quantity | None:
    """The body figure the headline's a was meant to restate, when none is equal: of the same measure and
    order (half to twice a), among the next _WINDOW figures, sharing at least _RESTATED_WORDS words of the
    headline (the headline's words against the body figure's clause), strictly more than any other."""
    ctx = _context_words(text, a)
    near = [b for b in same[:_WINDOW] if 0.5 <= b.value / (a.value or 1) <= 2]
    scored = sorted(((len(ctx & _body_words(text, b)), -b.start, b) for b in near), reverse=True)[:2]
    if scored and scored[0][0] >= _RESTATED_WORDS and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][2]
    return None


def _article_phase(text: str, numeric: list[Quantity], sentence_of_statement, add, tick) -> None:
    """Candidate pairs across sentences: each figure against the last _WINDOW figures (at most
    _SENT_WINDOW sentences back), the next three figures of its sentence or the next, and the headline
    and lead figures. Work per figure is bounded by those constants, so the phase is linear."""
    figs = [
        q for q in numeric if q.kind in ("count", "money", "percent", "other", "duration") and q.unit != "identifier"
    ]
    sents = [_sentence_of(q, sentence_of_statement) for q in figs]
    index = {q.id: k for k, q in enumerate(figs)}

    def sent(q: Quantity) -> int:
        return sents[index[q.id]] if q.id in index else _sentence_of(q, sentence_of_statement)

    w = work.current()
    if w is not None:
        w.add("relations", (8 * _WINDOW + 4 * _LEAD_FIGURES) * len(figs))
    lead = [q for q in figs if sent(q) <= 2][:_LEAD_FIGURES]
    lead_end = min(len(text), 400)  # headline and lead, where "failed to meet expectations" is said
    _restatement_phase(text, figs, sent, add, tick)
    recent_pcts: list[Quantity] = []  # the last _WINDOW percentages and fractions before y
    for i, y in enumerate(figs):
        tick(6, y.start)
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
        _changes_phase(text, y, sy, window, ahead, earlier, sent, add)
        _parts_phase(text, y, window, ahead, recent_pcts, sent, add)
        _restated_or_compared(text, y, sy, window, ahead, earlier, lead_end, sent, add)
        parts = _rule_total_parts(text, y, figs[i + 1 : i + 9], sent)
        if parts:
            _add_sum(parts, y, add)
        listed = _rule_parts_sum(text, y, window, earlier + ahead, sent)
        if listed is not None:
            _add_sum(*listed, add, unless_linked=True)  # "£35bn - £2.5bn less than the £37.5bn" is a difference
        compared = _rule_compared_with(text, y, window, ahead, sent)
        if compared is not None:
            _add_compared(text, *compared, earlier, sent, add)
        for x in reversed(window[-3:]):
            if sent(x) == sent(y):
                total = _rule_another(text, x, y, earlier)
                if total is not None:
                    _add_sum([x, y], total, add)
                    break


def _restated_or_compared(text, y, sy, window, ahead, earlier, lead_end, sent, add) -> None:
    """y restating the figure just before it ("nearly half - some 47%"), y an expectation another figure
    beat or missed, y reached by "doubling"/"halving"."""
    if window and sent(window[-1]) == sy and _rule_apposition(text, window[-1], y):
        a = window[-1]
        add(
            "restatement",
            [a],
            y,
            "approximately",
            f"{a.text} is restated as {y.text}, within the bounds of “{a.qualifier or 'about'} {a.text}”",
        )
    expected = _rule_expectation(text, y, earlier + [q for q in ahead if sent(q) == sy], lead_end)
    if expected is not None:
        _add_expectation(expected[0], y, expected[1], add)
    ratio = _rule_ratio_word(text, y, window, sent)
    if ratio is not None:
        _add_ratio(ratio[0], y, ratio[1], ratio[2], add)


def _changes_phase(text, y, sy, window, ahead, earlier, sent, add) -> None:
    """y as the new figure of a change: an explicit "from x to y" first, else a direction "to y" with a
    baseline x in its sentence (nearest first) or across sentences; a stated % then makes it a
    percentage change."""
    explicit = next(((x, d) for x in reversed(window[-3:]) if (d := _rule_from_to(text, x, y))), None)
    if explicit is not None:
        _add_change(text, explicit[0], y, explicit[1], add)
    to_cue = _DIRECTION_TO.search(text, max(0, y.start - 45), y.start) if explicit is None else None
    near = [q for q in [*reversed(window), *ahead] if sent(q) == sy] if to_cue else []
    far = [q for q in [*reversed(window), *ahead] if sent(q) != sy] if to_cue else []
    for x in near + far:
        found = _rule_change_pair(text, x, y, to_cue)
        if found:
            pct = _rule_stated_pct(text, x, y, found[1], [q for q in earlier if q.kind == "percent"], sent)
            if pct is None or sent(pct) != sent(y):
                _add_change(text, x, y, found[1], add)
            if pct is not None and x.value and x.kind != "percent":
                _add_pct_change(x, y, pct, found[1], add)
            break


_EXPECTED_BEFORE = re.compile(
    r"(?<!than-)(?<!than\s)\b(?:expected|forecast|predicted|estimated|expectations\s+of|forecasts\s+of|"
    r"consensus\s+of|target\s+of(?:\s+an?)?)\s+"
    r"(?:(?:[\w'’]+\s+){0,2}?(?:of\s+)?|(?:[\w'’]+\s+){1,6}?(?:at|of|to\s+be)\s+)$",
    re.I,
)
_MISSED = re.compile(
    r"\b(?:failed\s+to\s+meet|missed|fell\s+short|short\s+of|disappoint\w*|below|worse\s+than)\b", re.I
)
_BEAT = re.compile(r"\b(?:beat|beating|exceeded|exceeding|topped|above|better\s+than|ahead\s+of)\b", re.I)


def _rule_expectation(text: str, y: Quantity, window: list[Quantity], lead_end: int) -> tuple[Quantity, int] | None:
    """ "profit was 33 cents a share, but analysts had expected 34 cents": y is the expectation, x the
    earlier figure of the same measure (window or lead) closest to it, within a third of it; the direction comes
    from "failed to meet", "missed", "below" (-1) or "beat", "exceeded", "above" (+1) in those sentences
    or the lead. No direction word: no relation."""
    if not _EXPECTED_BEFORE.search(text, max(0, y.start - 60), y.start):
        return None
    near = [
        q
        for q in window
        if q is not y
        and _same_measure(q, y)
        and 0.6 <= q.value / (y.value or 1) <= 1.67
        and not _FROM_BEFORE_X.search(text, max(0, q.start - 30), q.start)  # "from 57.8" is the old figure
    ]
    x = min(near, key=lambda q: (abs(q.value - y.value), -q.start), default=None)  # of the same order as y
    if x is None or y.start - x.start > 300 and not x.start < lead_end:
        return None
    after = _SENTENCE_STOP.split(text[y.end : y.end + 60], maxsplit=1)[0]
    span = text[max(0, x.start - 150) : y.end] + after + " " + text[:lead_end]
    missed, beat = bool(_MISSED.search(span)), bool(_BEAT.search(span))
    if missed == beat:
        return None
    return x, (-1 if missed else 1)


def _add_expectation(x: Quantity, y: Quantity, sign: int, add) -> None:
    ok = x.value < y.value if sign < 0 else x.value > y.value
    add(
        "comparison",
        [y],
        x,
        bool(ok),
        f"{x.text} ({_fmt(x.value)}) against the expected {y.text} ({_fmt(y.value)}): the text says it "
        f"{'fell short of' if sign < 0 else 'beat'} expectations, "
        + ("consistent" if ok else f"but {_fmt(x.value)} is not {'below' if sign < 0 else 'above'} {_fmt(y.value)}"),
    )


def _parts_phase(text, y, window, ahead, recent_pcts, sent, add) -> None:
    """y as a part: of an anaphoric whole ("of those", "Of that,"), out of a stated total, or of the next
    figure ("72 of the 550", already checked by _part_of_phase); then a share stated elsewhere."""
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
            _add_part(y, whole, add)
        share = _rule_share_of_part(text, y, whole, recent_pcts + [q for q in ahead if q.kind == "percent"], sent)
        if share is not None:
            _add_share(y, whole, share[0], False, add)


_FROM_BEFORE_X = re.compile(
    r"\bfrom\s+(?:just\s+(?:over|under)\s+|about\s+|around\s+|nearly\s+|almost\s+|a\s+|an\s+|the\s+)?$", re.I
)
_TO_AFTER_X = re.compile(
    r"[^.;]{0,40}?\bto\s+(?:a\s+record\s+|a\s+|an\s+|just\s+|about\s+|around\s+|nearly\s+|almost\s+|only\s+)?$", re.I
)


def _rule_from_to(text: str, x: Quantity, y: Quantity) -> int:
    """ "fell last year from 36 to just 21 days", "from just over 5% in 2003 to a record 13.3%": x right after
    "from", y after "to" at most 40 characters later in the same clause, and a direction word in the 100
    characters before "from" (in its sentence). Returns the direction (+1, -1) or 0. (Size is no cue here: "losses
    deepened to £51.6m from £1.2m" is explicit.)"""
    if not (x.start < y.start and _FROM_BEFORE_X.search(text, max(0, x.start - 30), x.start)):
        return 0
    if not _TO_AFTER_X.fullmatch(text, x.end, y.start):
        return 0
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


_OF_THE_NOUN = re.compile(
    r"\s+(?:of|out\s+of)\s+(?:the|its|their|those|these|all\s+the)\s+(?:[a-z][\w'’-]*\s+){0,2}?(?P<noun>[a-z][\w'’-]*)\b"
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
        if w.kind == "count" and w.value > 0 and sent(y) - 3 <= sent(w) <= sent(y) and noun <= _words(w.unit):
            return w
    return None


_OF_BEFORE = re.compile(r"\b(?:of|out\s+of)\s+(?:the\s+|its\s+|their\s+|all\s+)?$", re.I)  # y is a whole
_OF_THE_OPENER = re.compile(r"(?:^|[.;!?]\s+|\n)\s*Of\s+(?:the\s+|its\s+|their\s+|this\s+|that\s+)?$")


def _rule_of_the_whole(text: str, y: Quantity, window: list[Quantity], sent) -> Quantity | None:
    """ "Of the $18.4bn approved by Congress, less than $2bn has been spent": the figure that opens y's
    sentence after "Of the" is the whole y is part of."""
    for w in reversed(window):
        if sent(w) != sent(y) or w.kind in ("percent", "date", "rank") or not _same_measure(w, y):
            continue
        if _OF_THE_OPENER.search(text, max(0, w.start - 12), w.start):
            return w
    return None


# "… £84m. That compares with £75m a year earlier", "climbed to 43.305, up from a close of 43.41",
# "Compared with £75m last year, sales of £84m …": x is named as the baseline of a figure y of the
# same measure nearby; y's own clause says which way it moved (if it says so).
_COMPARED_BEFORE = re.compile(
    r"(?:\b(?P<cmp>compare[sd]?|comparing)\s+(?:with|to)"
    r"|\b(?P<dir>up|down|rising|falling|increasing|decreasing|higher|lower)\s+from"
    r"|\b(?P<vs>versus|vs\.?|against)|(?P<vs2>\())"
    r"\s*(?:(?!(?:and|but|while|which)\b)[A-Za-z'’-]+\s+){0,4}?$",
    re.I,
)
_THEN_AFTER = re.compile(
    r"[^.;!?\d]{0,30}?\b(?:a\s+year\s+(?:earlier|ago|before)|last\s+(?:year|month|quarter)|"
    r"(?:the|a)\s+(?:previous|prior|same)\s+(?:year|month|quarter|period)|previously|in\s+(?:19|20)\d\d)\b",
    re.I,
)
_BACK_OPENER = re.compile(
    r"(?:^|[.!?]\s+|\n)\s*(?:However,?\s+|But\s+|And\s+)?(?:This|That|It|These|Those|The\s+(?:figure|total|rate))\s+"
    r"(?:\w+\s+){0,2}?(?:compare[sd]?|was\s+(?:up|down)|is\s+(?:up|down))\b[^.!?\n]*$"
)
_THAN_BEFORE = re.compile(r"\bthan\s+(?:the\s+|a\s+|an\s+)?$", re.I)
_COMPARED_OPENER = re.compile(r"(?:^|[.!?]\s+|\n)\s*(?:Compared|Comparing)\s+(?:with|to)\s+[^.!?\n]*$")


def _rule_compared_with(text: str, x: Quantity, window: list[Quantity], ahead: list[Quantity], sent):
    """x named as a baseline: "compared with x", "up from (a close of) x", "against x a year earlier".
    Returns (y, x) with y the figure compared: the nearest earlier one of the same measure in x's sentence,
    in the sentence before when x's opens "This compares with" / "That was up from", or the next one when
    it opens "Compared with x, …". None if there is no such figure."""
    m = _COMPARED_BEFORE.search(text, max(0, x.start - 50), x.start)
    if m is None or x.kind in ("date", "rank") or x.qualifier == "vague":
        return None
    if (m.group("vs") or m.group("vs2")) and not _THEN_AFTER.match(text, x.end, x.end + 40):
        return None  # "traded at $1.20 against the euro", "(£1.1bn)": a baseline only with a time "(£75m in 2003)"
    if _COMPARED_OPENER.search(text, max(0, x.start - 80), x.start):
        pool = [q for q in ahead if sent(q) == sent(x)]
    else:
        pool = [q for q in reversed(window) if sent(q) == sent(x)]
        if not pool and _BACK_OPENER.search(text, max(0, x.start - 120), x.start):
            pool = [q for q in reversed(window) if sent(q) == sent(x) - 1]
    for y in pool[:3]:
        if not _same_measure(x, y) or y.qualifier == "vague" or not x.value or not y.value:
            continue
        if x.kind != "percent" and not 0.2 <= y.value / x.value <= 5:
            continue
        if _COMPARED_BEFORE.search(text, max(0, y.start - 50), y.start) or _THAN_BEFORE.search(
            text, max(0, y.start - 20), y.start
        ):
            continue  # y is itself a baseline ("compared with 3% and with 4%", "less than the 47.3% forecast")
        return y, x
    return None


_RATE_QUOTE = re.compile(
    r"\s*(?:[\w']+\s+){0,2}?(?:per|to\s+the|against\s+the)\s+(?:US\s+)?(?:dollar|euro|pound|yen|yuan)", re.I
)


def _stated_direction(text: str, y: Quantity, x: Quantity) -> int:
    """The direction the text gives y against its baseline x: "up from"/"down from" right before x, else the
    last direction word of y's clause before y (within 80 characters of its sentence) unless y is itself a
    rate of change ("grew 15.7%"). 0 if none, or if y is an exchange rate ("43.3 per US dollar": a currency
    that climbs is a smaller figure)."""
    if _RATE_QUOTE.match(text, y.end) or _RATE_QUOTE.match(text, x.end):
        return 0
    m = _COMPARED_BEFORE.search(text, max(0, x.start - 50), x.start)
    if m and m.group("dir"):
        return _direction(m.group("dir"))
    before = _FULL_STOP.split(text[max(0, y.start - 80) : y.start])[-1]
    if y.kind == "percent" and _PCT_DIRECTION.search(before):
        return 0  # "grew 15.7%": the verb is y's own change, not y against x
    return next((d for d in map(_direction, reversed(re.findall(r"[a-z]+", before.lower()))) if d), 0)


def _add_compared(text: str, y: Quantity, x: Quantity, earlier, sent, add) -> None:
    """A change with the direction y's clause states (breakable), or a percentage change if a % is stated.
    Two figures set side by side with no direction ("25%, compared with 10% before") assert nothing a
    checker can compute, so they are not reported."""
    sign = _stated_direction(text, y, x)
    if not sign:
        return
    pct = _rule_stated_pct(text, x, y, sign, [q for q in earlier if q.kind == "percent"], sent)
    if pct is not None and x.value and x.kind != "percent":
        _add_pct_change(x, y, pct, sign, add)
    else:
        _add_change(text, x, y, sign, add)
