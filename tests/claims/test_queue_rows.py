"""The queue's per-page shortcuts: links exactly as reverse() builds them, texts shortened after a whole word."""

import unicodedata

import pytest

from django.urls import reverse

from factcheck.claims.views import _truncated, _url_maker


@pytest.mark.parametrize("name", ["verdicts:claim", "claims:article", "claims:claim_assign"])
def test_it_builds_the_links_reverse_builds(name):
    link = _url_maker(name)
    for pk in (1, 7, 42, 9_876_543_210, 10**12 + 3):
        assert link(pk) == reverse(name, args=[pk])


TEXTS = [
    "",
    "Short.",
    "x" * 219,
    "y" * 220,
    "z" * 221,
    "The port handled 1,200 ships in 2024. " * 10,
    "Cafe\u0301 owners said prices rose by 12%. " * 8,  # decomposed é: NFC changes the text
    "e\u0301" * 230,  # combining marks do not count towards the length
    "Short with a decomposed cafe\u0301.",
]


@pytest.mark.parametrize("length", [70, 220])
@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_it_shortens_after_a_whole_word(text, length):
    shown = _truncated(text, length)
    whole = unicodedata.normalize("NFC", text)
    if len(whole) <= length:
        assert shown == whole
        return
    assert len(shown) <= length and shown.endswith("…")
    kept = shown[:-1]
    assert whole.startswith(kept)
    if " " in whole[length // 2 : length]:  # a space to cut at: the next character ends a word
        assert whole[len(kept)] in " ,;:-–—" or whole[len(kept) - 1] in " ,;:-–—"


def test_a_title_is_not_cut_inside_a_figure():
    title = "Northern Line Rail carries 48.2 million passengers as journeys rise 12%"
    assert _truncated(title, 70) == "Northern Line Rail carries 48.2 million passengers as journeys rise…"
