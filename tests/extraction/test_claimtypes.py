from factcheck.extraction.claimtypes import claim_types


def test_it_tags_a_numeric_comparison():
    types = claim_types("Exports hit their highest level since 1990.", numeric=True, has_quote=False, has_speaker=False)
    assert "numeric" in types and "comparison" in types


def test_it_tags_causal_and_prediction():
    types = claim_types(
        "Flights will be cut in response to the strike.", numeric=False, has_quote=False, has_speaker=False
    )
    assert "causal" in types and "prediction" in types


def test_it_tags_opinion_quote_and_attribution():
    types = claim_types("“I think this is a disgrace,” she said.", numeric=False, has_quote=True, has_speaker=True)
    assert {"opinion", "quote", "attribution"} <= set(types)


def test_it_gives_no_numeric_type_without_quantities():
    assert "numeric" not in claim_types("The minister resigned.", numeric=False, has_quote=False, has_speaker=False)


def _types(text, **kw):
    args = {"numeric": False, "has_quote": False, "has_speaker": False} | kw
    return claim_types(text, **args)


def test_figure_less_amount_claims_are_numeric():
    for text in (
        "Exports doubled under the last government.",
        "It was the largest protest the city has seen.",
        "Most people in the region now rent their homes.",
        "Crime in the capital hit a record last year.",
        "Hindus are a minority in the state.",
    ):
        assert "numeric" in _types(text), text


def test_dates_alone_and_look_alike_words_are_not_numeric():
    for text in (
        "The minister resigned on 5 May 2020.",
        "The meeting is on Tuesday, 12 March 2024.",
        "Senate Minority Leader Chuck Schumer spoke on Monday.",
        "She has a long track record in local politics.",
    ):
        assert "numeric" not in _types(text), text


def test_may_the_month_is_not_a_prediction():
    assert "prediction" not in _types("The minister resigned in May.")
    assert "prediction" in _types("The minister may resign.")


def test_reported_speech_is_a_quote():
    assert "quote" in _types("The governor said that the state had no debt.")
    assert "quote" in _types("Biden called law enforcement the enemy.")
    assert "quote" in _types("The senator tweeted that the bill would pass.")
    assert "quote" in _types("“We will not raise taxes on working families,” the leader insisted.")


def test_scare_quotes_are_not_a_quote():
    assert "quote" not in _types("A “new virus” is spreading in the region.", has_quote=True)
    assert "quote" not in _types("The factory closed in 2019.")
