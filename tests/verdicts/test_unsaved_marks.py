"""The verdict and evidence forms opt in to the unsaved-changes warning (static/js/unsaved.js), and come back
marked dirty when the server sends them back as typed, unsaved; a saved form comes back clean."""

import re

from django.urls import reverse

from factcheck.verdicts.services import verdict_save_draft
from tests.verdicts.conftest import member, ready_for_review

HX = {"HX-Request": "true"}


def _mark(html, form_class):
    tag = re.search(rf'<form [^>]*class="{form_class}"[^>]*>', html).group(0)
    return re.search(r'data-warn-unsaved(="[^"]*")?', tag).group(0)


def test_it_marks_both_forms_on_the_statement_page(login, checker, claim):
    html = login(checker).get(claim.get_absolute_url()).content.decode()
    assert _mark(html, "verdict-form") == "data-warn-unsaved"
    assert _mark(html, "grid-form") == "data-warn-unsaved"
    assert "js/unsaved.js" in html


def test_it_sends_a_refused_verdict_back_dirty_and_a_saved_one_clean(login, checker, claim, rating):
    client = login(checker)
    url = reverse("verdicts:verdict_save", args=[claim.pk])
    refused = client.post(url, {"rating": rating.pk, "conclusion": "x", "action": "submit"}, headers=HX)
    assert _mark(refused.content.decode(), "verdict-form") == 'data-warn-unsaved="dirty"'
    saved = client.post(url, {"rating": rating.pk, "conclusion": "x", "action": "draft"}, headers=HX)
    assert _mark(saved.content.decode(), "verdict-form") == "data-warn-unsaved"


def test_it_sends_a_stale_draft_back_dirty(login, checker, colleague, claim, rating):
    verdict_save_draft(member=member(colleague), claim=claim, rating=rating, conclusion="Bob's.")
    response = login(checker).post(
        reverse("verdicts:verdict_save", args=[claim.pk]), {"rating": rating.pk, "conclusion": "Mine."}, headers=HX
    )
    assert b"Not saved" in response.content
    assert _mark(response.content.decode(), "verdict-form") == 'data-warn-unsaved="dirty"'


def test_it_sends_refused_evidence_back_dirty_and_added_evidence_clean(login, checker, claim):
    client = login(checker)
    url = reverse("verdicts:evidence_add", args=[claim.pk])
    refused = client.post(url, {"stance": "supports", "url": "ftp://x.example/", "quote": "q"}, headers=HX)
    assert _mark(refused.content.decode(), "grid-form") == 'data-warn-unsaved="dirty"'
    added = client.post(url, {"stance": "supports", "url": "https://x.example/", "quote": "q"}, headers=HX)
    assert b"evidence-item" in added.content
    assert _mark(added.content.decode(), "grid-form") == "data-warn-unsaved"


def _tag_of(html, textarea_name):
    """The <form> tag of the form holding the textarea `textarea_name`."""
    at = html.index(f'name="{textarea_name}"')
    return html[html.rindex("<form ", 0, at) : html.index(">", html.rindex("<form ", 0, at)) + 1]


def test_a_reviewers_return_comment_is_guarded_and_comes_back_dirty_when_refused(login, checker, editor, claim, rating):
    verdict = ready_for_review(claim, checker, rating)
    client = login(editor)
    page = client.get(claim.get_absolute_url()).content.decode()
    assert re.search(r"data-warn-unsaved(?!=)", _tag_of(page, "comment"))
    refused = client.post(reverse("verdicts:verdict_return", args=[verdict.pk]), {"comment": ""}, headers=HX)
    assert 'data-warn-unsaved="dirty"' in _tag_of(refused.content.decode(), "comment")
