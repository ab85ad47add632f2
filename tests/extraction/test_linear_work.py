"""No text can stall the extractor: its work is bounded by k × len(text) + c.

Work is counted, not timed (factcheck.extraction.work): the stages add the characters their regexes
scan and the candidates they examine to the active counter, so these tests do not depend on the speed
or the load of the machine. The helpers that replaced scans (bisects, indexes) are checked against the
plain scans they replaced.
"""

import bisect
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction import extract, relations, segmentation, statements, work
from factcheck.extraction.quantities import _Spans
from factcheck.extraction.tools.adversarial import SHAPES
from factcheck.extraction.types import Quantity

# Units of work per character, and a constant: the worst adversarial shape ("12 " repeated) is about
# 135 per character; a quadratic stage on a few thousand characters is far above this.
K_PER_CHAR = 200
C_CONSTANT = 20_000


def _work(text: str) -> int:
    with work.counting() as counter:
        extract(text)
    return counter.total


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_work_is_linear_on_every_adversarial_shape(name):
    for n in (2_000, 20_000):
        assert _work(SHAPES[name](n)) <= K_PER_CHAR * n + C_CONSTANT, (name, n)


PIECES = st.sampled_from(
    [
        ".",
        "!",
        "?",
        "…",
        " ",
        "\n",
        "\n\n",
        "\t",
        '"x" said ',
        "“x,” said Bob Smith. ",
        '"x" according to the ',
        "He said ",
        "Mr. ",
        "U.S. ",
        "A. ",
        "“",
        "”",
        '"',
        "(",
        ")",
        "; ",
        ", while ",
        "3 and 4 and 7 ",
        "3 drones and 4 drones. ",
        "12 ",
        "1,000",
        "£1",
        "5% ",
        "from 5 to 6 ",
        "72 of the 550 ",
        "a record 5 ",
        "the previous record 4 ",
        "more than ",
        "one two ",
        "hundred ",
        "- x\n",
        "Headline\n",
        "\u200b",
        "\u0301",
        "😀",
        "قال ",
    ]
)
REPEATED = st.tuples(st.lists(st.one_of(PIECES, st.text(max_size=4)), min_size=1, max_size=6), st.integers(1, 400)).map(
    lambda t: "".join(t[0]) * t[1]
)


@settings(max_examples=40, deadline=None)
@given(REPEATED)
def test_work_is_bounded_by_the_length_on_repeated_fragments(text):
    assert _work(text) <= K_PER_CHAR * len(text) + C_CONSTANT


def test_the_counter_costs_nothing_when_unused_and_counts_when_active():
    assert work.current() is None
    text = SHAPES["prose"](5_000)
    with work.counting() as counter:
        extract(text)
        assert work.current() is counter
    assert work.current() is None
    assert set(counter.by_stage) >= {"segmentation", "speakers", "quantities", "statements", "relations", "scoring"}
    assert counter.total == sum(counter.by_stage.values()) > len(text)


# The helpers against the scans they replaced.

SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=12).map(
    lambda xs: sorted({(a, a + d) for a, d in xs})
)


@given(SPANS, st.integers(-2, 75))
def test_inside_agrees_with_the_scan(spans, pos):
    disjoint = [s for i, s in enumerate(spans) if i == 0 or s[0] >= spans[i - 1][1]]
    for case in (spans, disjoint, list(reversed(spans))):
        assert work.Inside(case)(pos) == any(a < pos < b for a, b in case)


@given(SPANS, st.integers(0, 70), st.integers(0, 20))
def test_overlapping_agrees_with_the_scan(spans, start, length):
    disjoint = []
    for a, b in spans:
        if not disjoint or a >= disjoint[-1][1]:
            disjoint.append((a, b))
    end = start + length
    expected = [(max(a, start), min(b, end)) for a, b in disjoint if a < end and b > start]
    assert work.overlapping(disjoint, [b for _, b in disjoint], start, end) == expected


WORDY = st.text(alphabet=st.sampled_from("ab.’'&-_ \n(\"é1"), max_size=30)


@given(WORDY, st.integers(0, 30))
def test_word_before_agrees_with_the_regex(text, lo):
    lo = min(lo, len(text))
    m = re.compile(r"([\w.’'&-]+)$").search(text, lo, len(text))
    assert segmentation._word_before(text, lo, len(text)) == (m.group(1) if m else "")


@given(st.text(alphabet=st.sampled_from("ab \t\n\u00a0\u2003;,"), max_size=30), st.data())
def test_word_index_agrees_with_split(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    index = statements._WordIndex(text, 0, len(text))
    for k in (1, 2, 4):
        assert index.at_least(a, b, k) == (len(text[a:b].split()) >= k)


class _OneList:
    """The span set as it was: one sorted list with insertions in the middle."""

    def __init__(self):
        self.starts, self.ends = [], []

    def free(self, s, e):
        i = bisect.bisect_right(self.starts, s)
        if i > 0 and self.ends[i - 1] > s:
            return False
        return not (i < len(self.starts) and self.starts[i] < e)

    def add(self, s, e):
        i = bisect.bisect_right(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)


@given(st.lists(st.tuples(st.booleans(), st.integers(0, 50), st.integers(0, 6)), max_size=40))
def test_span_set_answers_like_the_single_sorted_list(ops):
    new, old = _Spans(), _OneList()
    for is_add, s, d in ops:
        if is_add:
            new.add(s, s + d)
            old.add(s, s + d)
        else:
            assert new.free(s, s + d) == old.free(s, s + d)


def _q(i, value, kind="count", unit="drones", qualifier=None):
    return Quantity(id=i, start=i, end=i + 1, text=str(value), value=value, unit=unit, kind=kind, qualifier=qualifier)


@given(
    st.lists(st.integers(0, 12), max_size=30),
    st.integers(1, 12),
    st.sets(st.integers(0, 30), max_size=4),
)
def test_nearest_total_agrees_with_the_window_scan(values, target, exclude):
    lst = sorted(((v, i, _q(i, v)) for i, v in enumerate(values)), key=lambda t: (t[0], t[1]))
    lo_v, hi_v = 0.8 * target, 1.25 * target
    scan = [((abs(v - target), i), q) for v, i, q in lst if lo_v <= v <= hi_v and i not in exclude]
    found = relations._nearest(lst, target, lo_v, hi_v, exclude)
    best_found = min((key for key, _ in found), default=None)
    assert best_found == min((key for key, _ in scan), default=None)


KINDS = st.sampled_from(
    [("count", "drones"), ("count", ""), ("other", "drone strikes"), ("money", "£"), ("money", "$"), ("percent", "%")]
)


@given(st.lists(KINDS, max_size=12), KINDS)
def test_first_compatible_agrees_with_the_scan(items, probe):
    qs = [_q(i, 1, kind, unit) for i, (kind, unit) in enumerate(items)]
    q = _q(99, 1, *probe)
    expected = next((b for b in qs if relations._compatible(q, b, need_overlap=False)), None)
    assert relations._FirstCompatible(qs).find(q) is expected
