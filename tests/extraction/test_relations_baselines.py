"""Round 18 of issue 12: a figure the text places in an earlier period is the baseline of the current level
before it (relations/baselines.py). Sentences written for these tests, not taken from any corpus."""

import pytest

from factcheck.extraction import extract
from tests.extraction.test_relations_round9 import _added

RULE = "changes_to_an_earlier_level"


def _figures(ex, r):
    ids = [*r.operands, *([r.result] if r.result is not None else [])]
    return sorted(ex.quantities[i].text for i in ids)


def _with(text, figures):
    """The relation of the article on exactly these figures (whichever rule found it)."""
    ex = extract(text)
    found = [r for r in ex.relations if _figures(ex, r) == sorted(figures)]
    assert found, [(r.kind, _figures(ex, r), r.explanation) for r in ex.relations]
    return found[0]


@pytest.mark.parametrize(
    ("text", "figures", "holds"),
    [
        # a stated % in the current level's sentence, the baseline in the next
        (
            "Tablet shipments rose 4% in the spring quarter to 52 million units. "
            "A year earlier, 50 million were shipped.",
            ["50 million", "52 million units", "4%"],
            True,
        ),
        (
            "Tablet shipments rose 9% in the spring quarter to 52 million units. "
            "A year earlier, 50 million were shipped.",
            ["50 million", "52 million units", "9%"],
            False,
        ),
        # "N% higher than a year earlier" … the baseline named in the next sentence
        (
            "The average rent reached £1,040 in June, 4% higher than a year earlier. "
            "In June last year tenants paid £1,000.",
            ["£1,000", "£1,040", "4%"],
            True,
        ),
        # a stated amount with its direction
        (
            "The trust employed 8,450 nurses in March, 150 more than a year earlier. "
            "A year before, the total had been 8,300.",
            ["8,450 nurses", "8,300", "150"],
            True,
        ),
        (
            "The trust employed 8,450 nurses in March, 250 more than a year earlier. "
            "A year before, the total had been 8,300.",
            ["8,450 nurses", "8,300", "250"],
            False,
        ),
        # the headline's % states the move
        (
            "Ferry fares rise by 20%\n\nA return crossing will cost £48 from May, the operator said, "
            "against £40 last summer.",
            ["£40", "£48", "20%"],
            True,
        ),
        # a % two sentences before, alone in its sentence
        (
            "Burglaries in the county fell by about 5% last year, the force said.\n\n"
            "Officers recorded 3,800 break-ins, "
            "compared with 4,000 the year before.",
            ["4,000", "3,800 break-ins", "5%"],
            "approximately",  # "about 5%"
        ),
    ],
)
def test_a_stated_move_is_checked_against_the_earlier_level(text, figures, holds):
    assert _with(text, figures).holds == holds


@pytest.mark.parametrize(
    ("text", "figures", "holds"),
    [
        (
            "Exports climbed to £6.1bn in the quarter. In the same quarter of last year they stood at £5.2bn.",
            ["£6.1bn", "£5.2bn"],
            True,
        ),
        (
            "Exports slumped to £6.1bn in the quarter. In the same quarter of last year they stood at £5.2bn.",
            ["£6.1bn", "£5.2bn"],
            False,
        ),
        (
            "The regular reserve has shrunk to 30,500 volunteers, having numbered 35,100 in 2018.",
            ["30,500 volunteers", "35,100"],
            True,
        ),
        # no direction stated: not reported (round 12's decision, kept)
        (
            "The museum drew 412,000 visitors this year. The previous year it had welcomed 380,000.",
            ["412,000 visitors", "380,000"],
            None,
        ),
        (
            "After-tax profit fell to €1.2bn. The previous year the airline had earned €1.45bn.",
            ["€1.2bn", "€1.45bn"],
            True,
        ),
        (
            "After-tax profit rose to €1.2bn. The previous year the airline had earned €1.45bn.",
            ["€1.2bn", "€1.45bn"],
            False,
        ),
    ],
)
def test_a_direction_is_checked_and_none_is_not_reported(text, figures, holds):
    if holds is None:
        assert not extract(text).relations
        return
    r = _with(text, figures)
    assert r.kind == "change" and r.holds == holds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The average rent reached £1,040 in June, 4% higher than a year earlier. "
            "In June last year tenants paid £1,000.",
            "change",
        ),
        (
            "The trust employed 8,450 nurses in March, 150 more than a year earlier. "
            "A year before, the total had been 8,300.",
            "difference",
        ),
        ("The regular reserve has shrunk to 30,500 volunteers, having numbered 35,100 in 2018.", "change"),
    ],
)
def test_the_rule_adds_what_no_other_rule_finds(text, kind):
    assert [r.kind for r in _added(RULE, text)] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        # the percentage is itself a move, not a level: "a 6% rise last year" is no baseline of "5% higher"
        "Like-for-like sales ended 5% higher, compared to a 6% rise last year.",
        # an age between commas is no level
        "Eleven new routes opened. Revenue grew, said chief executive Ann Lowe, 52, a year earlier than planned.",
        # the nearest count of its kind is a different measure (a bare place in a chart)
        "The film entered the chart at six. It had earned five award nominations last year.",
        # the period belongs to another figure before it in the clause
        "The port handled 6.2 million tonnes. That compares with 5.4 million in the previous twelve months, but "
        "remains short of the 6.5 million it handled in 2019.",
        # a figure more than two sentences back is out of reach
        "The council spent £40m on roads. Bus fares were frozen. Parking charges rose. Libraries kept their hours. "
        "A year earlier it spent £36m.",
    ],
)
def test_no_change_is_invented(text):
    added = [r for r in _added(RULE, text) if r.kind == "change"]
    ex = extract(text)
    bad = [r for r in added if {ex.quantities[i].text for i in [*r.operands, r.result]} & {"6.5 million", "52", "6%"}]
    assert not bad, [(r.kind, r.explanation) for r in bad]
    if "Libraries" in text or "award" in text:
        assert not added, [(r.kind, r.explanation) for r in added]
