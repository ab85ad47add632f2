"""The queue's verdict filters: "Returned to me" and "Waiting for my review", each per person."""

import pytest

from django.urls import reverse

from factcheck.claims.queue import queue_filter
from factcheck.verdicts.models import RatingScale
from factcheck.verdicts.services import (
    verdict_approve,
    verdict_correct,
    verdict_return,
    verdict_save_draft,
    verdict_submit,
    verdict_withdraw,
)
from tests.factories import make_article, make_claim, make_evidence
from tests.verdicts.conftest import member, ready_for_review

HX = {"HX-Request": "true"}


@pytest.fixture
def statements(newsroom):
    article = make_article(newsroom)
    return [make_claim(article, start=start, end=start + 30) for start in (39, 80, 135, 160)]


@pytest.fixture
def rating(newsroom):
    return RatingScale.objects.get(newsroom=newsroom, label="Mostly true")


def _ids(client, which, **params):
    response = client.get(reverse("claims:queue"), {"review": which, **params})
    assert response.status_code == 200
    return [row.pk for row in response.context["rows"]]


def _returned(claim, author, reviewer, rating):
    verdict = ready_for_review(claim, author, rating)
    return verdict_return(member=member(reviewer), verdict=verdict, comment="Cite the audit.")


def test_it_lists_the_verdicts_returned_to_me_and_to_no_one_else(login, editor, colleague, checker, statements, rating):
    # given: alice's verdict returned by bob, carol's returned by alice, a draft never reviewed, one in review
    returned, carols, draft, in_review = statements
    _returned(returned, editor, colleague, rating)
    _returned(carols, checker, editor, rating)
    verdict_save_draft(member=member(editor), claim=draft, rating=rating, conclusion="Not yet.")
    ready_for_review(in_review, editor, rating)
    # then each author sees their own returned work only
    assert _ids(login(editor), "returned") == [returned.pk]
    assert _ids(login(checker), "returned") == [carols.pk]
    assert _ids(login(colleague), "returned") == []


def test_returned_work_leaves_the_filter_when_resubmitted_or_withdrawn(login, editor, colleague, statements, rating):
    # given a returned verdict, still listed while its author works on it
    verdict = _returned(statements[0], editor, colleague, rating)
    verdict_save_draft(member=member(editor), claim=statements[0], rating=rating, conclusion="With the audit.")
    client = login(editor)
    assert _ids(client, "returned") == [statements[0].pk]
    # when it is submitted again it is no longer back with its author
    verdict_submit(member=member(editor), verdict=verdict)
    assert _ids(client, "returned") == []
    # nor after its author withdraws it (the old return stays on the row, but this draft is their own doing)
    verdict_withdraw(member=member(editor), verdict=verdict)
    assert _ids(client, "returned") == []


def test_a_returned_correction_shows_though_its_statement_is_published(login, editor, colleague, statements, rating):
    # given a published verdict whose correction was returned: the statement's status is "published"
    published = verdict_approve(member=member(colleague), verdict=ready_for_review(statements[0], editor, rating))
    correction = verdict_correct(member=member(editor), verdict=published, reason="The cost was revised.")
    verdict_submit(member=member(editor), verdict=correction)
    verdict_return(member=member(colleague), verdict=correction, comment="Which revision?")
    # then the filter finds it under the default status, and an explicit status still narrows it
    client = login(editor)
    assert _ids(client, "returned") == [statements[0].pk]
    assert _ids(client, "returned", status="in_progress") == []


def test_it_lists_the_verdicts_waiting_for_my_review(login, editor, colleague, admin_member, statements, rating):
    # given: alice's verdict in review, bob's in review, and one of alice's where bob changed the evidence
    alices, bobs, touched, _ = statements
    ready_for_review(alices, editor, rating)
    ready_for_review(bobs, colleague, rating)
    verdict = verdict_save_draft(member=member(editor), claim=touched, rating=rating, conclusion="It cost £52m.")
    make_evidence(touched, editor)
    verdict.contributors.add(colleague)  # as evidence_attach records bob's change of the draft's evidence
    verdict_submit(member=member(editor), verdict=verdict)
    # then each editor sees only what the four-eyes rule lets them review
    assert _ids(login(colleague), "waiting") == [alices.pk]
    assert sorted(_ids(login(editor), "waiting")) == [bobs.pk]
    assert sorted(_ids(login(admin_member), "waiting")) == sorted([alices.pk, bobs.pk, touched.pk])


def test_a_checker_has_nothing_waiting_and_is_not_offered_the_filter(login, editor, checker, statements, rating):
    ready_for_review(statements[0], editor, rating)
    client = login(checker)
    assert _ids(client, "waiting") == []
    html = client.get(reverse("claims:queue")).content.decode()
    assert '<option value="returned">Returned to me</option>' in html
    assert "Waiting for my review" not in html


def test_the_filters_are_offered_counted_and_explained_when_empty(login, editor, statements):
    client = login(editor)
    html = client.get(reverse("claims:queue")).content.decode()
    assert '<label for="id_review">Verdict</label><select name="review"' in html
    assert '<option value="waiting">Waiting for my review</option>' in html
    # an htmx page of rows: the folded filters' badge counts the verdict filter, the empty table says why
    response = client.get(reverse("claims:queue"), {"review": "waiting"}, headers=HX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'id="queue-filter-count" class="filter-count" hx-swap-oob="true"> <span class="badge">1</span>' in html
    assert "No verdict is waiting for your review." in html


def test_a_statement_with_several_versions_and_contributors_is_one_row(
    editor, colleague, admin_member, statements, rating
):
    # given a published verdict and its correction in review, with two contributors
    published = verdict_approve(member=member(colleague), verdict=ready_for_review(statements[0], editor, rating))
    correction = verdict_correct(member=member(editor), verdict=published, reason="The cost was revised.")
    correction.contributors.add(admin_member)
    verdict_submit(member=member(editor), verdict=correction)
    # then the join finds the statement once
    rows = queue_filter(member(colleague), {"review": "waiting"}).values_list("pk", flat=True)
    assert list(rows) == [statements[0].pk]
    assert list(queue_filter(member(admin_member), {"review": "waiting"})) == []


# --- a returned verdict on the queue: the row's chip and the "returned to you" line ---------------------------

CHIP = '<span class="chip chip-returned"'


def _row_html(html, claim):
    start = html.index(f'id="claim-{claim.pk}-row"')
    return html[start : html.index("</tr>", start)]


def test_it_marks_the_row_of_a_returned_draft_for_everyone(login, editor, colleague, checker, statements, rating):
    # given a returned draft, a fresh draft and a verdict in review
    returned, draft, in_review, _ = statements
    _returned(returned, editor, colleague, rating)
    verdict_save_draft(member=member(editor), claim=draft, rating=rating, conclusion="Not yet.")
    ready_for_review(in_review, editor, rating)
    # then every member's queue shows "Returned" on that row only (a fact about the statement)
    for person in (editor, colleague, checker):
        html = login(person).get(reverse("claims:queue")).content.decode()
        assert CHIP in _row_html(html, returned)
        assert CHIP not in _row_html(html, draft) and CHIP not in _row_html(html, in_review)


def test_the_chip_goes_when_the_draft_is_submitted_again_or_withdrawn(login, editor, colleague, statements, rating):
    verdict = _returned(statements[0], editor, colleague, rating)
    client = login(editor)
    assert CHIP in _row_html(client.get(reverse("claims:queue"), headers=HX).content.decode(), statements[0])
    verdict_submit(member=member(editor), verdict=verdict)
    assert CHIP not in _row_html(client.get(reverse("claims:queue")).content.decode(), statements[0])
    verdict_withdraw(member=member(editor), verdict=verdict)
    assert CHIP not in _row_html(client.get(reverse("claims:queue")).content.decode(), statements[0])


def test_it_tells_the_author_how_many_verdicts_came_back(login, editor, colleague, checker, statements, rating):
    # given two of alice's verdicts returned, and one of carol's
    _returned(statements[0], editor, colleague, rating)
    _returned(statements[1], editor, colleague, rating)
    _returned(statements[2], checker, editor, rating)
    link = f'<a href="{reverse("claims:queue")}?review=returned">show</a>'
    # then alice's queue (page and htmx rows) says so and links to the filter
    client = login(editor)
    for response in (client.get(reverse("claims:queue")), client.get(reverse("claims:queue"), headers=HX)):
        html = response.content.decode()
        assert "<strong>2 verdicts returned to you</strong>" in html and link in html
    html = login(checker).get(reverse("claims:queue"), {"status": "new"}).content.decode()
    assert "<strong>1 verdict returned to you</strong>" in html
    # not once the filter is on, nor to someone with none
    assert 'id="queue-returned"' not in client.get(reverse("claims:queue"), {"review": "returned"}).content.decode()
    assert 'id="queue-returned"' not in login(colleague).get(reverse("claims:queue")).content.decode()
