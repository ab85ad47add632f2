"""A work counter and span helpers that keep every stage linear in the length of the text.

The counter lets a test bound the work of `extract()` without timing it: the stages add the size of
what they examine (characters a regex scans, candidates and pairs they look at) to the counter of the
current context, if there is one. Nothing is counted, and almost nothing is spent, when no counter is
active (one context-variable lookup per stage call).

    with counting() as work:
        extract(text)
    assert work.total <= 400 * len(text) + 10_000
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar


class WorkCounter:
    """Units of work by stage; a unit is one character scanned or one candidate examined."""

    __slots__ = ("total", "by_stage")

    def __init__(self) -> None:
        self.total = 0
        self.by_stage: dict[str, int] = {}

    def add(self, stage: str, n: int = 1) -> None:
        self.total += n
        self.by_stage[stage] = self.by_stage.get(stage, 0) + n


_CURRENT: ContextVar[WorkCounter | None] = ContextVar("factcheck_extraction_work", default=None)


def current() -> WorkCounter | None:
    """The active counter, or None (the usual case: then the stages count nothing)."""
    return _CURRENT.get()


@contextmanager
def counting() -> Iterator[WorkCounter]:
    """Count the work of the extractor calls made inside the block."""
    counter = WorkCounter()
    token = _CURRENT.set(counter)
    try:
        yield counter
    finally:
        _CURRENT.reset(token)


class Inside:
    """`any(a < pos < b for a, b in spans)` in O(log n), for spans such as quotes.

    Sorted, non-overlapping spans (what quote_spans returns) use bisect; anything else falls back to
    the plain scan, so callers may pass any list.
    """

    __slots__ = ("spans", "starts", "sorted")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [a for a, _ in spans] if spans else spans
        self.sorted = len(spans) < 2 or all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))

    def __call__(self, pos: int) -> bool:
        if not self.spans:
            return False
        if not self.sorted:
            return any(a < pos < b for a, b in self.spans)
        i = bisect.bisect_left(self.starts, pos) - 1
        return i >= 0 and pos < self.spans[i][1]


def overlapping(spans: list[tuple[int, int]], ends: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """The spans with a < end and b > start, clipped to [start, end]; spans sorted and non-overlapping,
    ends = [b for _, b in spans]."""
    i = bisect.bisect_right(ends, start)
    out = []
    for k in range(i, len(spans)):
        a, b = spans[k]
        if a >= end:
            break
        out.append((max(a, start), min(b, end)))
    return out
