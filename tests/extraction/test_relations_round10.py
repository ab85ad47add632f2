"""Relation rules changed in round 10 of issue 12 (precision audit on fresh articles, then the last tuning
articles), on sentences written for these tests (not taken from any corpus)."""

import pytest

from tests.extraction.test_relations_round4 import _rels, _texts


def _restated(text):
    ex, rels = _rels(text, "restatement")
    return [_texts(ex, r) for r in rels]


# restatement._label: a figure that names something restates nothing
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
    ],
)
def test_it_does_not_restate_a_figure_that_names_something(text):
    assert _restated(text) == []


def test_it_does_not_restate_a_squad_size_as_an_age():
    text = (
        "Kay joins squad\n\nThe winger Sam Kay has been added to the 25-man squad for the trip. "
        "Kay, 25, has played twice before."
    )
    assert _restated(text) == []


def test_it_still_restates_a_squad_size_in_other_words():
    text = (
        "Kay joins squad\n\nThe winger Sam Kay has been added to the 25-man squad for the trip. "
        "Kay has played twice before. The coach named a 25-man training squad on Monday."
    )
    assert _restated(text) == [["25-man squad", "25-man"]]


def test_it_does_not_restate_a_set_score_that_repeats_by_chance():
    text = (
        "Smith into last four\n\n"
        "Smith won 6-4 7-5 against the second seed in Sydney on Friday. "
        "Later, Brown beat the fourth seed 3-6 6-4 6-2 in the other quarter-final. "
        "Jones won 7-5 6-1 in the last match of the day."
    )
    assert _restated(text) == []


def test_it_does_not_restate_a_score_by_another_one_with_the_same_first_number():
    text = (
        "Wales lead at the break\n\n"
        "Two early tries gave Wales a 14-3 lead in Rome. After the break the hosts scored a penalty. "
        "Another kick made it 14-6 before Wales pulled away."
    )
    assert _restated(text) == []


def test_it_still_restates_a_headline_result_in_the_body():
    text = "Lyon win 3-1 in Lille\n\nLyon beat Lille 3-1 on Saturday with two late goals."
    assert _restated(text) == [["3-1", "3-1"]]
