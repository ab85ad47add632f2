"""Relation rules changed in round 10 of issue 12 (precision audit on fresh articles, then the last tuning
articles), on sentences written for these tests (not taken from any corpus)."""

import pytest

from factcheck.extraction import extract
from factcheck.extraction.relations.across_compared import _is_expectation
from tests.extraction.test_relations_round4 import _rels, _texts


def _restated(text):
    ex, rels = _rels(text, "restatement")
    return [_texts(ex, r) for r in rels]


# restatement._label: a figure that names something restates nothing
@pytest.mark.usefixtures("consistent_restatements")
@pytest.mark.parametrize(
    "text",
    [
        "Ana Lopes, the 200m champion, is entered for Paris.\n\n"
        "She ran well at home. The Olympic 200m champion Mia Roy also runs there.",
        "Tom Reid to race in Oslo\n\n"
        "Tom Reid, a former 400 metres favourite, will run in the 60m in Oslo. Reid said his 400 metres "
        "runner friends were coming too.",
        "Band has a number one single\n\n"
        "The band scored its first number one single last week. It is only the 12th number one single by a "
        "Welsh group.",
        "Cafe opens\n\nThe caf&#233; opened on Monday. Its owner said the caf&#233; would open late.",
        "Maker to build engines\n\nThe maker will build four-cylinder diesel engines in Leeds. The four-cylinder "
        "engines will go into its vans, and a five-star hotel will host the launch beside another five-star hotel.",
    ],
)
def test_it_does_not_restate_a_figure_that_names_something(text):
    assert _restated(text) == []


@pytest.mark.usefixtures("consistent_restatements")
def test_it_does_not_restate_a_squad_size_as_an_age():
    text = (
        "Kay joins squad\n\nThe winger Sam Kay has been added to the 25-man squad for the trip. "
        "Kay, 25, has played twice before."
    )
    assert _restated(text) == []


@pytest.mark.usefixtures("consistent_restatements")
def test_it_still_restates_a_squad_size_in_other_words():
    text = (
        "Kay joins squad\n\nThe winger Sam Kay has been added to the 25-man squad for the trip. "
        "Kay has played twice before. The coach named a 25-man training squad on Monday."
    )
    assert _restated(text) == [["25-man squad", "25-man"]]


@pytest.mark.usefixtures("consistent_restatements")
def test_it_does_not_restate_a_set_score_that_repeats_by_chance():
    text = (
        "Smith into last four\n\n"
        "Smith won 6-4 7-5 against the second seed in Sydney on Friday. "
        "Later, Brown beat the fourth seed 3-6 6-4 6-2 in the other quarter-final. "
        "Jones won 7-5 6-1 in the last match of the day."
    )
    assert _restated(text) == []


@pytest.mark.usefixtures("consistent_restatements")
def test_it_does_not_restate_a_score_by_another_one_with_the_same_first_number():
    text = (
        "Wales lead at the break\n\n"
        "Two early tries gave Wales a 14-3 lead in Rome. After the break the hosts scored a penalty. "
        "Another kick made it 14-6 before Wales pulled away."
    )
    assert _restated(text) == []


@pytest.mark.usefixtures("consistent_restatements")
def test_it_still_restates_a_headline_result_in_the_body():
    text = "Lyon win 3-1 in Lille\n\nLyon beat Lille 3-1 on Saturday with two late goals."
    assert _restated(text) == [["3-1", "3-1"]]


def _compared(text):
    ex, rels = _rels(text, "comparison")
    return [(sorted(_texts(ex, r)), r.holds) for r in rels]


# across_compared._is_expectation: the one who expected the figure named after it
@pytest.mark.parametrize(
    ("text", "holds"),
    [
        (
            "Exports grew faster than expected, rising at a rate of 6.2% in March.\n\n"
            "The figure was ahead of the 5.4% the ministry estimated in February.",
            True,
        ),
        (
            "Exports grew faster than expected, rising at a rate of 5.2% in March.\n\n"
            "The figure was ahead of the 5.4% the ministry estimated in February.",
            False,
        ),
    ],
)
def test_it_sets_a_figure_against_an_expectation_named_after_it(text, holds):
    ex, rels = _rels(text, "comparison")
    assert [r.holds for r in rels if "expected" in r.explanation] == [holds]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It topped the 5.8% growth rate that most analysts had forecast.", True),
        ("It was below the 2% analysts were expecting.", True),
        ("It was ahead of the 3.1% the government estimated.", True),
        ("It was ahead of the 3.1% seen in May, economists estimated.", False),
        ("A 3.1% rise was estimated.", False),
    ],
)
def test_it_reads_an_expectation_named_after_the_figure(text, expected):
    y = next(q for q in extract(text).quantities if q.kind == "percent")
    assert _is_expectation(text, y) is expected


def test_it_does_not_read_a_figure_the_next_clause_explains_as_an_expectation():
    text = "Exports grew at a rate of 6.2% in March. The 5.4% the ministry gave last year stands."
    assert _compared(text) == []


# thresholds.thresholds_crossed
@pytest.mark.parametrize(
    ("text", "pair", "holds"),
    [
        (
            "Sales for the year broke through the $2 trillion mark for the first time, coming in at $2.03 trillion.",
            ["$2 trillion", "$2.03 trillion"],
            True,
        ),
        (
            "Sales for the year broke through the $2 trillion mark for the first time, coming in at $1.93 trillion.",
            ["$1.93 trillion", "$2 trillion"],
            False,
        ),
        (
            "Cold weather pushed gas prices above the $9 mark for the first time in a year. "
            "Gas closed up 40 cents to $9.32 in London.",
            ["$9", "$9.32"],
            True,
        ),
        (
            "The index closed at 4,960 points on Friday. Traders think it will rise above the 5,000 mark.",
            ["4,960 points", "5,000 mark"],
            True,
        ),
        (
            "Rice closed at $310 a tonne. Although below last year's peak of $350, prices are well above the "
            "decade's average of $240.",
            ["$310", "$350"],
            True,
        ),
    ],
)
def test_it_sets_a_level_against_the_threshold_it_crossed(text, pair, holds):
    assert (sorted(pair), holds) in _compared(text)


@pytest.mark.parametrize(
    "text",
    [
        "A reading above 50 indicates a level of growth. The index rose to 53.1 in May.",
        "Viruses topped the 10,000 mark last year. Some fear the number could hit 15,000 by June.",
        "The shares topped $8 for the first time, and the firm gained $7.90m in fees.",
    ],
)
def test_it_sets_no_level_against_a_threshold_without_one(text):
    assert _compared(text) == []
