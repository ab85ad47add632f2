"""Round 19 of issue 12 (from the product review): a list opened by "of whom"/"of which"/a colon is the parts of
the figure before it, not an item of its own; two parts make a list when the second is "the remaining …"/"the
rest"; and one "up from" has one reading. Sentences written for these tests, not taken from any corpus."""

import pytest

from factcheck.extraction import extract

from .test_relations_round18 import _rels  # (sorted figure texts, holds) of each relation of a kind

CLINIC = "Clinic figures published\n\nThe clinic saw 4,800 patients in March. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            CLINIC + "Of those, 3,100 were treated on the day and the remaining 1,200 were sent home.",
            (["1,200", "3,100", "4,800 patients"], False),
        ),
        (
            CLINIC + "Of those, 3,100 were treated on the day and the remaining 1,700 were sent home.",
            (["1,700", "3,100", "4,800 patients"], True),
        ),
    ],
)
def test_two_parts_and_the_rest_make_a_list(text, expected):
    assert expected in _rels(text, "sum")


def test_two_figures_without_a_rest_word_are_no_list():
    text = CLINIC + "Of those, 3,100 were treated on the day and 1,200 were over 65."
    assert _rels(text, "sum") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The clinic saw 4,800 patients in March, of whom 3,100 were treated on the day, 900 were referred and "
            "the rest, 600, were sent home.",
            (["3,100", "4,800 patients", "600", "900"], False),
        ),
        (
            "The council will spend £12m on roads, of which £5m goes to repairs, £4m to cycle lanes and £3m to "
            "street lighting.",
            (["£12m", "£3m", "£4m", "£5m"], True),
        ),
    ],
)
def test_the_figure_before_of_whom_is_the_total_not_an_item(text, expected):
    assert expected in _rels(text, "sum")


def test_a_broken_list_names_the_gap_and_the_rounding():
    text = CLINIC + "Of those, 3,100 were treated on the day and the remaining 1,200 were sent home."
    (rel,) = [r for r in extract(text).relations if r.kind == "sum"]
    assert "= 4,300" in rel.explanation and "gap of 500" in rel.explanation and "±" in rel.explanation


@pytest.mark.parametrize(
    "text",
    [
        "The firm employs 1,200 people, of whom 300 are engineers, up from 900 five years ago.",
        "The hospital treated 12,400 patients, of whom 7,900 were seen within 18 weeks, up from 11,900 a year before.",
    ],
)
def test_one_up_from_has_one_reading(text):
    assert _rels(text, "change") == []
    ((figures, holds),) = _rels(text, "comparison")
    assert holds is True


def test_a_change_the_comparison_agrees_with_stays():
    # the comparison reads "up from £1.5m" against £5m of sales; the change reads it against £2m of profit
    text = "The firm made sales of £5m, with profits of £2m, up from £1.5m the year before."
    assert (["£1.5m", "£2m"], True) in _rels(text, "change")


def test_a_perturbed_main_figure_is_still_flagged():
    text = "The firm employs 800 people, of whom 300 are engineers, up from 900 five years ago."
    assert (["800 people", "900"], False) in _rels(text, "comparison")


def test_the_demo_hospital_articles_planted_error_is_flagged():
    # the demo's "failed check" filter must not be empty: its hospital article lists parts that miss the total
    from factcheck.demo.content import HOSPITAL

    assert (["12,400 patients", "3,800", "7,900"], False) in _rels(HOSPITAL["body"], "sum")


def test_a_time_said_of_an_item_does_not_break_the_list():
    text = CLINIC + "Of those, 3,100 were seen within 18 weeks and the remaining 1,200 waited longer."
    assert (["1,200", "3,100", "4,800 patients"], False) in _rels(text, "sum")


def test_an_exact_share_prints_no_rounding_range():
    from factcheck.demo.content import HOSPITAL
    from factcheck.extraction.relations.common import rounding

    (rel,) = [r for r in extract(HOSPITAL["body"]).relations if r.kind == "percentage"]
    assert "63.7%;" in rel.explanation and "with rounding" not in rel.explanation
    assert rounding(63.71, 63.74, ".1f", "%") == ""
    assert rounding(63.2, 64.1, ".1f", "%") == " (with rounding 63.2–64.1%)"
    assert rounding(1.2, 1.3, "+.1f", "%", " to ") == " (with rounding +1.2% to +1.3%)"


# browser review 2026-12-05: "…, together 44 million of the total" was read as part of 12 million, the last
# item of the list it adds up ("the part is larger than the whole", a false failed check)
BUDGET = "Where the money goes\n\nThe council will spend 48 million on services next year. "


def test_a_figure_summed_from_its_list_is_not_part_of_one_of_its_items():
    text = (
        "Where the money goes\n\n"
        "Housing gets 18 million, transport 14 million and schools 12 million, together 44 million of the total."
    )
    assert _rels(text, "part_of") == []
    assert (["12 million", "14 million", "18 million", "44 million"], True) in _rels(text, "sum")


def test_of_the_total_still_points_back_when_no_list_is_summed():
    text = BUDGET + "Housing alone gets 52 million of the total."
    assert (["48 million", "52 million"], False) in _rels(text, "part_of")
