from factcheck.extraction.checkworthiness import default_model
from factcheck.extraction.features import HAND_FEATURES, hand_features, hashed_terms


def test_it_scores_within_zero_and_one_with_reasons():
    model = default_model()
    score, reasons = model.score("Unemployment rose to 8.2% last year, the highest since 1992.")
    assert 0.0 <= score <= 1.0
    assert reasons and all(isinstance(label, str) and isinstance(w, float) for label, w in reasons)


def test_it_scores_a_statistic_above_a_greeting():
    model = default_model()
    fact, _ = model.score("The deficit grew by $1.2 trillion in 2009, according to the budget office.")
    chat, _ = model.score("Thank you all so much for being here tonight.")
    assert fact > chat


def test_it_builds_hand_features_with_stable_names():
    values = hand_features("We paid £40m, 12% more than in 2003?")
    assert len(values) == len(HAND_FEATURES)
    assert values[0] == 1.0 and values[2] == 1.0 and values[3] == 1.0 and values[6] == 1.0


def test_it_hashes_terms_the_same_way_every_time():
    assert hashed_terms("Prices rose 5%")[0] == hashed_terms("Prices rose 5%")[0]
