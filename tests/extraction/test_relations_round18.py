"""Round 18 of issue 12: the ratio phrase's own figure ("half", "a third") taken into
the ratio, and a share stated after a part and its whole by a longer noun phrase or by the next sentence.
Sentences written for these tests, not taken from any corpus."""

import pytest

from factcheck.extraction import extract


def _rels(text, kind):
    ex = extract(text)
    out = []
    for r in ex.relations:
        if r.kind == kind:
            ids = [*r.operands, *([r.result] if r.result is not None else [])]
            out.append((sorted(ex.quantities[i].text for i in ids), r.holds))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She spent $2.1m on the race, less than half the $4.6m spent by her rival.",
            (["$2.1m", "$4.6m", "half"], "approximately"),
        ),
        (
            "He spent $2.1m on the race, about half the $4.6m spent by his rival.",
            (["$2.1m", "$4.6m", "half"], "approximately"),
        ),
        ("Sales were $84m, twice the $42m of the year before.", (["$42m", "$84m", "twice"], True)),
    ],
)
def test_the_ratio_words_figure_is_part_of_the_ratio(text, expected):
    assert _rels(text, "ratio") == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The group sold 1.24 million vehicles last year. Electric models accounted for 310,000 of the cars sold, "
            "a quarter of the total.",
            (["1.24 million vehicles", "310,000", "a quarter"], True),
        ),
        (
            "Wind turbines produced 82.6 TWh of power in Britain last year, out of 276 TWh generated in total.\n\n"
            "That gave wind 30% of the mix.",
            (["276 TWh", "30%", "82.6 TWh"], "approximately"),
        ),
        (
            "Wind turbines produced 82.6 TWh of power in Britain last year, out of 276 TWh generated in total.\n\n"
            "That gave wind 40% of the mix.",
            (["276 TWh", "40%", "82.6 TWh"], False),
        ),
    ],
)
def test_a_share_stated_after_a_part_and_its_whole(text, expected):
    assert expected in _rels(text, "percentage")


def test_a_share_in_the_next_sentence_needs_its_opening():
    text = (
        "Wind turbines produced 82.6 TWh of power in Britain last year, out of 276 TWh generated in total.\n\n"
        "Solar took 5% of the mix."
    )
    assert _rels(text, "part_of") and _rels(text, "percentage") == []


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("Over the year, 8,117 officers left the force, outnumbering the 6,902 who joined.", True),
        ("Over the year, 6,117 officers left the force, outnumbering the 6,902 who joined.", False),
        ("The Greens won 370 seats, finishing ahead of the Conservatives on 319.", True),
        ("The club's revenue reached £410m last year, more than its main rival, which took £436m.", False),
        ("A basket of everyday items cost £128.40, just below Lidwell at £129.10.", True),
        ("The rally lifted the firm's value to £2.9bn, overtaking rival Sennet, which is worth £3.1bn.", False),
        ("Broadband now reaches 54 million people, up from 34 million a year ago.", True),
    ],
)
def test_comparisons_said_by_a_verb_or_beside_a_rival(text, holds):
    assert [h for _f, h in _rels(text, "comparison")] == [holds]


@pytest.mark.parametrize(
    "text",
    [
        "Doom 3 sold 400,000 copies, ahead of Halo 2.",  # names, not counts compared
        "The team won 3 games, above 2 last year.",  # small bare counts: too weak a cue
    ],
)
def test_small_or_named_counts_are_not_compared(text):
    assert _rels(text, "comparison") == []


# list_totals.sums_of_listed_figures
@pytest.mark.parametrize(
    ("text", "holds"),
    [
        (
            "Chain stores shut 6,945 outlets in the first half. England accounted for 5,820 closures, Scotland for "
            "610, Wales for 340 and Northern Ireland for 175.",
            True,
        ),
        (
            "The carmaker sold 1.24 million vehicles last year. Of those, 486,000 went to buyers in Europe, 412,000 "
            "in North America and the remaining 362,000 in Asia.",
            False,
        ),
        (
            "Registrations reached 152,300 in May. Petrol cars accounted for 78,900 of them, hybrids for 34,700 and "
            "diesels for 5,300. Battery cars made up the remaining 33,400.",
            True,
        ),
    ],
)
def test_a_listed_set_of_figures_against_its_total(text, holds):
    assert [h for _f, h in _rels(text, "sum")] == [holds]


@pytest.mark.parametrize(
    "text",
    [
        # a list beside a larger figure that the words do not call its total
        "The firm employs 9,000 people. It hired 400 in Leeds, 300 in York and 250 in Hull this year.",
        # a bill, the extra it costs and that extra by the week are no list
        "The bill stood at £2,083 this year, so a family faces an extra £104, or roughly £2 a week, to reach £2,187.",
        # small counts add up by chance
        "The owners - two from Taiwan, two from China, one from Mauritius and one from Malaysia - ran six factories.",
    ],
)
def test_no_sum_is_claimed_where_the_words_do_not_list_a_whole(text):
    assert _rels(text, "sum") == []
