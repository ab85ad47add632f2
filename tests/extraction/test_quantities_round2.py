"""Quantity recognition, issue 12 item 4 (second round): the noun a count ends on, fractions and halves in
every position, figures glued to units and currencies, number words an earlier span swallowed. Every
sentence here was made up for these tests."""

import pytest

from factcheck.extraction import quantities


def _found(text):
    return [(text[q.start : q.end], q.value, q.unit, q.kind) for q in quantities.find(text) if q.kind != "date"]


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("About 1,200 work in the bottling plant.", "1,200", ""),
        ("Some 3,800 abroad were sent ballots.", "3,800", ""),
        ("Buyers stood ten deep at the gate.", "ten", ""),
        ("The 40 still live in the valley.", "40", ""),
        ("Roughly 300 died in the storm.", "300", ""),
        ("The 12 respectively scored well.", "12", ""),
        ("A crowd 5,000 strong marched on the square.", "5,000", ""),
        ("A payment of 25 due in March was missed.", "25", ""),
        ("Almost 90 currently wait for a bed.", "90", ""),
    ],
)
def test_it_never_ends_a_count_unit_on_a_verb_adverb_or_predicative_adjective(text, span, unit):
    got = _found(text)
    assert [(s, u) for s, _v, u, _k in got] == [(span, unit)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The firm issued 30 work permits.", "work permits"),
        ("The band played 10 live shows.", "live shows"),
        ("There were 12 newly built homes.", "newly built homes"),
        ("Three families moved in.", "families"),
        ("They won by one vote.", "vote"),
        ("She listens to BBC Five Live daily.", None),
    ],
)
def test_it_keeps_nouns_and_names_that_look_like_those_words(text, unit):
    units = [u for _s, _v, u, _k in _found(text)]
    assert units == ([unit] if unit is not None else [])


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "kind"),
    [
        ("The council cut its parking fines in half.", "half", 50, "fraction", "percent"),
        ("Burglaries fell by a third over the winter.", "a third", 33.33, "fraction", "percent"),
        ("Ticket sales shrank by more than half.", "half", 50, "fraction", "percent"),
        ("More than half commute by bus.", "half", 50, "fraction", "percent"),
        ("Nearly half our orchard was lost to frost.", "half", 50, "fraction", "percent"),
        ("The village has half as many shops as before.", "half", 0.5, "times", "other"),
        ("The bridge took seven and a half years to build.", "seven and a half years", 7.5, "years", "duration"),
        ("The repairs took 4 and a half months.", "4 and a half months", 4.5, "months", "duration"),
        ("The mayor served a year and a half in office.", "a year and a half", 1.5, "year", "duration"),
        ("The depot lies half a mile from the river.", "half a mile", 0.5, "mile", "other"),
        ("The queue moved after half an hour.", "half an hour", 0.5, "hour", "duration"),
        ("The keeper signed a two-and-a-half-year deal.", "two-and-a-half-year deal", 2.5, "year deal", "duration"),
        ("Over a half million anglers hold a licence.", "a half million anglers", 500_000, "anglers", "count"),
        ("The estate is worth a quarter billion dollars.", "a quarter billion dollars", 250_000_000, "$", "money"),
        (
            "The mill employed several hundred thousand weavers.",
            "several hundred thousand weavers",
            200_000,
            "weavers",
            "count",
        ),
        ("A few dozen walkers joined the march.", "A few dozen walkers", 24, "walkers", "count"),
        ("The baker sold four dozen rolls.", "four dozen rolls", 48, "rolls", "count"),
        ("Only 2/3rds of the seats were filled.", "2/3rds", 66.67, "fraction", "percent"),
        ("One of every four lamps was broken.", "One of every four", 25, "fraction", "percent"),
    ],
)
def test_it_reads_halves_and_shares_in_words(text, span, value, unit, kind):
    assert _found(text) == [(span, value, unit, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "The visitors scored late in the first half.",
        "The first half was dull.",
        "The fly-half kicked long.",
        "The score was level at half-time.",
        "The kettle was half full.",
        "She lives half a world away.",
    ],
)
def test_it_does_not_read_halves_of_a_game_or_a_position_as_shares(text):
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The plan would cost between half a million and one million pounds.",
            [("half a million", 500_000, "", "count"), ("one million pounds", 1_000_000, "£", "money")],
        ),
        (
            "Her rival scored two and three and four times higher.",
            [("two", 2, "", "count"), ("three", 3, "", "count"), ("four times", 4, "times", "count")],
        ),
        (
            "For every one tram lost, two new buses arrive.",
            [("one tram", 1, "tram", "count"), ("two new buses", 2, "new buses", "count")],
        ),
        ("The depot released them at a rate of one per week.", [("one", 1, "", "count")]),
        ("The board gave a one third discount to pensioners.", [("one third", 33.33, "fraction", "percent")]),
        ("A sixth of the wells ran dry.", [("A sixth", 16.67, "fraction", "percent")]),
        ("The error was three eighths of an inch.", [("three eighths", 37.5, "fraction", "percent")]),
    ],
)
def test_it_reads_number_words_after_spans_and_joins(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text", ["Every one of the drivers agreed.", "Every one was thanked.", "He hired a third party."]
)
def test_it_keeps_pronoun_ones_and_third_parties_out(text):
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "kind"),
    [
        ("The fare rose to$30 overnight.", "$30", 30, "$", "money"),
        ("The merger was valued at $2B.", "$2B", 2_000_000_000, "$", "money"),
        ("Congress passed a $1.5T package.", "$1.5T", 1_500_000_000_000, "$", "money"),
        ("The studio spent $3MM on sets.", "$3MM", 3_000_000, "$", "money"),
        ("The county raised KSh38 billion in levies.", "KSh38 billion", 38_000_000_000, "KSh", "money"),
        ("The ferry ticket is 500 USD.", "500 USD", 500, "$", "money"),
        ("Fines reached 200 dinars.", "200 dinars", 200, "dinar", "money"),
        ("He borrowed 10 bucks.", "10 bucks", 10, "$", "money"),
        ("The screen is 42in across.", "42in", 42, "in", "other"),
        ("Stir in 500g of sugar.", "500g", 500, "g", "other"),
        ("The chip runs at 3GHz.", "3GHz", 3, "GHz", "other"),
        ("The ferry sailed for 24hours.", "24hours", 24, "hours", "duration"),
        ("The flat measures 40m2.", "40m2", 40, "m2", "other"),
        ("The bank cut rates by 25bps.", "25bps", 25, "bps", "other"),
        ("Exports fell 3 pct in June.", "3 pct", 3, "%", "percent"),
    ],
)
def test_it_reads_figures_glued_to_units_and_currencies(text, span, value, unit, kind):
    assert _found(text) == [(span, value, unit, kind)]


@pytest.mark.parametrize("text", ["Plan 5B was dropped.", "Route B4 was shut."])
def test_it_reads_no_scale_letter_without_a_currency(text):
    assert all(u != "$" and v < 1000 for _s, v, u, _k in _found(text))


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "kind"),
    [
        ("Fares could rise to half of a day's pay.", "half", 50, "fraction", "percent"),
        ("Nearly a fifth stayed at home.", "a fifth", 20, "fraction", "percent"),
        ("The fair drew a third more visitors.", "a third", 33.33, "fraction", "percent"),
        ("Funding fell over the last decade and a half.", "decade and a half", 1.5, "decade", "duration"),
        ("The pump runs every day and a half.", "day and a half", 1.5, "day", "duration"),
        ("Crime fell within a half mile of the park.", "half mile", 0.5, "mile", "other"),
        ("The train left after a half-hour delay.", "half-hour", 0.5, "hour", "duration"),
        ("The pound ended almost a cent and a half weaker.", "a cent and a half", 1.5, "cent", "other"),
        ("Three Labour councillors resigned.", "Three Labour councillors", 3, "Labour councillors", "count"),
    ],
)
def test_it_reads_more_shares_and_halves(text, span, value, unit, kind):
    assert _found(text) == [(span, value, unit, kind)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The memo is dated 6/19/2007 in the archive.", "6/19/2007", 2007),
        ("The rally on 18February 2019 was peaceful.", "18February 2019", 2019),
        ("The levy began on Jan.1, 2015 for all firms.", "Jan.1, 2015", 2015),
    ],
)
def test_it_reads_numeric_and_glued_dates_as_dates_only(text, span, value):
    got = [(text[q.start : q.end], q.value, q.kind) for q in quantities.find(text)]
    assert got == [(span, value, "date")]
    assert not any(quantities.is_numeric(q) for q in quantities.find(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tunnel took 2½ years to dig.", [("2½ years", 2.5, "years", "duration")]),
        ("The mayor won ¾ of the vote.", [("¾", 75, "fraction", "percent")]),
    ],
)
def test_it_reads_fraction_signs(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Every fifth household has no car.", [("Every fifth", 20, "fraction", "percent")]),
        ("The signal reaches a few tens of metres.", [("tens", 20, "", "count")]),
        ("A B-52s tribute band played.", [("52", 52, "identifier", "other")]),
        ("An F-35B jet landed.", [("35", 35, "identifier", "other")]),
    ],
)
def test_it_reads_ordinal_shares_tens_and_model_names(text, expected):
    assert _found(text) == expected
