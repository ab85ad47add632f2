"""Round 13 of issue 12: rules widened to the class of wording they handle (not new shapes), on sentences
written for these tests (not taken from any corpus)."""

import pytest

from factcheck.extraction.relations.common import _words
from tests.extraction.test_relations_round4 import _rels, _texts


def _found(text, kind):
    ex, rels = _rels(text, kind)
    return [(_texts(ex, r), r.holds) for r in rels]


# common._NOUN_CLASSES: one thing counted under two nouns of a class shares a unit word
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("jobs", "staff"),
        ("employees", "workforce"),
        ("stores", "branches"),
        ("companies", "firms"),
        ("homes", "houses"),
    ],
)
def test_it_counts_nouns_of_one_class_as_one_measure(a, b):
    assert _words(a) & _words(b)


def test_it_keeps_nouns_of_different_classes_apart():
    assert not _words("jobs") & _words("shops")
    assert not _words("votes") & _words("people")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mill will shed 450 jobs - 15% of its 3,000 workers.", [(["450 jobs", "3,000 workers", "15%"], True)]),
        ("The mill will shed 450 jobs - 25% of its 3,000 workers.", [(["450 jobs", "3,000 workers", "25%"], False)]),
    ],
)
def test_a_share_of_a_whole_counted_under_another_noun(text, expected):
    assert _found(text, "percentage") == expected


# across_parts._rule_share_of_whole_elsewhere: a fraction as well as a %, and a whole earlier in the sentence
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The carmaker, which has 8,000 employees, is to lay off 2,000 staff, a quarter of its workforce.",
            [(["2,000 staff", "8,000 employees", "a quarter"], True)],
        ),
        (
            "The carmaker has 8,000 employees. It is to lay off 2,000 staff, about a quarter of its workforce.",
            [(["2,000 staff", "8,000 employees", "a quarter"], "approximately")],
        ),
        (
            "The carmaker has 8,000 employees. It is to lay off 2,000 staff, or 40% of its workforce.",
            [(["2,000 staff", "8,000 employees", "40%"], False)],
        ),
    ],
)
def test_a_share_of_a_whole_named_by_a_noun(text, expected):
    assert _found(text, "percentage") == expected


def test_a_whole_after_the_share_in_its_sentence_is_not_taken_as_named_elsewhere():
    # the whole is said right after "of": the apposition rule reads it, and only once
    text = "The carmaker is to lay off 2,000 staff, a quarter of its 8,000 employees."
    assert _found(text, "percentage") == [(["2,000 staff", "8,000 employees", "a quarter"], True)]
