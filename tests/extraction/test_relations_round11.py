"""Relation rules added in round 11 of issue 12, on sentences written for these tests (not taken from any
corpus)."""

import pytest

from tests.extraction.test_relations_round4 import _rels, _texts


def _parts(text):
    ex, rels = _rels(text, "part_of")
    return [(_texts(ex, r), r.holds) for r in rels]


# common.POSSESSIVE in _PART_GAP and _OF_THE_OPENER: a whole named with a possessive
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The panel kept three of the council's eight proposals.", [(["three", "eight proposals"], True)]),
        ("She scored two of Wales' five goals on Sunday.", [(["two", "five goals"], True)]),
        ("The board kept nine of the firm's six directors.", [(["nine", "six directors"], False)]),
    ],
)
def test_it_reads_a_part_of_a_whole_named_with_a_possessive(text, expected):
    assert _parts(text) == expected


def test_it_reads_the_whole_of_an_of_the_opener_with_a_possessive():
    text = "Of the town's 12,000 homes, 3,000 have solar panels fitted on the roof."
    assert _parts(text) == [(["3,000", "12,000 homes"], True)]


def test_the_figure_after_the_openers_comma_counts_what_the_whole_counts():
    text = "Of the region's 40 million voters, 12 million backed the plan in the vote."
    assert [t[1] for t, _ in _parts(text)] == ["40 million voters"]


def test_an_of_opener_does_not_make_a_later_clause_a_part():
    text = "Of the 40 shops we visited, most were shut; 90 more are due to open next year."
    assert _parts(text) == []
