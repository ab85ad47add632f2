from factcheck.extraction import extract


def _rels(text, kind=None):
    ex = extract(text)
    return ex, [r for r in ex.relations if kind is None or r.kind == kind]


def test_it_checks_a_part_against_its_whole():
    ex, rels = _rels("Of the 900 staff, officials said 120 of the 900 staff would leave.", "part_of")
    assert [r.holds for r in rels] == [True]
    _, rels = _rels("Officials said 950 of the 900 staff would leave.", "part_of")
    assert [r.holds for r in rels] == [False]


def test_it_checks_a_stated_percentage_of_a_part():
    _, rels = _rels("In all 30 of the 120 schools, or 25%, were shut.", "percentage")
    assert [r.holds for r in rels] == [True]
    _, rels = _rels("In all 30 of the 120 schools, or 40%, were shut.", "percentage")
    assert [r.holds for r in rels] == [False]


def test_it_checks_a_percentage_change_within_rounding():
    _, rels = _rels("Profits rose 12% to £1.2bn from £1.07bn.", "change")
    assert [r.holds for r in rels] == ["approximately"]
    _, rels = _rels("Profits rose 30% to £1.2bn from £1.07bn.", "change")
    assert [r.holds for r in rels] == [False]


def test_it_checks_an_up_from_phrase():
    _, rels = _rels("Sales reached $500m, up 25% from $400m a year earlier.", "change")
    assert [r.holds for r in rels] == [True]


def test_it_checks_an_absolute_difference():
    _, rels = _rels("The jobless total rose by 5,000 from 40,000 to 45,000.", "difference")
    assert [r.holds for r in rels] == [True]


def test_it_checks_the_direction_of_a_change():
    _, rels = _rels("Membership fell from 300 to 340 members.", "change")
    assert [r.holds for r in rels] == [False]


def test_it_checks_a_sum_against_a_total_elsewhere():
    text = "In total 30 buses were damaged. Officials counted 20 buses and ten trams as damaged."
    _, rels = _rels(text, "sum")
    assert [r.holds for r in rels] == [True]
    assert "trams" in rels[0].explanation


def test_it_leaves_a_record_without_baseline_to_evidence():
    _, rels = _rels("The region recorded a record 41 wildfires this week.", "record")
    assert [(r.holds, r.result) for r in rels] == [(None, None)]
    assert "outside evidence" in rels[0].explanation


def test_it_links_this_is_lower_than_to_the_previous_sentences_figure():
    _, rels = _rels("Creditors will get about 6% of what they are owed. This is lower than the 11% they hoped for.")
    assert [(r.kind, r.holds) for r in rels] == [("comparison", True)]
    _, rels = _rels("Staff numbered around 100. It is thought more than 50 will leave.")
    assert rels == []


def test_it_takes_the_direction_word_nearest_the_figures():
    text = "Shares have fallen after the group said losses had deepened to £51.6m from £1.2m."
    _, rels = _rels(text, "change")
    assert [r.holds for r in rels] == [True]


# round 8: changes_in_sentence reads past a currency conversion in brackets
def test_a_change_from_to_past_conversions_in_brackets():
    ex = extract("Kiln news\n\nClay revenue rose from 1.8bn kronor ($260m) to 2.1bn kronor ($300m).")
    rels = [(r.kind, ex.quantities[r.operands[0]].text, ex.quantities[r.result].text, r.holds) for r in ex.relations]
    assert ("change", "1.8bn kronor", "2.1bn kronor", True) in rels
    ex = extract("Kiln news\n\nClay revenue fell from 1.8bn kronor ($260m) to 2.1bn kronor ($300m).")
    assert [r.holds for r in ex.relations if r.kind == "change"] == [False]


# round 8: _add_direction_change with a neutral verb ("revised from … to …")
def test_a_change_with_a_neutral_verb_has_nothing_to_break():
    ex = extract("Kiln news\n\nThe guild's growth estimate was revised from 2.1% to 2.4%.")
    assert [(r.kind, r.holds) for r in ex.relations] == [("change", True)]
    assert "no direction" in ex.relations[0].explanation
    assert extract("Kiln news\n\nPrices for kilns range from £200 to £900.").relations == []


# round 8: _compare_in_group with "slower than", "faster than"
def test_comparative_adjectives_of_growth():
    ex = extract("Kiln news\n\nThe guild grew 0.5% in spring, slower than the 0.8% of the winter.")
    assert [(r.kind, r.holds) for r in ex.relations] == [("comparison", True)]
    ex = extract("Kiln news\n\nThe guild grew 0.9% in spring, slower than the 0.8% of the winter.")
    assert [(r.kind, r.holds) for r in ex.relations] == [("comparison", False)]
    ex = extract("Kiln news\n\nThe guild grew 0.9% in spring, faster than the 0.8% of the winter.")
    assert [(r.kind, r.holds) for r in ex.relations] == [("comparison", True)]


# round 8: record_claims / _record_baseline: a record set against the figure of an earlier period
def test_a_record_against_the_figure_of_an_earlier_period():
    ex = extract("Kiln news\n\nGlaze exports hit a record £41m this year and £37m in the previous year.")
    rels = [(r.kind, r.holds) for r in ex.relations]
    assert ("comparison", True) in rels and ("record", None) in rels
    ex = extract("Kiln news\n\nGlaze exports hit a record £41m this year and £47m in the previous year.")
    assert [r.holds for r in ex.relations if r.kind == "comparison"] == [False]
    assert "does not exceed" in next(r.explanation for r in ex.relations if r.kind == "comparison")


def test_a_record_time_and_a_later_year_are_no_earlier_baseline():
    ex = extract("Kiln news\n\nShe set a world record of 44.6 seconds in 1995 and ran 44.8 seconds in 1996.")
    assert [r for r in ex.relations if r.kind == "comparison"] == []
    ex = extract("Kiln news\n\nThe guild sold a record 900 pots in May and 950 pots in 2004.")
    assert [r for r in ex.relations if r.kind == "comparison"] == []
