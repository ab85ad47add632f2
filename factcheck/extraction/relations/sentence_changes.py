"""Within one sentence: a change "from X to Y" / "to Y from X" (against a stated percentage, a stated
difference "by 120", a ratio word "doubled" or the direction word before it), a percentage change
"£1.2bn, up 12% from £1.07bn", and a ratio "three times as many"."""

from __future__ import annotations

import re

from ..types import Quantity
from .common import (
    _DOWN,
    _OTHER_CLAUSE,
    _PCT_DIRECTION,
    _UP,
    INF,
    NAMED_LEVEL,
    Article,
    _compatible,
    _direction,
    _fmt,
    _holds_text,
    _is_exact,
    _loose,
    _verdict,
    add_difference,
    rounding,
)

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
_FROM_BEFORE = re.compile(rf"\bfrom\s+(?:{NAMED_LEVEL}|a\s+|an\s+|the\s+)?$", re.I)
_FROM_GAP = re.compile(
    r"^(?:[^.;]|\.(?=\d)){0,40}?\b(?:from|on|compared with|compared to|against)\s+"
    r"(?:a\s+|an\s+|the\s+|its\s+|their\s+)?(?:(?:previous|prior|last|same|year|month|quarter|period)(?:'s|’s)?\s+){0,3}$",
    re.I,
)
_RATIO_WORDS = {"doubled": 2, "doubling": 2, "tripled": 3, "trebled": 3, "tripling": 3, "quadrupled": 4, "halved": 0.5}
_RATIO = re.compile(r"\b(doubled|doubling|tripled|trebled|tripling|quadrupled|halved)\b", re.I)


def changes_in_sentence(art: Article) -> None:
    """Changes within a sentence: "from X to Y" and "to Y from X" (checked against a stated %, a stated
    difference, a ratio word or a direction), "up 12% from £1.07bn"; then "three times as many"."""
    add = art.add
    text, conversions = art.without_conversions()  # "rose to 450m euros ($580m) from 400m euros"
    for _sent, whole in art.by_sentence.items():
        art.tick(2, whole[0].start)
        group = [q for q in whole if q.id not in conversions] if conversions else whole
        for i, q in enumerate(group):
            if i + 1 < len(group):
                _from_x_to_y(text, q, group[i + 1], group, add)
                _to_y_from_x(text, q, group[i + 1], group, add)
            # "£1.2bn, up 12% from £1.07bn" / "jumped 76% to $1.13bn from $640m"
            if q.kind == "percent" and q.unit == "%":
                _percent_change(text, q, group, add)
                _points_or_percent(text, q, group, add)
                _percent_than(text, q, group, add)
        _times_ratios(text, group, add)
        for x, y in zip(group, group[1:], strict=False):
            _then_to(text, x, y, add)


def _from_x_to_y(text, q, y, group, add) -> None:
    """change "from X to Y" (with a stated % or absolute change, or a direction)"""
    if (
        _TO_GAP.match(text[q.end : y.start])
        and _FROM_BEFORE.search(text, max(0, q.start - 50), q.start)
        and (_compatible(q, y, need_overlap=False) or (not y.unit and y.kind == "count" and q.unit))
    ):
        _change(text, q, y, group, add)


def _to_y_from_x(text, q, x2, group, add) -> None:
    """ "climbed to 131.9bn kronor from 117.7bn kronor" """
    if (
        re.match(r"^\s*,?\s+(?:(?:in|on|at|for)\s+[\w\s]{0,20}?\s+)?from\s+(?:a\s+|the\s+)?$", text[q.end : x2.start])
        and re.search(r"\bto\s+(?:a\s+record\s+)?$", text[max(0, q.start - 15) : q.start])
        and _compatible(q, x2, need_overlap=False)
        and not (q.kind != "percent" and any(p.kind == "percent" and p.end <= q.start for p in group))
    ):
        _change(text, x2, q, group, add)


def _times_ratios(text, group, add) -> None:
    """ratios: "three times as many" """
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
        add_difference(x, y, absolute, add)
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


_SHARE_OF = re.compile(r"\s+(?:of|out\s+of)\s", re.I)


def _group_pct(text, x, y, group) -> Quantity | None:
    """The % stated for the change from x to y in their sentence: before x in the same clause, or after y
    as "a rise of 49.7%"."""
    pct = next((p for p in group if p.kind == "percent" and p.unit == "%" and p.end <= x.start and p is not y), None)
    if pct is not None and _SHARE_OF.match(text, pct.end):
        return None  # round 15: "25% of them show a shift from 3C to 5C": a share of things, not the change
    if pct is not None and not _OTHER_CLAUSE.search(text, pct.end, min(x.start, y.start)):
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
        f"from {x.text} to {y.text} is a change of {computed:+.1f}%; the text says {pct.text}",
    )


# Chart and league positions: a lower number is a higher place, so "rose from 13 to five" holds.
_RANKED = re.compile(r"\b(?:charts?|chart-topping|rankings?|standings|league tables?)\b", re.I)


_NEUTRAL_MOVE = re.compile(
    r"\b(?:revised|went|gone|going|moved|moving|changed|changing|adjusted|shifted|switched)\s+"
    r"(?:(?:up|down)\s+)?from\s+(?:a\s+|an\s+|the\s+)?$",
    re.I,
)


def _add_direction_change(text, x, y, add) -> None:
    """The direction word nearest the figures wins: "Shares have fallen after losses deepened to …"."""
    pre_verb = text[max(0, x.start - 90) : x.start]
    last_up = max((m.end() for m in _UP.finditer(pre_verb)), default=-1)
    last_down = max((m.end() for m in _DOWN.finditer(pre_verb)), default=-1)
    if last_up == last_down:
        if _NEUTRAL_MOVE.search(pre_verb):  # "was revised from 2.1% to 2.3%": a change, no direction to check
            add("change", [x], y, True, f"from {_fmt(x.value)} to {_fmt(y.value)} (the text states no direction)")
        return
    up = last_up > last_down
    higher = y.value > x.value
    if _RANKED.search(text, max(0, x.start - 90), y.end + 60):
        higher = y.value < x.value  # a place in a ranking: up means a smaller number
    ok = higher if up else (y.value != x.value and not higher)
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
    m = _PCT_DIRECTION.search(before)  # round 13: every move word in every tense (had been a list of past forms)
    if not m or not _direction(m.group("v")):
        return
    down = _direction(m.group("v")) < 0
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
        f"from {x.text} to {y.text} is a change of {computed:+.1f}%; the text says {'down' if down else 'up'} {p.text}",
    )


# "The index rose 20.5 points, or 0.2%, to 10,850", "shares fell 3p (2%) to 147p": a move stated both as an
# amount and as a percentage of the level it started from, with the level it reached.
_OR_PCT_BEFORE = re.compile(
    r"^\s*(?:,\s*or\s+|\s+or\s+|\(\s*|-\s*or\s+)(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$", re.I
)
_PCT_TO_LEVEL = re.compile(
    r"^\s*\)?\s*,?\s*(?:(?:on|after)\s+(?:the\s+)?[a-z]+\s+)?(?:to|at)\s+(?:a\s+|an\s+)?(?:record\s+|new\s+)?"
    r"(?:high\s+of\s+|low\s+of\s+)?$",
    re.I,
)


_CENTS = re.compile(r"\b(?:cents?|pence)\b", re.I)
_WHOLE_UNITS = re.compile(r"\b(?:dollars?|pounds?|euros?)\b|^[$£€]$", re.I)
_SUBUNIT = 0.01


def _points_or_percent(text, p, group, add) -> None:
    """ "rose 20.5 points, or 0.2%, to 10,850": d the amount before p, level the figure after it; the
    level it started from is level ∓ d, and d of that must be p within the rounding of all three."""
    k = group.index(p)
    if k == 0 or k + 1 >= len(group):
        return
    d, level = group[k - 1], group[k + 1]
    if not (_OR_PCT_BEFORE.match(text[d.end : p.start]) and _PCT_TO_LEVEL.match(text[p.end : level.start])):
        return
    scale = _SUBUNIT if _CENTS.search(d.unit) and _WHOLE_UNITS.search(level.unit) else 1.0
    dv, dt = d.value * scale, d.tolerance * scale  # "65 cents … to 1.90 dollars": in the level's units
    if d.kind == "percent" or level.kind == "percent" or not 0 < dv < level.value * 2:
        return
    before = text[max(0, d.start - 40) : d.start]
    up, down = (
        max((m.end() for m in _UP.finditer(before)), default=-1),
        max((m.end() for m in _DOWN.finditer(before)), default=-1),
    )
    if up == down:
        return
    sign = 1 if up > down else -1
    start = level.value - sign * dv
    if start <= 0:
        return
    computed = 100.0 * dv / start
    lo = 100.0 * max(dv - dt, 0) / (start + dt + level.tolerance)
    hi = 100.0 * (dv + dt) / max(start - dt - level.tolerance, 1e-9)
    holds = _verdict((computed, computed), (p.value, p.value), (lo, hi), _loose(p), _is_exact(d, level, p))
    started = f"{start:,.2f}".rstrip("0").rstrip(".")
    add(
        "change",
        [d, level],
        p,
        holds,
        f"{'up' if sign > 0 else 'down'} {d.text} to {level.text} means from {started}, a change of "
        f"{computed:.2f}%{rounding(lo, hi, '.2f', '%')}; the text says {p.text}: {_holds_text(holds)}",
    )


# "Sales were £84m, 12% higher than a year earlier's £75m", "£1.1bn, 5% less than the £1.16bn of 2003": the
# percentage by which the figure before it differs from the figure after it.
_PCT_THAN = re.compile(
    r"\s+(?:(?P<w>higher|lower|more|less|up|down|above|below|bigger|smaller)\s+(?:than|on|from)"
    # round 13: "above"/"below" need no "than" ("10% below the 278p offered"), and the baseline may be named
    # ("12% above its level of $1.24", "5% below the offer price of 278p")
    r"|(?P<w2>above|below|under|over))\s+"
    r"(?:(?:the|a|an|its|their|last|previous|year|year's|earlier's|month's|quarter's|a\s+year\s+earlier's)\s+){0,3}"
    r"(?:(?:[a-z][\w'’-]*\s+){1,3}?(?:of|at)\s+)?$",
    re.I,
)


def _percent_than(text, p, group, add) -> None:
    """ "£84m, 12% higher than last year's £75m": y the figure before p (of x's measure, in the sentence), x
    the one right after "higher than"; y must be x changed by p in the stated direction."""
    k = group.index(p)
    if k + 1 >= len(group) or p.unit != "%":
        return
    x = group[k + 1]
    m = _PCT_THAN.fullmatch(text, p.end, x.start)
    if not m or x.kind in ("percent", "date") or not x.value or m.group("w2") and x.kind == "duration":
        return  # "rose 3% over the 12 months": a period, not a baseline
    y = next((q for q in reversed(group[:k]) if q.kind != "percent" and _compatible(q, x, need_overlap=False)), None)
    if y is None or not re.fullmatch(r"[^.;]{0,40}", text[y.end : p.start]):
        return
    word = m.group("w") or m.group("w2")
    up = word.lower() in ("higher", "more", "up", "above", "bigger", "over")
    computed = 100.0 * (y.value - x.value) / x.value
    lo = 100.0 * ((y.value - y.tolerance) - (x.value + x.tolerance)) / (x.value + x.tolerance)
    hi = 100.0 * ((y.value + y.tolerance) - (x.value - x.tolerance)) / max(x.value - x.tolerance, 1e-9)
    stated = p.value if up else -p.value
    stated_range = (stated - p.tolerance, stated + p.tolerance)
    holds = _verdict((computed, computed), (stated, stated), (lo, hi), stated_range, _is_exact(x, y, p))
    add(
        "change",
        [x, y],
        p,
        holds,
        f"from {x.text} to {y.text} is a change of {computed:+.1f}%; "
        f"the text says {p.text} {word}: {_holds_text(holds)}",
    )


# "The greenback hit $1.3516, before rallying to $1.3509", "shares fell to 150p before recovering to 158p": a
# level, then the one it moved to next, with the verb of that move.
_THEN_TO = re.compile(
    r"[^.;]{0,40}?\b(?:before|then|and\s+then|later)\s+(?P<v>[a-z]+)\s+(?:back\s+|sharply\s+|slightly\s+)?to\s+"
    r"(?:a\s+|an\s+|about\s+|around\s+)?$",
    re.I,
)
_THEN_VERBS = {
    "rallying": 1, "rallied": 1, "recovering": 1, "recovered": 1, "rebounding": 1, "rebounded": 1, "bouncing": 1,
    "climbing": 1, "climbed": 1, "rising": 1, "rose": 1, "jumping": 1, "jumped": 1, "strengthening": 1,
    "falling": -1, "fell": -1, "slipping": -1, "slipped": -1, "easing": -1, "eased": -1, "dropping": -1,
    "dropped": -1, "sliding": -1, "slid": -1, "weakening": -1, "retreating": -1, "retreated": -1,
}  # fmt: skip


def _then_sign(verb: str) -> int:
    """The direction of the verb of the move to the next level: the listed -ing forms, else any move verb (round
    13: "before climbing to", "then slumped to", "later rises to")."""
    return _THEN_VERBS.get(verb.lower(), 0) or _direction(verb)


_OWN_CURRENCY = {"$": r"dollar|greenback|US\s+currency", "£": r"pound|sterling", "€": r"euro", "¥": r"yen"}


# Round 12: two percentages are levels of a rate only when the first is worded as a level ("hit 2.9%", "stood at
# 4.8%") and neither is worded as a move ("fell as much as 8% before recovering to 3% lower", "to a 1% loss").
_LEVEL_BEFORE = re.compile(
    r"\b(?:reach(?:ed|es|ing)?|hit|hits|hitting|stood\s+at|stands\s+at|standing\s+at|peaked\s+at|was|were|is|"
    r"be|been|of)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$",
    re.I,
)
_MOVE_AFTER = re.compile(r"\s+(?:lower|higher|down|up|loss|losses|fall|drop|decline|rise|gain|gains|increase)\b", re.I)


def _rate_levels(text, x, y) -> bool:
    """x and y (percentages) read as two levels of one rate: x worded as a level, no move worded on either."""
    clause = _OTHER_CLAUSE.split(text[max(0, x.start - 60) : x.start])[-1]
    words = [w for w in re.findall(r"[a-z]+", clause.lower()) if w != "growth"]  # "growth hit 2.9%": the rate
    if not _LEVEL_BEFORE.search(clause) or any(_direction(w) for w in words):
        return False
    return not (_MOVE_AFTER.match(text, x.end) or _MOVE_AFTER.match(text, y.end))


def _then_to(text, x, y, add) -> None:
    """ "hit $1.3516, before rallying to $1.3509": x the level before, y the one "before <verb>ing to"; the
    verb's direction, turned round when the clause is about the currency the figures are counted in (a
    stronger dollar is fewer dollars per euro)."""
    gap = text[x.end : y.start]
    if "before" not in gap and "then" not in gap and "later" not in gap:
        return  # a cheap test before the pattern
    m = _THEN_TO.fullmatch(text, x.end, y.start)
    if not m or not _then_sign(m.group("v")) or not _compatible(x, y, need_overlap=False):
        return
    if x.kind in ("date", "rank") or x.value == y.value:
        return
    if x.kind == "percent" and not _rate_levels(text, x, y):
        return
    sign = _then_sign(m.group("v"))
    own = _OWN_CURRENCY.get(x.unit) if x.kind == "money" else None
    if own and re.search(rf"\b(?:{own})s?\b", text[max(0, x.start - 80) : x.start], re.I):
        sign = -sign  # the figure counts the currency the clause is about: it moves the other way
    ok = y.value > x.value if sign > 0 else y.value < x.value
    word = m.group("v").lower()
    add(
        "change",
        [x],
        y,
        ok,
        f"from {x.text} ({_fmt(x.value)}) “{word}” to {y.text} ({_fmt(y.value)}): "
        + ("consistent" if ok else f"but {_fmt(y.value)} is not {'higher' if sign > 0 else 'lower'}")
        + (
            " (a rate counted in the currency the clause is about moves the other way)"
            if own and sign != _then_sign(word)
            else ""
        ),
    )
