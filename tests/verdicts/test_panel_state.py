"""The verdict panel says what state a draft is in: "Draft" beside its heading, and "Returned by …" with the
reviewer's comment while a returned draft waits on its author."""

from django.urls import reverse

from factcheck.verdicts.services import verdict_return, verdict_save_draft, verdict_submit, verdict_withdraw
from tests.factories import give_name
from tests.verdicts.conftest import member, ready_for_review


def _heading(client, claim):
    html = client.get(reverse("verdicts:claim", args=[claim.pk])).content.decode()
    start = html.index(f'id="claim-{claim.pk}-verdict-title"')
    return html[start : html.index("</h2>", start)], html


def test_it_badges_a_fresh_draft_as_a_draft(login, editor, claim, rating):
    verdict = verdict_save_draft(member=member(editor), claim=claim, rating=rating, conclusion="Not yet.")
    heading, _ = _heading(login(editor), claim)
    assert f'<span class="badge st-draft" id="verdict-{verdict.pk}-state">Draft</span>' in heading
    assert "Returned" not in heading


def test_it_badges_a_returned_draft_with_its_reviewer_and_shows_the_comment(
    login, editor, colleague, viewer, claim, rating
):
    # given bob returned alice's verdict
    give_name(colleague, "Bob", "Reviewer")
    verdict = ready_for_review(claim, editor, rating)
    verdict_return(member=member(colleague), verdict=verdict, comment="Cite the audit.")
    # then the author, and a viewer who cannot edit it, see both badges and the comment
    for person in (editor, viewer):
        heading, html = _heading(login(person), claim)
        assert 'class="badge st-draft"' in heading
        assert f'id="verdict-{verdict.pk}-returned" title="Cite the audit.">Returned by Bob Reviewer</span>' in heading
        assert "Cite the audit." in html.split("</h2>", 1)[1]


def test_the_badges_follow_the_verdict_out_of_draft_and_back(login, editor, colleague, claim, rating):
    verdict = ready_for_review(claim, editor, rating)
    verdict_return(member=member(colleague), verdict=verdict, comment="Cite the audit.")
    client = login(editor)
    # submitted again: in review, no draft badge in the heading
    verdict_submit(member=member(editor), verdict=verdict)
    heading, html = _heading(client, claim)
    assert "badge" not in heading and "badge st-in_review" in html
    # withdrawn by its author: a draft again, but of their own doing, not returned
    verdict_withdraw(member=member(editor), verdict=verdict)
    heading, _ = _heading(client, claim)
    assert 'class="badge st-draft"' in heading and "Returned" not in heading
