"""What one find() pass writes to: the spans taken so far, and the quantities found, each with the bounds
its qualifier implies."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from ..numbers import tidy
from .context import _qualifier


class _Spans:
    """Non-overlapping spans taken so far: O(log n) overlap checks, amortised O(1) additions.

    Each pass of find() adds spans left to right, so they go to a `pending` list by append; the two
    sorted lists are merged when an addition comes out of order (the next pass). list.insert() in the
    middle of one long list made a sentence with thousands of figures quadratic."""

    def __init__(self):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.p_starts: list[int] = []
        self.p_ends: list[int] = []

    def free(self, s: int, e: int) -> bool:
        # The same test as on the one merged list: its last span starting at or before s (on equal
        # starts the pending one, which the merge puts later) and its first span starting after s.
        i = bisect.bisect_right(self.starts, s)
        j = bisect.bisect_right(self.p_starts, s)
        before = None
        if i > 0:
            before = (self.starts[i - 1], self.ends[i - 1])
        if j > 0 and (before is None or self.p_starts[j - 1] >= before[0]):
            before = (self.p_starts[j - 1], self.p_ends[j - 1])
        if before is not None and before[1] > s:
            return False
        after = min(self.starts[i] if i < len(self.starts) else e, self.p_starts[j] if j < len(self.p_starts) else e)
        return not after < e

    def first_overlap(self, s: int, e: int) -> tuple[int, int] | None:
        """The leftmost span taken that overlaps [s, e), or None; O(log n) like free()."""
        best = None
        for starts, ends in ((self.starts, self.ends), (self.p_starts, self.p_ends)):
            i = bisect.bisect_right(starts, s)
            if i > 0 and ends[i - 1] > s:
                cand = (starts[i - 1], ends[i - 1])
            elif i < len(starts) and starts[i] < e:
                cand = (starts[i], ends[i])
            else:
                continue
            if best is None or cand[0] < best[0]:
                best = cand
        return best

    def add(self, s: int, e: int) -> None:
        if self.p_starts and s < self.p_starts[-1]:
            self._merge()
        self.p_starts.append(s)
        self.p_ends.append(e)

    def _merge(self) -> None:
        pairs = sorted(zip(self.starts + self.p_starts, self.ends + self.p_ends, strict=True), key=lambda p: p[0])
        self.starts = [p[0] for p in pairs]
        self.ends = [p[1] for p in pairs]
        self.p_starts, self.p_ends = [], []


@dataclass
class RawQuantity:
    start: int
    end: int
    value: float | int
    unit: str
    kind: str
    qualifier: str | None
    low: float | int | None
    high: float | int | None
    low_inclusive: bool
    high_inclusive: bool
    tolerance: float


def _bounds(value, qual_kind, tolerance):
    """Bounds implied by a qualifier. Returns (low, high, low_inclusive, high_inclusive)."""
    if qual_kind == "gt":
        return value, None, False, True
    if qual_kind == "ge":
        return value, None, True, True
    if qual_kind == "lt":
        return None, value, True, False
    if qual_kind == "le":
        return None, value, True, True
    if qual_kind == "approx":
        return tidy(value * 0.9), tidy(value * 1.1), True, True
    if qual_kind == "nearly":
        return tidy(value * 0.9), value, True, False
    return value, value, True, True


class Scan:
    """One pass of find() over text[start:end]: the rules read the text and add what they find.

    A rule skips a match that overlaps a span an earlier rule took, so the order of the rules matters."""

    __slots__ = ("text", "start", "end", "taken", "out", "low")

    def __init__(self, text: str, start: int, end: int, low: str | None = None) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.low = text[start:end].lower() if low is None else low  # for the rules' cheap word pre-checks
        self.taken = _Spans()
        self.out: list[RawQuantity] = []

    def add(self, s, e, value, unit, kind, tolerance, qual=None, qual_kind=None, unit_end=None) -> None:
        """A quantity with the qualifier before it ("more than 5") turned into bounds; the span runs to
        unit_end when the unit words are part of it."""
        if kind == "count" and tolerance == 0.5:
            tolerance = 0.0  # a whole count is exact; only scaled figures ("1.5 million") are rounded
        self.taken.add(s, e if unit_end is None else unit_end)
        if qual is None:
            qual, qual_kind = _qualifier(self.text, self.start, s)
        if kind == "date":
            qual, qual_kind = None, None
        low, high, li, hi = _bounds(value, qual_kind, tolerance)
        if qual_kind == "record":
            qual = "record"
        self.out.append(
            RawQuantity(s, e if unit_end is None else unit_end, value, unit, kind, qual, low, high, li, hi, tolerance)
        )

    def put(self, s, e, value, unit, kind, qualifier=None, low=None, high=None) -> None:
        """A quantity taken as it is: no qualifier read before it, inclusive bounds, no tolerance."""
        self.taken.add(s, e)
        self.out.append(RawQuantity(s, e, value, unit, kind, qualifier, low, high, True, True, 0.0))
