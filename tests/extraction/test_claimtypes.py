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
