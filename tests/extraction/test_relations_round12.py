"""Relation rules added in round 12 of issue 12, on sentences written for these tests (not taken from any
corpus)."""

import pytest

from tests.extraction.test_relations_round4 import _rels, _texts


def _found(text, kind):
    ex, rels = _rels(text, kind)
    return [(_texts(ex, r), r.holds) for r in rels]


# across_compared._add_compared: two figures set side by side with no direction are not reported (tried in
# round 12 as "a comparison that needs outside evidence": neither gold's annotators marked such pairs, 1 of 6)
@pytest.mark.parametrize(
    "text",
    [
        "Pre-tax profit was £84m, compared with £75m a year earlier.",
        "Unemployment stood at 25%, compared with 10% before the war.",
    ],
)
def test_figures_side_by_side_with_no_direction_are_not_reported(text):
    assert _rels(text)[1] == []


def test_a_stated_direction_still_makes_a_change_that_can_break():
    _, rels = _rels("Pre-tax profit rose to £70m, compared with £75m a year earlier.", "change")
    assert [r.holds for r in rels] == [False]


# total_cues._NAMED_GAP: a list whose items are named before their figures, beside a total word
def test_a_named_list_sums_to_its_total():
    text = "The Greens won 41 seats, the Liberals 30 and the Socialists 19, a total of 90."
    assert _found(text, "sum") == [(["41 seats", "30", "19", "90"], True)]


def test_a_named_list_that_misses_its_total_is_broken():
    text = "The Greens won 41 seats, the Liberals 30 and the Socialists 19, a total of 95."
    assert _found(text, "sum") == [(["41 seats", "30", "19", "95"], False)]


def test_a_named_list_with_no_total_word_is_no_sum():
    assert _found("The Greens won 41 seats, the Liberals 30 and the Socialists 19.", "sum") == []


# listed_parts._part_with: "with N in X" after its whole
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry will cut 9,000 posts, with 1,500 in Scotland.", [(["1,500", "9,000 posts"], True)]),
        ("The chain has 640 shops, with 85 based in Ireland.", [(["85", "640 shops"], True)]),
        ("The fund raised £12m, with £4m going to hospices.", [(["£4m", "£12m"], True)]),
        ("The fund raised £12m, with £12.4m going to hospices.", [(["£12.4m", "£12m"], "approximately")]),
        ("The firm sold 2,000 boats, with 2,600 of them in Norway.", [(["2,600", "2,000 boats"], False)]),
    ],
)
def test_a_part_introduced_by_with(text, expected):
    assert _found(text, "part_of") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The plant will shed 700 jobs, with 300 more to follow next spring.",  # a further amount
        "Sales reached 5,000 bikes, with 300 dealers based in Ireland.",  # another measure
        "The firm sold 2,000 boats, with 2,600 in Norway.",  # implied, and it does not fit: not asserted enough
        "It reported a profit of $100m, with $2bn in sales.",  # "in sales", "in 2003", "at risk", "from …":
        "It sold 5,000 cars last year, with 6,000 in 2003.",  # other things, not parts
        "It will cut 1,000 jobs, with 4,000 at risk.",
        "It spent £2m on roads, with £5m from central government.",
    ],
)
def test_what_is_not_worded_as_a_part_after_with_is_no_part(text):
    assert _found(text, "part_of") == []


# listed_parts._per_period: an amount over a period restated per year or month
@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("The upgrade will cost £3bn over six years, or £500m a year.", True),
        ("The grant is worth £240,000 over two years - £10,000 a month.", True),
        ("The upgrade will cost £3bn over six years, or £800m a year.", False),
    ],
)
def test_an_amount_over_a_period_against_its_rate(text, holds):
    assert [h for _, h in _found(text, "ratio")] == [holds]


@pytest.mark.parametrize(
    "text",
    [
        "The trial costs £3m over six months, or £6m a year.",  # a rate per year against months
        "The fund grew to £3bn over five years, or £200m a year.",  # a level reached, not an amount spread
        "Spending will reach £3bn in four years, or £500m a year more than now.",  # "in four years": from now
        "The levy will raise £3bn over five years, or £200m a year more than planned.",  # an increase
    ],
)
def test_what_is_no_amount_over_a_period_is_left_out(text):
    assert _found(text, "ratio") == []


# sentence_fallback: "after"/"following" with a time, "having held it at", the pace of a rate
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Output growth slowed to 1.5% last year, after 2.4% in 2002.", [(["2.4%", "1.5%"], True)]),
        ("The central bank cut its rate to 3%, having held it at 3.5% since spring.", [(["3.5%", "3%"], True)]),
        ("Output growth slowed to 2.9% last year, after 2.4% in 2002.", [(["2.4%", "2.9%"], False)]),
    ],
)
def test_a_rate_against_its_earlier_level(text, expected):
    assert _found(text, "change") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Output growth slowed to 1.5%, after 2.4% of firms cut staff.",  # no time: no baseline
        "The firm cut its workforce to 5,000 last year, after 1,000 redundancies in 2003.",  # not a rate
    ],
)
def test_after_names_a_baseline_only_for_a_rate_with_its_time(text):
    assert _found(text, "change") == []


# sentence_changes._then_to: levels of a rate, one after the other
def test_a_rate_then_the_level_it_moves_to():
    assert _found("Growth may reach 3.2% this year, before easing to 2.7% in 2008.", "change") == [
        (["3.2%", "2.7%"], True)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The shares rose 6% before falling back to 4% at the close.",
        "The shares fell as much as 8% before recovering to 3% lower.",
        "Shares dipped 4% in early trade before rallying to a 1% loss.",
        "The index slid 2.5% before bouncing back to 1.2% down.",
    ],
)
def test_moves_of_a_price_are_not_levels_of_a_rate(text):
    assert _found(text, "change") == []


# relations.REPORT_CONSISTENT_RESTATEMENTS: a figure stated twice is reported only when the two values differ
def test_a_restatement_is_reported_only_when_it_breaks():
    consistent = "Port handles 4.2 million boxes\n\nThe port handled 4.2 million boxes last year, its busiest."
    broken = "Port handles 4.2 million boxes\n\nThe port handled 3.1 million boxes last year, its busiest."
    assert _found(consistent, "restatement") == []
    assert _found(broken, "restatement") == [(["4.2 million boxes", "3.1 million boxes"], False)]


@pytest.mark.usefixtures("consistent_restatements")
def test_the_restatement_rule_still_finds_the_consistent_one():
    consistent = "Port handles 4.2 million boxes\n\nThe port handled 4.2 million boxes last year, its busiest."
    assert _found(consistent, "restatement") == [(["4.2 million boxes", "4.2 million boxes"], True)]
