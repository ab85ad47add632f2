"""Round 17 of issue 12: a figure set against a rival's figure named in a clause of its own, and a sum whose
parts and total are scattered over three sentences with no word saying they add up. Sentences written for
these tests (not taken from any corpus)."""

import pytest

from tests.extraction.test_relations_round4 import _rels, _texts


def _comparisons(text):
    ex, rels = _rels(text, "comparison")
    return [(sorted(_texts(ex, r)), r.holds) for r in rels]


# rivals.comparisons_with_a_rival
@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # box office, a conversion in brackets and an aside between dashes
        (
            "The thriller took $33.1m (£17.5m), ahead of animated comedy Big Fish - now in its fifth week on "
            "release - which took $24.1m (£12.7m).",
            ["$24.1m", "$33.1m"],
        ),
        # sales, "outselling" and "managed"
        (
            "The console sold 120,000 units last week, outselling its main rival, which managed 80,000 units.",
            ["120,000 units", "80,000 units"],
        ),
        # a poll, the rival's figure in brackets
        ("The party polled 41%, ahead of the Greens (12%).", ["12%", "41%"]),
        # a vote, "behind" and "with"
        ("The mayor won 12,300 votes, behind the challenger with 14,100 votes.", ["12,300 votes", "14,100 votes"]),
        # "trailing" and "on"
        ("Shares in the bank gained 2.1%, trailing its rival on 3.4% for the week.", ["2.1%", "3.4%"]),
    ],
)
def test_it_compares_a_figure_with_a_rivals_figure_in_its_own_clause(text, pair):
    assert (pair, True) in _comparisons(text)


@pytest.mark.parametrize(
    "text",
    [
        "The drama earned $9m, ahead of the comedy, which took $12m.",
        "The shop sold 4,000 coats, outselling the chain's flagship store, which sold 5,500 coats.",
        "The mayor won 15,000 votes, behind the challenger with 14,100 votes.",
    ],
)
def test_it_breaks_a_race_word_the_figures_contradict(text):
    assert [h for _, h in _comparisons(text)] == [False]


@pytest.mark.parametrize(
    "text",
    [
        # another subject takes over before the race word
        "The drama earned $9m, while the film ahead of the comedy, which took $12m, slipped.",
        # other things counted
        "About 200 protesters gathered behind police lines, with 50 officers watching.",
        # a time, not a rival's figure
        "The firm raised $40m ahead of its flotation, which took place on 3 May.",
        # scores and bare numbers are results, not takings
        "The team won 3-1, ahead of the visitors, who scored 2 in the final.",
    ],
)
def test_it_sets_no_rival_against_a_figure_of_another_kind_or_subject(text):
    assert [h for _, h in _comparisons(text) if h is False] == []
    assert all("rival" not in r.explanation for r in _rels(text)[1])


# across_parts._scattered (in _rule_parts_sum)
def test_a_series_of_like_figures_is_no_sum_by_chance():
    text = (
        "The new film took $30m at the weekend. The old favourite came second with $21m. "
        "Third was a thriller, which took $11.8m. A comedy was in fourth place with $9.2m."
    )
    assert _rels(text, "sum")[1] == []


@pytest.mark.parametrize(
    "text",
    [
        "The charity raised £21m last year. Of that, the spring appeal brought in £11.8m in total. "
        "The autumn appeal added £9.2m.",
        "The charity raised £21m last year. The spring appeal brought in £11.8m. "
        "The autumn appeal added a further £9.2m.",
        "The charity raised £21m last year. This includes £11.8m from the spring appeal. "
        "The remaining £9.2m came from the autumn appeal.",
    ],
)
def test_scattered_parts_with_a_word_that_adds_them_up_still_sum(text):
    ex, rels = _rels(text, "sum")
    assert [sorted(_texts(ex, r)) for r in rels] == [["£11.8m", "£21m", "£9.2m"]]


def _ratios(text):
    ex, rels = _rels("Firm reports results\n\n" + text, "ratio")
    return [(sorted(_texts(ex, r)), r.holds) for r in rels]


# ratios.ratios_with_an_elided_comparand
@pytest.mark.parametrize(
    ("text", "pair", "holds"),
    [
        ("The firm made £84m in 2004. Its rival made £42m, half as much.", ["half", "£42m", "£84m"], True),
        ("The firm made £84m in 2004. Its rival made £60m, half as much.", ["half", "£60m", "£84m"], False),
        (
            "Ticket sales reached 2.1 million last year. The year before they were 1 million, or about half that.",
            ["1 million", "2.1 million", "half"],
            "approximately",
        ),
        (
            "The old mine employed 400 miners. Its successor employs 1,300 miners, three times as many.",
            ["1,300 miners", "400 miners", "three times"],
            "approximately",
        ),
        (
            "Version 2 sold 1.7 million copies. Version 3 sold 3.4 million copies, twice as many.",
            ["1.7 million copies", "3.4 million copies", "twice"],
            True,
        ),
    ],
)
def test_it_reads_a_ratio_whose_comparand_is_the_figure_before(text, pair, holds):
    # round 18: the ratio word's own figure ("half", "three times", "twice"), when it is one, is the ratio's third
    assert _ratios(text) == [(pair, holds)]


@pytest.mark.parametrize(
    "text",
    [
        # the comparand is named: not the figure before
        "The firm made £84m in 2004. Its rival made £42m, half as much as in 2003.",
        "The council spent £4m on roads - a third as much as it spent on schools.",
        # a name with a number, not a figure of the measure
        "Doom 3 sold 3.4 million copies, twice as many.",
        # not of the order the words say: some other figure is meant
        "The club has 20 members. Its stadium holds 40,000 fans, twice as many.",
    ],
)
def test_it_reads_no_elided_ratio_when_the_comparand_is_elsewhere(text):
    assert _ratios(text) == []


# across_parts._rule_share_of_whole_elsewhere with series.share_noun_words: a bare part takes the share's noun
@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("The chain has 1,200 shops. It will close 300, or 25% of its stores.", True),
        ("The bank employs 8,000 people. It is cutting 2,000, a quarter of its staff.", True),
        ("The chain has 1,200 shops. It will close 500, or 25% of its stores.", False),
    ],
)
def test_a_bare_part_takes_the_noun_its_share_names(text, holds):
    ex, rels = _rels("Retail news\n\n" + text, "percentage")
    assert [r.holds for r in rels] == [holds]


def test_a_bare_part_whose_share_names_other_things_has_no_whole():
    text = "Retail news\n\nThe chain has 1,200 shops. It will close 300, or 25% of its warehouses."
    assert _rels(text, "percentage")[1] == []
