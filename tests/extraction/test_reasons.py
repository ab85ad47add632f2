"""Every statement gets reasons, and they name features a person can read."""

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction import extract
from factcheck.extraction.checkworthiness import _readable_term, default_model, example_reasons

from .fixture_article import ARTICLE, PERTURBED

TEXTS = [
    ARTICLE,
    PERTURBED,
    "Yes.",
    "Thank you.",
    "12",
    "The minister said that exports doubled to £4bn, the highest on record.",
    "Why? Because I said so! We must act now.",
    "“Nobody saw it coming,” she said.",
]


def test_every_statement_has_reasons():
    for text in TEXTS:
        for st_ in extract(text).statements:
            assert st_.reasons, st_.text
            assert all(isinstance(label, str) and label and isinstance(w, float) for label, w in st_.reasons)


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_any_text_gets_reasons_for_each_statement(text):
    for st_ in extract(text).statements:
        assert st_.reasons


def test_reasons_name_human_features():
    model = default_model()
    _, reasons = model.score("The senator said unemployment fell by 3.5% in Ohio, the lowest rate since 1990.")
    labels = " ".join(label for label, _ in reasons)
    assert any(k in labels for k in ("number", "percentage", "attributed", "comparison", "names", "meaning"))


def _example_reasons(reasons):
    return [(label, w) for label, w in reasons if "nearest known examples" in label]


def test_every_statement_of_four_words_or_more_names_its_nearest_known_examples():
    for text in TEXTS:
        for st_ in extract(text).statements:
            examples = _example_reasons(st_.reasons)
            if len(re.findall(r"[^\W\d_]{2,}", st_.text)) < 4:
                assert not examples, st_.text  # "Yes.", "Thank you.": features only
                continue
            assert len(examples) == 1, st_.text
            ((label, weight),) = examples
            worthy = int(
                re.match(r"(\d+) of its 10 nearest known examples (?:is|are) check-worthy \(ClaimBuster", label).group(
                    1
                )
            )
            assert weight == pytest.approx(worthy / 10 - 0.5)
            # the human features still come first
            assert not st_.reasons[0][0].endswith("training sentences)")


def test_a_greeting_sits_among_not_check_worthy_examples_and_a_figure_among_check_worthy_ones():
    _, greeting = default_model().score("Thank you so much, and good night to all of you.")
    _, figure = default_model().score("Unemployment fell by 3.5% in Ohio last year, the lowest rate since 1990.")
    ((_, greeting_w),) = _example_reasons(greeting)
    ((_, figure_w),) = _example_reasons(figure)
    assert greeting_w < 0 < figure_w


def test_reasons_never_name_figures_or_function_words():
    model = default_model()
    for text in (
        "The line cost £310 million to build, £45 million over its original budget.",
        "I think that it is one of the things that we have to do for the people of this country.",
        ARTICLE,
    ):
        for st_ in extract(text, model=model).statements:
            named = [label[len("wording “") : -1] for label, _ in st_.reasons if label.startswith("wording “")]
            for term in named:
                assert not any(ch.isdigit() for ch in term), (term, st_.text)
                assert _readable_term(term), (term, st_.text)


def test_one_check_worthy_example_reads_in_the_singular():
    ((label, weight),) = example_reasons([(0, 1, 0.9)] + [(i, 0, 0.8) for i in range(1, 10)])
    assert label.startswith("1 of its 10 nearest known examples is check-worthy") and weight == pytest.approx(-0.4)


def test_a_feature_beyond_its_training_range_counts_as_its_largest_training_value():
    """An unpunctuated paste is one 'sentence' of thousands of words: its length must not extrapolate the
    model to a certainty (a 13,000-word line once scored 1.00 with "long sentence" at +6.5)."""
    model = default_model()
    assert np.all(np.isfinite(model.hand_max))
    line = "the council spent more money on buses than on roads "
    reasons = [dict(model.score(line * n)[1]) for n in (400, 4000)]
    assert reasons[0]["long sentence"] == reasons[1]["long sentence"] < 3.0
