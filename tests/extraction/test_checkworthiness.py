import pytest

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


_MIXED = [
    "Unemployment rose to 8.2% last year, the highest since 1992.",
    "…",  # no word piece at all
    "Thank you.",
    "The council said it spent £4.5m, up from £3.9m, and hired 120 staff in 2023 alone.",
    "Unemployment rose to 8.2% last year, the highest since 1992.",  # the same text twice in one batch
    "rose rose rose rose rose",  # one term many times
    "",
]


def test_a_batch_scores_exactly_as_one_text_at_a_time():
    model = default_model()
    batch = model.score_many([(text, None) for text in _MIXED])
    assert batch == [model.score(text) for text in _MIXED]
    assert model.score_many([(text, None) for text in _MIXED], explain=False) == [
        model.score(text, explain=False) for text in _MIXED
    ]


def test_the_batched_word_pieces_equal_tf_idf_of_each_text_on_its_own():
    """_wording_many against the plain definition: tf = 1 + log(count), x = tf * idf, l2-normalised, dot coef."""
    import math

    model = default_model()
    got = model._wording_many(_MIXED, True)
    for text, result in zip(_MIXED, got, strict=True):
        counts, readable = hashed_terms(text)
        if not counts:
            assert result is None
            continue
        x = {h: (1.0 + math.log(c)) * model.idf[h] for h, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in x.values()))
        contrib = {h: v / norm * model.coef[h] for h, v in x.items()}
        total, words = result
        assert math.isclose(total, sum(contrib.values()), rel_tol=1e-9, abs_tol=1e-12)
        assert words == {term: pytest.approx(model.platt_a * contrib[h], rel=1e-9, abs=1e-12) for h, term in readable}
