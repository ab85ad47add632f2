"""Article-wide lookups that replace scans, so the rules stay linear in the number of figures: the
total nearest a sum (a bisect into the counts of a unit) and the first figure compatible with another
(a dictionary on kind, currency and unit words)."""

from __future__ import annotations

import bisect

from ..types import Quantity
from .common import INF, _words


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
