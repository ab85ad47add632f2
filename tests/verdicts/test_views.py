"""Views of the review workflow: evidence, the verdict panel, the dashboard."""

import re

import pytest

from django.urls import reverse

from factcheck.claims.models import Claim
from factcheck.sources.models import Source
from factcheck.verdicts.models import Evidence, RatingScale, Verdict
from tests.factories import give_name, make_article, make_claim, make_evidence, make_source, make_verdict
from tests.verdicts.conftest import open_version

HX = {"HX-Request": "true"}


@pytest.fixture
def rating(newsroom):
    return RatingScale.objects.get(newsroom=newsroom, label="Mostly true")


def _evidence_post(client, claim, headers=None, **data):
    payload = {"stance": "supports", **data}
    return client.post(reverse("verdicts:evidence_add", args=[claim.pk]), payload, headers=headers or {})


# --- evidence -------------------------------------------------------------------------------


def test_it_adds_evidence_with_an_htmx_fragment_and_oob_updates(login, checker, claim):
    source = make_source(claim.newsroom)
    response = _evidence_post(
        login(checker),
        claim,
        HX,
        source="Port Authority (port.example.gov)",
        url="https://port.example.gov/annual-report",
        quote="Total cost: £48.2m",
        is_primary="on",
    )
    assert response.status_code == 200
    evidence = Evidence.objects.get()
    assert (evidence.source, evidence.is_primary, evidence.stance) == (source, True, "supports")
    html = response.content.decode()
    assert f'id="claim-{claim.pk}-evidence"' in html and "<html" not in html
    assert f'id="claim-{claim.pk}-status" class="badge st-in_progress" hx-swap-oob="true"' in html
    assert 'id="flash" aria-live="polite" hx-swap-oob="true"' in html and "Evidence added." in html
    assert f'id="claim-{claim.pk}-evidence-count">1<' in html
    # the triage card follows the status too: its select no longer offers the old status as chosen
    triage = html[html.index(f'id="claim-{claim.pk}-triage"') :]
    assert triage.startswith(f'id="claim-{claim.pk}-triage" aria-label="Assignment and status" hx-swap-oob="true"')
    assert '<option value="in_progress" selected>' in triage and '<option value="new" selected>' not in triage


def test_it_creates_a_source_on_the_spot(login, checker, claim):
    _evidence_post(login(checker), claim, HX, source="Harbour Gazette", source_url="https://gazette.example/", url="")
    assert Evidence.objects.get().source == Source.objects.get(name="Harbour Gazette")


def test_it_shows_errors_inline_with_status_200(login, checker, claim):
    response = _evidence_post(login(checker), claim, HX, url="javascript:alert(1)")
    assert response.status_code == 200
    assert b"Enter a full web address starting with http:// or https://" in response.content
    # a malformed address says what is expected, for the evidence and for a new source's home page
    response = _evidence_post(login(checker), claim, HX, url="https://not a page", source_url="www example org")
    page = response.content.decode()
    assert "Enter a valid URL." not in page
    assert page.count("Enter a full web address starting with http:// or https://, such as") == 2
    assert not Evidence.objects.exists()
    response = _evidence_post(login(checker), claim, HX, source="Unknown Bureau")
    assert b"is not in the registry" in response.content
    assert not Evidence.objects.exists()


def test_a_plain_post_redirects_to_the_statement(login, checker, claim):
    response = _evidence_post(login(checker), claim, url="https://example.org/doc")
    assert response.status_code == 302 and response["Location"] == claim.get_absolute_url()


def test_viewers_cannot_add_or_remove_evidence(login, viewer, editor, claim):
    evidence = make_evidence(claim, editor)
    client = login(viewer)
    assert _evidence_post(client, claim, url="https://example.org/").status_code == 403
    assert client.post(reverse("verdicts:evidence_remove", args=[evidence.pk])).status_code == 403
    assert Evidence.objects.count() == 1


def test_it_removes_evidence(login, checker, editor, claim):
    evidence = make_evidence(claim, editor)
    response = login(checker).post(reverse("verdicts:evidence_remove", args=[evidence.pk]), headers=HX)
    assert response.status_code == 200 and b"Evidence removed." in response.content
    assert not Evidence.objects.exists()


def test_evidence_routes_refuse_get_and_hide_outsiders(login, outsider, editor, claim):
    evidence = make_evidence(claim, editor)
    client = login(editor)
    assert client.get(reverse("verdicts:evidence_add", args=[claim.pk])).status_code == 405
    assert client.get(reverse("verdicts:evidence_remove", args=[evidence.pk])).status_code == 405
    client = login(outsider)
    assert _evidence_post(client, claim, url="https://example.org/").status_code == 404
    assert client.post(reverse("verdicts:evidence_remove", args=[evidence.pk])).status_code == 404


# --- verdict workflow through the views -----------------------------------------------------


def test_draft_submit_approve_through_the_panel(client, login, editor, colleague, claim, rating):
    # given evidence and a draft
    make_evidence(claim, editor)
    client = login(editor)
    url = reverse("verdicts:verdict_save", args=[claim.pk])
    response = client.post(
        url, {"rating": rating.pk, "conclusion": "Close to the figure.", "action": "draft"}, headers=HX
    )
    assert response.status_code == 200 and b"Draft saved." in response.content
    verdict = Verdict.objects.get()
    assert verdict.status == Verdict.Status.DRAFT
    # when submitted (from the form as the save redrew it)
    version = re.search(r'name="version" value="([^"]*)"', response.content.decode()).group(1)
    data = {"rating": rating.pk, "conclusion": "Close to the figure.", "action": "submit", "version": version}
    response = client.post(url, data, headers=HX)
    verdict.refresh_from_db()
    assert verdict.status == Verdict.Status.IN_REVIEW
    assert b"Waiting for another editor" in response.content
    assert b'class="badge st-in_review" hx-swap-oob="true"' in response.content
    # the triage card is swapped too; a statement in review has no status form
    html = response.content.decode()
    triage = html[html.index(f'id="claim-{claim.pk}-triage"') :]
    assert 'hx-swap-oob="true"' in triage.split(">", 1)[0] and 'name="status"' not in triage.split("</section>")[0]
    # the author sees no approve button and cannot approve by POST
    assert b"Approve and publish" not in response.content
    assert client.post(reverse("verdicts:verdict_approve", args=[verdict.pk])).status_code == 403
    # then a colleague approves
    client = login(colleague)
    page = client.get(claim.get_absolute_url())
    assert b"Approve and publish" in page.content
    # one click publishes: the button asks first (app.js's data-confirm listener)
    approve = page.content.decode().split("Approve and publish</button>")[0].rsplit("<button", 1)[1]
    assert f'data-confirm="Publish this verdict ({rating.label}) now?' in approve
    response = client.post(reverse("verdicts:verdict_approve", args=[verdict.pk]), headers=HX)
    assert response.status_code == 200 and b"Verdict published." in response.content
    verdict.refresh_from_db()
    assert verdict.status == Verdict.Status.PUBLISHED
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.PUBLISHED
    assert b"Read-only" in response.content and b"Save draft" not in response.content
    assert reverse("reports:public_verdict", args=[verdict.pk]).encode() in response.content  # its public page


def test_submit_without_evidence_explains_what_is_missing(login, checker, claim, rating):
    response = login(checker).post(
        reverse("verdicts:verdict_save", args=[claim.pk]),
        {"rating": rating.pk, "conclusion": "x", "action": "submit"},
        headers=HX,
    )
    assert response.status_code == 200
    assert b"Attach at least one piece of public evidence" in response.content
    # a refused submit saves nothing; the form keeps what was typed, so "Save draft" still keeps it
    assert not Verdict.objects.exists()
    assert re.search(r"<textarea[^>]*>x</textarea>", response.content.decode())


def test_return_needs_a_comment_and_shows_it_to_the_author(login, editor, colleague, claim, rating):
    make_evidence(claim, editor)
    verdict = make_verdict(claim, editor, status=Verdict.Status.IN_REVIEW, conclusion="x", rating=rating)
    client = login(colleague)
    url = reverse("verdicts:verdict_return", args=[verdict.pk])
    response = client.post(url, {"comment": ""}, headers=HX)
    assert response.status_code == 200 and b"This field is required." in response.content
    client.post(url, {"comment": "Which report <b>exactly</b>?"}, headers=HX)
    verdict.refresh_from_db()
    assert verdict.status == Verdict.Status.DRAFT
    html = login(editor).get(claim.get_absolute_url()).content.decode()
    assert "Returned by bob" in html and "Which report &lt;b&gt;exactly&lt;/b&gt;?" in html


def test_checkers_cannot_approve_or_return(login, checker, editor, claim, rating):
    verdict = make_verdict(claim, editor, status=Verdict.Status.IN_REVIEW, conclusion="x", rating=rating)
    client = login(checker)
    assert client.post(reverse("verdicts:verdict_approve", args=[verdict.pk])).status_code == 403
    assert client.post(reverse("verdicts:verdict_return", args=[verdict.pk]), {"comment": "no"}).status_code == 403


def test_viewers_cannot_draft(login, viewer, claim, rating):
    response = login(viewer).post(
        reverse("verdicts:verdict_save", args=[claim.pk]), {"rating": rating.pk, "conclusion": "x"}
    )
    assert response.status_code == 403
    assert not Verdict.objects.exists()


def test_a_second_approval_gets_a_warning_not_an_error(login, editor, colleague, admin_member, claim, rating):
    make_evidence(claim, editor)
    verdict = make_verdict(claim, editor, status=Verdict.Status.IN_REVIEW, conclusion="x", rating=rating)
    login(colleague).post(reverse("verdicts:verdict_approve", args=[verdict.pk]))
    response = login(admin_member).post(reverse("verdicts:verdict_approve", args=[verdict.pk]), headers=HX)
    assert response.status_code == 200 and b"Another editor reviewed this verdict first." in response.content
    assert Verdict.objects.get().reviewer == colleague


def test_correction_opens_a_new_version(login, editor, colleague, claim, rating):
    make_evidence(claim, editor)
    verdict = make_verdict(
        claim, editor, status=Verdict.Status.PUBLISHED, conclusion="x", rating=rating, reviewer=colleague
    )
    client = login(editor)
    url = reverse("verdicts:verdict_correct", args=[verdict.pk])
    response = client.post(url, {"reason": ""}, headers=HX)
    assert response.status_code == 200 and Verdict.objects.count() == 1
    response = client.post(url, {"reason": "New figures from the port."}, headers=HX)
    assert b"Correction opened" in response.content
    assert Verdict.objects.filter(version=2, status="draft", correction_reason="New figures from the port.").exists()


def test_it_reopens_the_correction_section_with_its_error(login, editor, colleague, claim, rating):
    # given a published verdict
    make_evidence(claim, editor)
    verdict = make_verdict(
        claim, editor, status=Verdict.Status.PUBLISHED, conclusion="x", rating=rating, reviewer=colleague
    )
    # when a correction is asked for without a reason
    url = reverse("verdicts:verdict_correct", args=[verdict.pk])
    html = login(editor).post(url, {"reason": " "}, headers=HX).content.decode()
    # then the redrawn panel shows the correction section open, with its error inside it
    section = re.search(r'<details class="correct"( open)?>(.*?)</details>', html, re.S)
    assert section and section.group(1) == " open"
    assert "This field is required." in section.group(2)


def test_verdict_routes_refuse_get_and_hide_outsiders(login, editor, outsider, claim, rating):
    verdict = make_verdict(claim, editor)
    client = login(editor)
    for name in ("verdict_submit", "verdict_approve", "verdict_return", "verdict_correct"):
        assert client.get(reverse(f"verdicts:{name}", args=[verdict.pk])).status_code == 405
        assert login(outsider).post(reverse(f"verdicts:{name}", args=[verdict.pk]), headers=HX).status_code == 404
    assert login(outsider).post(reverse("verdicts:verdict_save", args=[claim.pk])).status_code == 404


def test_the_history_tab_shows_who_changed_what(login, editor, colleague, claim, rating):
    make_evidence(claim, editor)
    client = login(editor)
    client.post(
        reverse("verdicts:verdict_save", args=[claim.pk]), {"rating": rating.pk, "conclusion": "c1", "action": "submit"}
    )
    verdict = Verdict.objects.get()
    login(colleague).post(reverse("verdicts:verdict_approve", args=[verdict.pk]))
    response = login(editor).get(claim.get_absolute_url(), {"tab": "history"}, headers=HX)
    html = response.content.decode()
    assert "approved and published" in html and "submitted for review" in html
    assert "<strong>bob</strong>" in html and "<strong>alice</strong>" in html
    assert "Mostly true" in html  # the rating is named, not numbered


# --- dashboard ------------------------------------------------------------------------------


def test_the_dashboard_counts_and_charts(login, editor, colleague, newsroom, rating, django_assert_max_num_queries):
    article = make_article(newsroom)
    claims = [make_claim(article, start=i * 30, end=i * 30 + 20) for i in range(4)]
    Claim.objects.filter(pk=claims[0].pk).update(status=Claim.Status.PUBLISHED, assignee=editor)
    Claim.objects.filter(pk=claims[1].pk).update(status=Claim.Status.IN_PROGRESS, assignee=editor)
    from django.utils import timezone

    make_verdict(
        claims[0], editor, status=Verdict.Status.PUBLISHED, rating=rating, reviewer=colleague,
        published_at=timezone.now(),
    )  # fmt: skip
    client = login(editor)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("verdicts:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<svg class="chart"' in html and "Mostly true" in html
    assert 'id="dashboard-status-new">2<' in html and 'id="dashboard-status-published">1<' in html
    assert response.context["workload"][0]["assignee__username"] == "alice"
    assert response.context["median_wait"] is not None
    fragment = client.get(reverse("verdicts:dashboard"), headers=HX)
    assert b"<html" not in fragment.content and b"tiles" in fragment.content


def test_the_dashboard_refuses_post_anonymous_and_hides_other_newsrooms(client, login, outsider, newsroom):
    make_claim(make_article(newsroom))
    assert client.get(reverse("verdicts:dashboard")).status_code == 302
    response = login(outsider).get(reverse("verdicts:dashboard"))
    assert response.context["total"] == 0
    assert login(outsider).post(reverse("verdicts:dashboard")).status_code == 405


def test_the_verdict_form_works_without_javascript(login, checker, claim, rating):
    client = login(checker)
    response = client.post(
        reverse("verdicts:verdict_save", args=[claim.pk]), {"rating": rating.pk, "conclusion": "Plain POST."}
    )
    assert response.status_code == 302 and response["Location"] == claim.get_absolute_url()
    page = client.get(response["Location"])
    assert b"Draft saved." in page.content and b"Plain POST." in page.content
    response = client.post(
        reverse("verdicts:verdict_save", args=[claim.pk]),
        {"rating": rating.pk, "conclusion": "x", "action": "submit", "version": open_version(claim)},
    )
    assert response.status_code == 302
    assert b"Attach at least one piece of public evidence" in client.get(claim.get_absolute_url()).content


# --- four eyes in the panel -------------------------------------------------------------------


def _save(client, claim, rating, action="draft", conclusion="Close to the figure."):
    return client.post(
        reverse("verdicts:verdict_save", args=[claim.pk]),
        {"rating": rating.pk, "conclusion": conclusion, "action": action, "version": open_version(claim)},
        headers=HX,
    )


def test_it_refuses_a_submit_without_saving_a_draft(login, checker, claim):
    # given evidence but no rating and no conclusion
    make_evidence(claim, checker)
    # when the checker submits for review
    response = login(checker).post(
        reverse("verdicts:verdict_save", args=[claim.pk]),
        {"rating": "", "conclusion": "", "action": "submit"},
        headers=HX,
    )
    # then nothing is saved, and the reasons are one list under one heading
    html = response.content.decode()
    assert response.status_code == 200 and not Verdict.objects.exists()
    assert "last saved" not in html
    errors = re.search(r'<div class="error" role="alert">(.*?)</div>', html, re.S).group(1)
    assert '<p class="error-heading">Not submitted yet:</p>' in errors
    assert re.findall(r"<li>(.*?)</li>", errors) == ["Pick a rating.", "Write the conclusion."]


def test_a_refused_plain_form_submit_keeps_what_was_typed_as_the_draft(login, checker, claim, rating):
    # without htmx the answer is a redirect, which would drop the typed text: it is kept as the draft instead
    response = login(checker).post(
        reverse("verdicts:verdict_save", args=[claim.pk]),
        {"rating": rating.pk, "conclusion": "Close to the figure.", "action": "submit"},
    )
    assert response.status_code == 302
    draft = Verdict.objects.get()
    assert (draft.status, draft.conclusion) == (Verdict.Status.DRAFT, "Close to the figure.")
    # and with nothing typed, nothing is saved
    Verdict.objects.all().delete()
    login(checker).post(
        reverse("verdicts:verdict_save", args=[claim.pk]), {"rating": "", "conclusion": "", "action": "submit"}
    )
    assert not Verdict.objects.exists()


def test_it_leaves_the_open_draft_as_it_was_when_a_submit_is_refused(login, checker, claim, rating):
    # given a saved draft with a rating and a conclusion, and no evidence
    _save(login(checker), claim, rating, conclusion="Close to the figure.")
    # when the checker clears the conclusion and submits
    response = _save(login(checker), claim, rating, action="submit", conclusion="")
    # then the refusal leaves the draft unchanged, saved "just now" (not "0 minutes ago")
    assert b"Write the conclusion." in response.content
    assert b"last saved just now." in response.content
    draft = Verdict.objects.get()
    assert (draft.status, draft.conclusion) == (Verdict.Status.DRAFT, "Close to the figure.")


def test_an_editor_who_edited_a_checkers_draft_is_not_offered_approve(login, editor, colleague, checker, claim, rating):
    # given a checker's draft, edited by the editor, submitted by the checker
    make_evidence(claim, checker)
    _save(login(checker), claim, rating)
    _save(login(editor), claim, rating, conclusion="The editor's wording.")
    response = _save(login(checker), claim, rating, action="submit", conclusion="The editor's wording.")
    assert b"Submitted for review. An editor will approve or return it." in response.content
    verdict = Verdict.objects.get()
    assert verdict.status == Verdict.Status.IN_REVIEW
    # the checker who wrote it, who can never review, waits for "an editor", not "another editor"
    html = login(checker).get(claim.get_absolute_url()).content.decode()
    assert "Waiting for an editor's review." in html and "self-review" not in html and "another editor" not in html
    # when the editor opens the statement
    html = login(editor).get(claim.get_absolute_url()).content.decode()
    # then no Approve or Return, and the reason
    assert "Approve and publish" not in html and "Return with a comment" not in html
    assert f'id="verdict-{verdict.pk}-self-review"' in html
    assert "you wrote or edited this version, so you cannot review it yourself" in html
    assert "Written by carol; also worked on by alice." in html
    # and a POST is refused
    client = login(editor)
    assert client.post(reverse("verdicts:verdict_approve", args=[verdict.pk]), headers=HX).status_code == 403
    response = client.post(reverse("verdicts:verdict_return", args=[verdict.pk]), {"comment": "mine"}, headers=HX)
    assert response.status_code == 403
    assert Verdict.objects.get().status == Verdict.Status.IN_REVIEW
    # a colleague who never touched it reviews it
    html = login(colleague).get(claim.get_absolute_url()).content.decode()
    assert "Approve and publish" in html and "self-review" not in html
    response = login(colleague).post(reverse("verdicts:verdict_approve", args=[verdict.pk]), headers=HX)
    assert response.status_code == 200 and b"Verdict published." in response.content


def test_an_editor_is_told_that_saving_makes_them_a_contributor(login, editor, checker, claim, rating):
    _save(login(checker), claim, rating)
    html = login(editor).get(claim.get_absolute_url()).content.decode()
    assert "Saving, submitting or changing the evidence makes you a contributor of this version" in html
    html = _save(login(editor), claim, rating).content.decode()
    assert "You have worked on this version, so a different editor must review it." in html


# --- evidence is frozen in review and after publication -----------------------------------------


def _evidence_oob(claim):
    return f'id="claim-{claim.pk}-evidence" aria-labelledby="claim-{claim.pk}-evidence-title" hx-swap-oob="true"'


def test_published_evidence_changes_only_through_a_correction(login, editor, colleague, checker, claim, rating):
    # given a published verdict
    evidence = make_evidence(claim, editor)
    verdict = make_verdict(
        claim, editor, status=Verdict.Status.PUBLISHED, conclusion="x", rating=rating, reviewer=colleague
    )
    client = login(checker)
    # the page offers no add or remove, and says why
    html = client.get(claim.get_absolute_url()).content.decode()
    assert f'id="claim-{claim.pk}-evidence-locked"' in html and "open a correction first" in html
    assert "Add evidence" not in html
    assert reverse("verdicts:evidence_remove", args=[evidence.pk]) not in html
    # posts are refused with the reason: htmx, then plain
    response = _evidence_post(client, claim, HX, url="https://example.org/sneaky")
    assert response.status_code == 200 and b"open a correction first" in response.content
    response = _evidence_post(client, claim, url="https://example.org/sneaky")
    assert response.status_code == 302
    assert b"open a correction first" in client.get(response["Location"]).content
    response = client.post(reverse("verdicts:evidence_remove", args=[evidence.pk]), headers=HX)
    assert response.status_code == 200 and b"open a correction first" in response.content
    assert list(Evidence.objects.all()) == [evidence]
    # when a correction is opened, the evidence panel re-opens in the same answer (out of band)
    url = reverse("verdicts:verdict_correct", args=[verdict.pk])
    response = client.post(url, {"reason": "Better source."}, headers=HX)
    html = response.content.decode()
    assert _evidence_oob(claim) in html
    assert "Add evidence" in html and "Correction v2 is open" in html
    # then evidence changes again
    response = _evidence_post(client, claim, HX, url="https://example.org/better")
    assert response.status_code == 200 and b"Evidence added." in response.content
    assert Evidence.objects.count() == 2


def test_evidence_is_frozen_while_the_verdict_is_in_review(login, editor, checker, claim, rating):
    evidence = make_evidence(claim, editor)
    _save(login(checker), claim, rating, action="submit")
    client = login(checker)
    html = client.get(claim.get_absolute_url()).content.decode()
    assert "its evidence is frozen" in html and "Add evidence" not in html
    response = client.post(reverse("verdicts:evidence_remove", args=[evidence.pk]))
    assert response.status_code == 302
    assert b"its evidence is frozen" in client.get(claim.get_absolute_url()).content
    assert Evidence.objects.filter(pk=evidence.pk).exists()


def test_submitting_updates_the_evidence_panel_out_of_band(login, editor, checker, claim, rating):
    make_evidence(claim, editor)
    html = _save(login(checker), claim, rating, action="submit").content.decode()
    assert _evidence_oob(claim) in html
    assert "its evidence is frozen" in html


def test_the_last_public_evidence_of_a_live_verdict_has_no_remove_button(login, editor, colleague, claim, rating):
    # given a published verdict with a public and a private piece, and a correction open
    public = make_evidence(claim, editor)
    private = make_evidence(claim, editor, is_private=True)
    make_verdict(claim, editor, status=Verdict.Status.PUBLISHED, conclusion="x", rating=rating, reviewer=colleague)
    make_verdict(claim, editor, version=2, correction_reason="More context.")
    client = login(colleague)
    html = client.get(claim.get_absolute_url()).content.decode()
    assert reverse("verdicts:evidence_remove", args=[public.pk]) not in html
    assert reverse("verdicts:evidence_remove", args=[private.pk]) in html
    assert "kept: the published verdict's only public evidence" in html
    response = client.post(reverse("verdicts:evidence_remove", args=[public.pk]), headers=HX)
    assert b"only public evidence of the published verdict" in response.content
    assert Evidence.objects.filter(pk=public.pk).exists()


def test_private_evidence_alone_does_not_allow_submitting(login, checker, claim, rating):
    make_evidence(claim, checker, is_private=True)
    response = _save(login(checker), claim, rating, action="submit")
    assert b"Attach at least one piece of public evidence" in response.content
    assert not Verdict.objects.exists()


# --- no user-id oracle when assigning -----------------------------------------------------------


def _normalised(response):
    """The answer with the per-request CSRF mask blanked (the only bytes that differ on every render)."""
    body = re.sub(rb'(name="csrfmiddlewaretoken" value=")[^"]+"', rb'\1"', response.content)
    body = re.sub(rb'("x-csrftoken": ")[^"]+"', rb'\1"', body)
    return response.status_code, dict(response.headers), body


@pytest.mark.parametrize("role", ["editor", "checker"])
def test_another_newsrooms_user_id_and_a_missing_id_get_the_same_answer(login, editor, checker, outsider, claim, role):
    from django.contrib.auth import get_user_model

    client = login(editor if role == "editor" else checker)
    url = reverse("claims:claim_assign", args=[claim.pk])
    missing = get_user_model().objects.order_by("-pk").first().pk + 1000
    # htmx fragment
    existing_answer = _normalised(client.post(url, {"assignee": outsider.pk}, headers=HX))
    missing_answer = _normalised(client.post(url, {"assignee": missing}, headers=HX))
    assert existing_answer == missing_answer
    assert b"Unknown person." in existing_answer[2]
    # plain POST: the same redirect, then the same page with the same message
    first = client.post(url, {"assignee": outsider.pk})
    first_page = _normalised(client.get(first["Location"]))
    second = client.post(url, {"assignee": missing})
    second_page = _normalised(client.get(second["Location"]))
    assert (first.status_code, first["Location"]) == (second.status_code, second["Location"])
    assert first_page == second_page and b"Unknown person." in first_page[2]
    assert Claim.objects.get(pk=claim.pk).assignee is None


# --- people by name -------------------------------------------------------------------------


def test_the_statement_page_names_colleagues_not_their_logins(login, editor, colleague, claim, rating):
    # given evidence and a verdict in review by Maria Lopez (login alice)
    give_name(editor, "Maria", "Lopez")
    give_name(colleague, "Sam", "Lee")
    client = login(editor)
    _evidence_post(client, claim, url="https://port.example.gov/annual-report")
    client.post(
        reverse("verdicts:verdict_save", args=[claim.pk]), {"rating": rating.pk, "conclusion": "c1", "action": "submit"}
    )
    # when Sam Lee (login bob) opens the statement and its history
    client = login(colleague)
    html = client.get(claim.get_absolute_url()).content.decode()
    history = client.get(claim.get_absolute_url(), {"tab": "history"}, headers=HX).content.decode()
    # then names, not logins: evidence, verdict author, history, and his own account menu
    assert "Added by Maria Lopez," in html and "Written by Maria Lopez" in html
    assert "<strong>Maria Lopez</strong>" in history
    assert re.search(r'<summary title="Your account[^"]*">Sam Lee</summary>', html)
    assert not re.search(r"\b(alice|bob)\b", html + history)


def test_a_published_verdict_names_its_author_and_reviewer(login, editor, colleague, claim, rating):
    give_name(editor, "Maria", "Lopez")
    give_name(colleague, "Sam", "Lee")
    make_verdict(claim, editor, status=Verdict.Status.PUBLISHED, rating=rating, reviewer=colleague)
    html = login(editor).get(claim.get_absolute_url()).content.decode()
    assert "By Maria Lopez, approved by Sam Lee on" in html


def test_the_dashboard_workload_names_the_assignee(login, editor, newsroom):
    give_name(editor, "Maria", "Lopez")
    make_claim(make_article(newsroom), assignee=editor)
    html = login(editor).get(reverse("verdicts:dashboard")).content.decode()
    assert f'<tr><td><a href="{reverse("claims:queue")}?assignee={editor.pk}">Maria Lopez</a></td>' in html
