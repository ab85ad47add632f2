"""The queue's per-page shortcuts show exactly what the template tags and filters they replace showed."""

import pytest

from django.template.defaultfilters import truncatechars
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
def test_it_truncates_as_the_template_filter_does(text, length):
    assert _truncated(text, length) == truncatechars(text, length)
