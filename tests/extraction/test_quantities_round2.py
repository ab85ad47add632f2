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
