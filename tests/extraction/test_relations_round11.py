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


# scopes.parts_of_a_scoped_total: a figure for one place against a total for everywhere
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Book in demand\n\nThe novel has sold some 400,000 copies in Spain. It has sold more than nine million "
            "copies worldwide since it came out.",
            [(["400,000 copies", "nine million copies"], True)],
        ),
        (
            "Maker's year\n\nThe maker delivered 12,000 vans in Italy last year. Overall, it delivered 9,000 vans.",
            [(["12,000 vans", "9,000 vans"], False)],
        ),
        (
            "Group results\n\nSales in Brazil rose to $3bn in the year. Worldwide sales of the group were $11bn.",
            [(["$3bn", "$11bn"], True)],
        ),
    ],
)
def test_it_reads_a_local_figure_as_part_of_a_total_for_everywhere(text, expected):
    assert _parts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # nothing shared but the unit: one count is not a subset of the other
        "Raids held\n\nPolice charged 14 people in Leeds on Monday. In all, 30 people were questioned.",
        # a forecast is not part of a total of now
        "PC market\n\nThere will be 60 million new PC users in Brazil by 2010. There are 500 million PC users "
        "worldwide today.",
        # no word of the whole
        "Tour dates\n\nThe band sold 20,000 tickets in Dublin. It sold 90,000 tickets for the tour.",
    ],
)
def test_it_needs_both_scopes_and_a_shared_word(text):
    assert _parts(text) == []


def _compared(text):
    ex, rels = _rels(text, "comparison")
    return [(_texts(ex, r), r.holds) for r in rels]


# sentence_comparisons._CMP_GAP: a noun between the comparative and "than"; the other figure in a clause
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bid\n\nThe fund offered $12bn for the port, a higher bid than the $10bn on the table.", True),
        ("Bid\n\nThe fund offered $8bn for the port, a bigger offer than the $10bn on the table.", False),
        ("Trade\n\nSales grew by 6%, faster than costs, which grew 3%.", True),
        ("Trade\n\nSales grew by 2%, faster than costs, which rose by 5%.", False),
    ],
)
def test_it_reads_a_comparative_with_a_noun_or_a_clause_before_the_other_figure(text, expected):
    assert [holds for _, holds in _compared(text)] == [expected]


def test_a_qualifier_after_a_direction_word_compares_nothing():
    text = "Stock\n\nThe stock gained 3.5% by noon to 6.1 euros, after going up more than 6% at the open."
    assert _compared(text) == []


# common._currency: one currency written two ways; two currencies are never one sum
@pytest.mark.usefixtures("consistent_restatements")
@pytest.mark.parametrize(
    ("later", "expected"),
    [("US$250,000", [(["$250,000", "US$250,000"], True)]), ("£250,000", [])],
)
def test_a_dollar_sum_is_restated_as_us_dollars_only(later, expected):
    ex, rels = _rels(f"Quiz offers prize\n\nThe quiz promises $250,000 to a winner. The winner takes home {later}.")
    assert [(_texts(ex, r), r.holds) for r in rels] == expected


# across_changes._TIME_OPENER: a year opener with no comma marks the baseline sentence
@pytest.mark.parametrize(("later", "expected"), [("£14m", True), ("£9m", False)])
def test_a_year_opener_without_a_comma_marks_the_baseline(later, expected):
    text = f"Results\n\nIn 2002 the club made a profit of £11m. In 2003 its profit climbed to {later}."
    ex, rels = _rels(text, "change")
    assert [(_texts(ex, r), r.holds) for r in rels] == [(["£11m", later], expected)]
