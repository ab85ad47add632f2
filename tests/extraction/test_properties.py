import json

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction import extract

# Text built from the characters and fragments that the rules care about, plus arbitrary unicode.
FRAGMENTS = st.sampled_from(
    [
        " ",
        "\n",
        "\n\n",
        ". ",
        "? ",
        "“",
        "”",
        '"',
        "’",
        "–",
        "—",
        "£",
        "$",
        "€",
        "%",
        "1.5",
        "bn",
        "m",
        "550",
        "nine",
        "one of",
        "over ",
        "more than ",
        "a record ",
        " of the ",
        " and ",
        ", while ",
        "; ",
        "said",
        " according to ",
        "Mr. ",
        "U.S. ",
        "- ",
        "• ",
        "&amp;",
        "July 4",
        "2004",
        "two-thirds",
        "a dozen",
        "from ",
        " to ",
        "up 12% ",
        "He ",
        "Trump",
        "KYIV, ",
        ":",
        "(",
        ")",
        "drones",
        "missiles",
        # the cues of the article-wide relation rules (issue 12)
        ", compared with ",
        "This compares with ",
        ", down from a close of ",
        " against ",
        " a year earlier",
        " in 2003)",
        "They had closed at ",
        " the remaining ",
        " of the banks",
        " banks",
        "In all, ",
        "rose 5% to ",
        "£84m",
        "The nine ",
        " per US dollar",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(st.one_of(FRAGMENTS, st.text(max_size=5)), max_size=60).map("".join))


def _check(text):
    ex = extract(text)
    prev_end = 0
    for s in ex.statements:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.start >= prev_end
        prev_end = s.end
        assert 0.0 <= s.checkworthiness <= 1.0
        for qid in s.quantity_ids:
            assert ex.quantities[qid].statement == s.index
    for q in ex.quantities:
        assert text[q.start : q.end] == q.text
    n = len(ex.quantities)
    statements = {s.index for s in ex.statements}
    for r in ex.relations:
        assert all(0 <= i < n for i in r.operands)
        assert r.result is None or 0 <= r.result < n
        assert r.holds in (True, False, None, "approximately")
        assert r.explanation
        assert set(r.statement_ids) <= statements
        ids = [*r.operands, *([r.result] if r.result is not None else [])]
        assert len(set(ids)) == len(ids)  # a figure is never related to itself
    return ex


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_it_never_raises_and_every_offset_slices_the_input(text):
    _check(text)


@settings(max_examples=60, deadline=None)
@given(TEXTS)
def test_it_is_deterministic(text):
    assert extract(text).to_dict() == extract(text).to_dict()


def test_it_survives_a_digit_string_longer_than_pythons_int_parsing_limit():
    text = "Total: " + "7" * 5000 + " votes. Then 1" + ",000" * 2000 + " more."
    ex = _check(text)
    assert all(q.text for q in ex.quantities)


def test_it_survives_a_pasted_table_of_figures():
    text = " ".join(f"{i} drones and {i + 1} missiles" for i in range(400)) + ". In all 7 drones and 9 missiles."
    _check(text)


def test_it_survives_number_words_that_multiply_without_end():
    # "hundred hundred …" once built a 6,000-digit int: slow, and fatal for float() and json.dumps
    for text in ["hundred " * 3000, "hundred " * 400 + "drones and " + "hundred " * 400 + "drones. In all 5 drones."]:
        ex = _check(text)
        json.dumps(ex.to_dict())
