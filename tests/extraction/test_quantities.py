import pytest

from factcheck.extraction import quantities


def _one(text):
    found = [q for q in quantities.find(text) if q.kind != "date"]
    assert len(found) == 1, found
    q = found[0]
    return q, text[q.start : q.end]


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind", "span"),
    [
        (
            "The army fired 550 drones and missiles overnight.",
            550,
            "drones and missiles",
            "count",
            "550 drones and missiles",
        ),
        ("Nine missiles hit the port.", 9, "missiles", "count", "Nine missiles"),
        ("About 1.5 million people voted.", 1_500_000, "people", "count", "1.5 million people"),
        ("The club paid £1.2bn for the site.", 1_200_000_000, "£", "money", "£1.2bn"),
        ("Revenue was $45.6m last year.", 45_600_000, "$", "money", "$45.6m"),
        ("It cost €300,000.", 300_000, "€", "money", "€300,000"),
        ("Inflation hit 3.5% in May.", 3.5, "%", "percent", "3.5%"),
        ("Turnout was 61 per cent.", 61, "%", "percent", "61 per cent"),
        ("Two-thirds of voters agreed.", 66.67, "fraction", "percent", "Two-thirds"),
        ("They bought a dozen eggs.", 12, "eggs", "count", "a dozen eggs"),
        ("Alerts sounded for more than eight hours.", 8, "hours", "duration", "eight hours"),
        ("Five hundred and fifty people came.", 550, "people", "count", "Five hundred and fifty people"),
        ("Shares closed at 45.5p.", 45.5, "p", "money", "45.5p"),
        ("She finished 3rd in the final.", 3, "", "rank", "3rd"),
    ],
)
def test_it_reads_values_units_and_kinds(text, value, unit, kind, span):
    q, got = _one(text)
    assert (q.value, q.unit, q.kind, got) == (value, unit, kind, span)


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high", "low_inclusive"),
    [
        ("over 63 drones were seen", "over", 63, None, False),
        ("at least 40 people died", "at least", 40, None, True),
        ("more than eight hours passed", "more than", 8, None, False),
        ("fewer than 20 remain", "fewer than", None, 20, True),
        ("up to 300 jobs will go", "up to", None, 300, True),
        ("about 100 homes flooded", "about", 90, 110, True),
        ("nearly 50 shops closed", "nearly", 45, 50, True),
        ("a record 550 drones", "record", 550, 550, True),
    ],
)
def test_it_turns_qualifiers_into_bounds(text, qualifier, low, high, low_inclusive):
    q, _ = _one(text)
    assert (q.qualifier, q.low, q.high, q.low_inclusive) == (qualifier, low, high, low_inclusive)


def test_it_does_not_count_years_or_dates():
    kinds = [q.kind for q in quantities.find("In 2004, on 4 July and again on March 3, 2005, sales rose.")]
    assert kinds == ["date", "date", "date"]


def test_it_still_counts_a_plural_noun_after_a_four_digit_number():
    q, _ = _one("Some 2000 people marched.")
    assert (q.kind, q.value) == ("count", 2000)


@pytest.mark.parametrize(
    "text",
    [
        "No one was hurt.",
        "They met one another.",
        "One of the men said so.",
        "It was one of the interest rates on offer.",
    ],
)
def test_it_does_not_read_one_of_as_a_quantity(text):
    assert quantities.find(text) == []


@pytest.mark.parametrize(
    "text, span",
    [
        # the seed report's "one of its deadliest attacks": by the product decision of issue 12, "one of the
        # <superlative>" is a rank among the top, not a count of one; a pronoun "one of the men" stays nothing
        ("In one of its deadliest attacks, Russia struck.", "one of its deadliest"),
        ("It was one of the most cynical acts.", "one of the most cynical"),
        ("The port is one of Europe's busiest.", "one of Europe's busiest"),
        ("She is one of the top scorers in the league.", "one of the top"),
    ],
)
def test_one_of_a_superlative_is_a_rank_among_the_top_with_no_number(text, span):
    [q] = quantities.find(text)
    assert (text[q.start : q.end], q.kind, q.unit, q.low, q.high) == (span, "rank", "among the top", 1, None)
    assert not quantities.is_numeric(q)  # it states no number: not a figure of a numeric claim


def test_issue_12_more_recognition_gaps():
    def found(text):
        return [(text[q.start : q.end], q.value, q.unit, q.kind) for q in quantities.find(text)]

    assert found("The toll rose tenfold and wages doubled twice.") == [
        ("tenfold", 10, "times", "other"),
        ("twice", 2, "times", "other"),
    ]
    assert found("The town has 3,00,000 residents.") == [("3,00,000 residents", 300000, "residents", "count")]
    assert found("Nearly 40pc of the farms and 12-percent of the mills closed.") == [
        ("40pc", 40, "%", "percent"),
        ("12-percent", 12, "%", "percent"),
    ]
    assert found("The sea warmed by 1.5C.") == [("1.5C", 1.5, "°C", "other")]
    assert found("A month costs Rs450.") == [("Rs450", 450, "Rs", "money")]
    assert found("Two and a half million people voted.")[0][:2] == ("Two and a half million people", 2500000)
    assert found("Millions were spent on the bridge.") == [("Millions", 2000000, "", "count")]
    assert found("Crime was lower in the 1960s.") == [("1960s", 1960, "decade", "date")]
    assert [(q.low, q.high) for q in quantities.find("Her approval is in the low 40s.")] == [(40, 49)]
    assert quantities.find("Payments go to the over-70s.") == []
    assert found("There is only one polling station.")[0][:2] == ("one", 1)
    assert quantities.find("She is the only one who voted.") == []


def test_it_treats_model_numbers_as_identifiers_and_times_as_dates():
    # issue 12: "COVID-19", "F-35", "K-12" are identifiers (like "Radio 4"), never counts
    found = quantities.find("At 10:30 the G7 met; COVID-19 cases fell.")
    assert [(q.kind, q.unit) for q in found] == [("date", "time"), ("other", "identifier"), ("other", "identifier")]
    assert not any(quantities.is_numeric(q) for q in found)


def test_issue_12_recognition_gaps():
    def kinds(text):
        return [(text[q.start : q.end], q.value, q.kind) for q in quantities.find(text)]

    assert kinds("Woman sues firm for $1.8M over phone") == [("$1.8M", 1800000, "money")]
    assert kinds("Does This Video Show Two Army Helicopters Being Shot Down?")[0][1:] == (2, "count")
    assert kinds("the 9/11 attacks and the 2023/24 budget") == [("9/11", 0, "date"), ("2023/24", 2023, "date")]
    assert kinds("It will not cut one teacher's pay.")[0][1:] == (1, "count")
    assert kinds("RBS Six Nations starts in February") == []  # a name inside an ordinary sentence
    paid = quantities.find("It pays 1bn euros now, with another 550m later.")
    assert [(q.value, q.unit, q.kind) for q in paid] == [(1000000000, "€", "money"), (550000000, "€", "money")]
    assert [(q.value, q.unit) for q in quantities.find("Nearly half the staff left.")] == [(50, "fraction")]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit", "kind"),
    [
        ("some 40-45% of adults", 40, 45, "%", "percent"),
        ("losing 6,000-7,000 jobs a month", 6000, 7000, "jobs", "count"),
        ("they won 3-1 at home", 1, 3, "score", "other"),
    ],
)
def test_it_reads_ranges_as_bounds(text, low, high, unit, kind):
    q, _ = _one(text)
    assert (q.low, q.high, q.unit, q.kind) == (low, high, unit, kind)


@pytest.mark.parametrize(
    ("text", "value", "unit", "kind"),
    [
        ("Nearly 2/3 of homes", 66.67, "fraction", "percent"),
        ("families earning under $400K", 400_000, "$", "money"),
        ("police seized 10kg of it", 10, "kg", "other"),
        ("it is 25x more likely", 25, "times", "other"),
        ("the second-largest city", 2, "", "rank"),
        ("heard on BBC Radio 4 today", 4, "identifier", "other"),
    ],
)
def test_it_reads_other_numeric_forms(text, value, unit, kind):
    q, _ = _one(text)
    assert (q.value, q.unit, q.kind) == (value, unit, kind)


def test_it_keeps_two_counts_joined_by_and_separate():
    qs = quantities.find("over 63 drones and nine missiles struck")
    assert [(q.value, q.unit) for q in qs] == [(63, "drones"), (9, "missiles")]


def test_number_words_beyond_a_quintillion_are_not_a_number():
    from factcheck.extraction.numbers import words_to_number

    assert words_to_number(["one", "trillion"]) == 10**12
    assert words_to_number(["hundred"] * 10) is None


@pytest.mark.parametrize(("text", "span"), [("The G7 summit opened.", "7"), ("Tag it #Vote2031 today.", "2031")])
def test_a_number_glued_after_letters_is_part_of_a_name(text, span):
    q, got = _one(text)
    assert (got, q.unit, quantities.is_numeric(q)) == (span, "identifier", False)


def test_a_bare_scaled_figure_carries_the_currency_of_its_sentence():
    text = (
        "Port income hit 8.2 million pounds last year, of which 5.9 million came from ferries "
        "and 2.3 million from yachts."
    )
    qs = [q for q in quantities.find(text) if q.kind == "money"]
    assert [(text[q.start : q.end], q.unit) for q in qs] == [
        ("8.2 million pounds", "£"),
        ("5.9 million", "£"),
        ("2.3 million", "£"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The club owes 4 million dollars and has 3 million members.",  # a counted noun follows
        "Ticket sales made 4 million dollars. About 3 million watched on television.",  # another sentence
    ],
)
def test_a_scaled_count_keeps_no_currency(text):
    qs = quantities.find(text)
    assert [q.kind for q in qs][-1] != "money"


def _spans(text):
    return [(text[q.start : q.end], q.value, q.unit, q.kind) for q in quantities.find(text)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Four nurses from Leeds and one from York were praised.", "nurses"),
        ("Nine of the boats sank, and one was towed home.", ""),
        ("The firm shut 3 depots but one stayed open.", "depots"),
    ],
)
def test_a_bare_one_after_a_count_is_one_more_of_it(text, unit):
    ones = [q for q in quantities.find(text) if text[q.start : q.end] == "one"]
    assert [(q.value, q.unit, q.kind) for q in ones] == [(1, unit, "count")]


@pytest.mark.parametrize(
    "text",
    [
        "Five climbers set out and one of them turned back.",  # "one of them": a pronoun
        "No one came, and one said so.",  # no count before it
        "Six people spoke. One said it was unfair.",  # another sentence
        "It cost £4m and one wonders why.",  # money, not a count
    ],
)
def test_a_bare_one_without_a_count_to_continue_stays_a_pronoun(text):
    assert not any(text[q.start : q.end].lower() == "one" for q in quantities.find(text))


def test_a_capitalised_name_between_a_number_and_its_noun_keeps_the_noun():
    assert _spans("Three US bank bosses resigned.") == [("Three US bank bosses", 3, "US bank bosses", "count")]
    assert _spans("They hired 40 IT workers.") == [("40 IT workers", 40, "IT workers", "count")]


def test_a_number_word_before_per_cent_is_a_percentage():
    assert _spans("Turnout fell to forty per cent.") == [("forty per cent", 40, "%", "percent")]
    assert _spans("Sixty-five percent agreed.") == [("Sixty-five percent", 65, "%", "percent")]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Only 1 in 4 homes has a garden.", "1 in 4", 25),
        ("Eight in ten drivers speed.", "Eight in ten", 80),
        ("The odds are one in a million.", "one in a million", 0.0001),
        ("Two thirds voted for it.", "Two thirds", 66.67),
    ],
)
def test_shares_with_digits_words_and_plural_denominators(text, span, value):
    q, got = _one(text)
    assert (got, q.value, q.kind) == (span, value, "percent")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Six out of 40 stations closed.", [6, 40]),  # part of a stated whole: two counts
        ("He scored 2 in 10 minutes.", [2, 10]),  # a time, not a share
        ("The first three quarters of the year were slow.", [3]),  # periods of a year
        ("Growth two quarters ahead is slow.", [2]),
    ],
)
def test_not_shares(text, values):
    assert [q.value for q in quantities.find(text) if q.kind != "date"] == values


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        ("Prices may rise between 5 and 8% next year.", "5 and 8%", 5, 8, "%"),
        ("It will cost between £4 and £6m.", "£4 and £6m", 4_000_000, 6_000_000, "£"),
        ("Between 2 and 3 million people moved.", "2 and 3 million people", 2_000_000, 3_000_000, "people"),
    ],
)
def test_ranges_in_words(text, span, low, high, unit):
    q, got = _one(text)
    assert (got, q.low, q.high, q.unit, q.qualifier) == (span, low, high, unit, "range")


@pytest.mark.parametrize(
    "text",
    [
        "Its share grew from 5 to 8%.",  # a change
        "Rates fell between 9 and 6% in a year.",  # a falling pair
        "Anyone aged 18 to 25 may apply.",  # no % or scale on the second end
        "between 12 and 20 staff",  # no % or scale
    ],
)
def test_pairs_that_are_not_worded_ranges(text):
    assert all(q.qualifier != "range" for q in quantities.find(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [("The team finished fourth in the league.", 4), ("Leeds ranks No. 3 for growth.", 3)],
)
def test_a_place_after_a_rank_verb_is_a_rank(text, value):
    q, _ = _one(text)
    assert (q.value, q.kind) == (value, "rank")


@pytest.mark.parametrize(
    "text",
    [
        "Ring 0800 555 0199 for help.",
        "Shops open from 0900 daily.",
        "Agent 007 returns.",
        "At one point the queue stretched for a mile.",
        "He lives at No. 12 Acacia Road.",
    ],
)
def test_phone_numbers_codes_times_and_idioms_are_not_amounts(text):
    assert not [q for q in quantities.find(text) if quantities.is_numeric(q) and q.unit != "mile"]


def test_several_of_a_scale_is_a_lower_bound():
    q, got = _one("Several thousand fans queued.")
    assert (got, q.value, q.unit, q.low, q.high, q.qualifier) == (
        "Several thousand fans",
        2000,
        "fans",
        2000,
        None,
        "vague",
    )
    assert _spans("The wall ran for a few hundred metres.")[0][:2] == ("a few hundred metres", 200)
    assert _spans("Several hundred and fifty")[0][:2] == ("hundred and fifty", 150)  # a number, not a vague amount
