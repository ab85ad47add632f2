"""Every statement gets reasons, and they name features a person can read."""

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction import extract
from factcheck.extraction.checkworthiness import default_model

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
