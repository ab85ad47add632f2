"""The claim types a queue row shows (claims.chips), and the row that shows them."""

import re

import pytest

from django.urls import reverse

from factcheck.claims.chips import QUEUE_MAX, QUEUE_ORDER, queue_types
from factcheck.claims.models import Claim
from tests.factories import make_article, make_claim


@pytest.mark.parametrize(
    ("types", "shown"),
    [
        ("", []),
        ("event", ["event"]),
        ("attribution", ["attribution"]),
        ("attribution event", ["attribution"]),
        ("numeric event", ["numeric"]),
        ("numeric comparison event", ["numeric", "comparison"]),
        ("quote attribution", ["quote"]),
        ("quote attribution event", ["quote"]),
        ("quote attribution event opinion", ["quote", "opinion"]),
        ("attribution event opinion", ["opinion"]),
        ("quote attribution event prediction", ["quote", "prediction"]),
        ("numeric event causal", ["numeric", "causal"]),
        ("numeric comparison quote attribution event opinion", ["numeric", "comparison", "quote"]),
        ("numeric comparison quote attribution prediction", ["numeric", "comparison", "quote"]),
        ("prediction opinion causal", ["causal", "prediction", "opinion"]),  # the fixed order, not the stored one
    ],
)
def test_it_shows_the_types_that_say_what_to_check(types, shown):
    assert queue_types(types.split()) == shown


def test_it_never_shows_more_than_the_maximum_nor_nothing_for_a_typed_statement():
    for n in range(1, len(QUEUE_ORDER) + 1):
        for start in range(len(QUEUE_ORDER)):
            types = [QUEUE_ORDER[(start + i) % len(QUEUE_ORDER)] for i in range(n)]
            shown = queue_types(types)
            assert 1 <= len(shown) <= QUEUE_MAX and set(shown) <= set(types), types


def test_it_keeps_the_type_the_queue_is_filtered_on():
    types = ["numeric", "comparison", "quote", "attribution", "event", "opinion"]
    assert queue_types(types, keep="event") == ["numeric", "comparison", "event"]
    assert queue_types(types, keep="comparison") == ["numeric", "comparison", "quote"]
    assert queue_types(["numeric"], keep="event") == ["numeric"]  # not a type of this statement: nothing to keep
    assert queue_types(["quote", "attribution"], keep="attribution") == ["quote", "attribution"]


def test_it_does_not_hide_a_type_it_does_not_know():
    assert queue_types(["quote", "attribution", "satire"]) == ["quote", "satire"]


def _chips(html, pk):
    row = re.search(rf'<tr id="claim-{pk}-row".*?</tr>', html, re.S).group(0)
    return re.findall(r'<span class="chip t-(\w+)"( title="[^"]*")?>', row)


@pytest.mark.django_db
def test_it_shows_the_row_s_chips_and_names_the_hidden_types(login, editor, newsroom):
    # given
    article = make_article(newsroom)
    quoted = make_claim(article, start=0, end=20, types="quote attribution event", speaker="the mayor")
    plain = make_claim(article, start=21, end=40, types="numeric")
    # when
    html = login(editor).get(reverse("claims:queue")).content.decode()
    # then
    assert _chips(html, quoted.pk) == [("quote", ' title="All types: quote, attribution, event"')]
    assert _chips(html, plain.pk) == [("numeric", "")]
    assert '<span class="chip chip-speaker">the mayor</span>' in html


@pytest.mark.django_db
def test_it_shows_the_filtered_type_on_every_row(login, editor, newsroom):
    article = make_article(newsroom)
    quoted = make_claim(article, start=0, end=20, types="quote attribution event")
    response = login(editor).get(reverse("claims:queue"), {"type": Claim.Type.EVENT}, headers={"HX-Request": "true"})
    assert [t for t, _ in _chips(response.content.decode(), quoted.pk)] == ["quote", "event"]
