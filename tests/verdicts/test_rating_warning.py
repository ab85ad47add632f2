"""The warning when a verdict's rating contradicts all its evidence: decided from the rating scale's values
(RatingScale.side), never from the ratings' names; shown on the verdict form and on the review panel, and
reloaded through htmx when the rating or the evidence changes. It never blocks a save or a submit."""

import json

import pytest

from django.urls import reverse

from factcheck.newsrooms.models import Membership
from factcheck.verdicts.models import RatingScale, Verdict
from factcheck.verdicts.scale_services import verdict_rating_warning
from factcheck.verdicts.services import verdict_save_draft, verdict_submit
from tests.factories import make_evidence
from tests.verdicts.conftest import open_version

HX = {"HX-Request": "true"}
WARNING = 'class="rating-warning" role="note"'


def _rating(newsroom, label):
    return RatingScale.objects.get(newsroom=newsroom, label=label)


def _warning(newsroom, label, *stances):
    return verdict_rating_warning(rating=_rating(newsroom, label), stances=stances)


def _evidence(claim, user, *stances):
    for n, stance in enumerate(stances, start=1):
        make_evidence(claim, user, stance=stance, quote=f"Passage {n}")


# --- which side of the scale ----------------------------------------------------------------


def test_it_splits_the_default_scale_at_its_middle_value(newsroom):
    bounds = RatingScale.objects.for_newsroom(newsroom).bounds()
    assert bounds == (2, 6)  # False … True; Unverifiable (1) is off the scale
    sides = {r.label: r.side(bounds) for r in RatingScale.objects.for_newsroom(newsroom)}
    assert sides == {
        "True": "true",
        "Mostly true": "true",
        "Half true": "",
        "Mostly false": "false",
        "False": "false",
        "Unverifiable": "",
    }


def test_it_reads_the_values_not_the_names(newsroom):
    # given a scale whose names mean nothing to the code: higher is truer, whatever the label
    RatingScale.objects.for_newsroom(newsroom).delete()
    for label, value in (("Pants on fire", 10), ("Shaky", 20), ("Solid", 30), ("Rock solid", 40)):
        RatingScale.objects.create(newsroom=newsroom, label=label, value=value)
    RatingScale.objects.create(newsroom=newsroom, label="True", value=1, on_scale=False)  # off the scale
    bounds = RatingScale.objects.for_newsroom(newsroom).bounds()
    sides = {r.label: r.side(bounds) for r in RatingScale.objects.for_newsroom(newsroom)}
    assert sides == {"Rock solid": "true", "Solid": "true", "Shaky": "false", "Pants on fire": "false", "True": ""}
    # then the warning follows the values too
    assert _warning(newsroom, "Solid", "refutes") == (
        "The only evidence item refutes this statement, but the rating is Solid."
    )
    assert _warning(newsroom, "True", "refutes", "refutes") == ""


def test_retired_ratings_do_not_move_the_middle(newsroom):
    # given True retired: the scale runs from 2 to 5 and its middle is 3.5
    RatingScale.objects.filter(newsroom=newsroom, label="True").update(active=False)
    bounds = RatingScale.objects.for_newsroom(newsroom).bounds()
    assert bounds == (2, 5)
    assert _rating(newsroom, "Half true").side(bounds) == "true"
    assert _rating(newsroom, "True").side(bounds) == "true"  # a verdict may still carry it
    assert RatingScale.objects.none().bounds() is None
    assert _rating(newsroom, "True").side(None) == ""


# --- the warning ----------------------------------------------------------------------------


def test_it_warns_when_every_item_refutes_a_true_side_rating(newsroom):
    assert _warning(newsroom, "Mostly true", "refutes", "refutes", "refutes") == (
        "All 3 evidence items refute this statement, but the rating is Mostly true."
    )
    assert _warning(newsroom, "True", "refutes", "refutes") == (
        "Both evidence items refute this statement, but the rating is True."
    )


def test_it_warns_when_every_item_supports_a_false_side_rating(newsroom):
    assert _warning(newsroom, "False", "supports") == (
        "The only evidence item supports this statement, but the rating is False."
    )
    assert _warning(newsroom, "Mostly false", *["supports"] * 4) == (
        "All 4 evidence items support this statement, but the rating is Mostly false."
    )


@pytest.mark.parametrize(
    ("label", "stances"),
    [
        ("Mostly true", ()),  # no evidence
        ("Mostly true", ("refutes", "supports")),  # mixed
        ("Mostly true", ("refutes", "context")),  # context is not a refutation
        ("Mostly true", ("context", "context")),
        ("Mostly true", ("supports", "supports")),  # agrees
        ("False", ("refutes",)),  # agrees
        ("Half true", ("refutes", "refutes")),  # the middle of the scale
        ("Half true", ("supports",)),
        ("Unverifiable", ("refutes", "refutes")),  # off the scale
        ("Unverifiable", ("supports",)),
    ],
)
def test_it_says_nothing_otherwise(newsroom, label, stances):
    assert _warning(newsroom, label, *stances) == ""


def test_it_says_nothing_without_a_rating():
    assert verdict_rating_warning(rating=None, stances=["refutes"]) == ""


# --- the verdict form -----------------------------------------------------------------------


def test_the_form_warns_for_the_saved_rating_and_still_submits(login, newsroom, checker, claim):
    # given three refuting items and a draft rated Mostly true
    _evidence(claim, checker, "refutes", "refutes", "refutes")
    member = Membership.objects.get(user=checker)
    verdict_save_draft(member=member, claim=claim, rating=_rating(newsroom, "Mostly true"), conclusion="x")
    client = login(checker)
    # then the form shows the warning beside the rating
    html = client.get(claim.get_absolute_url()).content.decode()
    slot = html[html.index(f'id="claim-{claim.pk}-rating-check"') :].split("</div>", 1)[0]
    assert "All 3 evidence items refute this statement, but the rating is Mostly true." in slot
    # and it does not block: the submit goes through
    version = open_version(claim)
    response = client.post(
        reverse("verdicts:verdict_save", args=[claim.pk]),
        {"rating": _rating(newsroom, "Mostly true").pk, "conclusion": "x", "action": "submit", "version": version},
        headers=HX,
    )
    assert response.status_code == 200 and Verdict.objects.get().status == Verdict.Status.IN_REVIEW


def test_the_form_reloads_the_warning_when_the_rating_changes(login, newsroom, checker, claim):
    _evidence(claim, checker, "refutes", "refutes")
    client = login(checker)
    html = client.get(claim.get_absolute_url()).content.decode()
    assert WARNING not in html  # no rating yet
    # the slot asks again on the rating's change and on an evidence change, sending the chosen rating
    url = reverse("verdicts:rating_check", args=[claim.pk])
    slot = html[html.index(f'id="claim-{claim.pk}-rating-check"') :].split(">", 1)[0]
    assert f'hx-get="{url}"' in slot and f'hx-include="#verdict-{claim.pk}-rating"' in slot
    assert f'hx-trigger="change from:#verdict-{claim.pk}-rating, evidence-changed from:body"' in slot
    # the check answers the fragment for the chosen rating
    response = client.get(url, {"rating": _rating(newsroom, "True").pk}, headers=HX)
    assert response.status_code == 200 and "<html" not in response.content.decode()
    assert response.content.decode().strip() == (
        '<p class="rating-warning" role="note"><strong>Check the rating:</strong> '
        "Both evidence items refute this statement, but the rating is True.</p>"
    )
    for rating in (_rating(newsroom, "False").pk, _rating(newsroom, "Unverifiable").pk, "", "abc", "99999999"):
        assert client.get(url, {"rating": rating}, headers=HX).content.decode().strip() == "", rating


def test_the_rating_check_is_scoped_and_read_only(client, login, newsroom, other_newsroom, checker, outsider, claim):
    _evidence(claim, checker, "refutes")
    url = reverse("verdicts:rating_check", args=[claim.pk])
    true = _rating(newsroom, "True").pk
    assert client.get(url, {"rating": true}, headers=HX)["Location"].startswith(reverse("login"))
    assert login(outsider).get(url, {"rating": true}, headers=HX).status_code == 404
    # another newsroom's rating is not one of this form's choices
    foreign = _rating(other_newsroom, "True").pk
    assert login(checker).get(url, {"rating": foreign}, headers=HX).content.decode().strip() == ""
    assert login(checker).post(url, {"rating": true}, headers=HX).status_code == 405
    # without htmx: the statement page, whose form shows the saved rating's warning
    assert login(checker).get(url, {"rating": true})["Location"] == claim.get_absolute_url()


def test_an_evidence_change_fires_the_event_the_warning_listens_to(login, checker, claim):
    response = login(checker).post(
        reverse("verdicts:evidence_add", args=[claim.pk]),
        {"url": "https://port.example.gov/a", "stance": "refutes"},
        headers=HX,
    )
    assert response.status_code == 200 and json.loads(response["HX-Trigger"]) == {"evidence-changed": {}}
    # a verdict answer does not (its panel is redrawn with the warning already)
    response = login(checker).post(
        reverse("verdicts:verdict_save", args=[claim.pk]), {"conclusion": "x", "action": "draft"}, headers=HX
    )
    assert "HX-Trigger" not in response


def test_a_refused_submit_keeps_the_posted_ratings_warning(login, newsroom, checker, claim):
    # given refuting evidence and a submit refused for its empty conclusion, with True chosen
    _evidence(claim, checker, "refutes")
    response = login(checker).post(
        reverse("verdicts:verdict_save", args=[claim.pk]),
        {"rating": _rating(newsroom, "True").pk, "conclusion": "", "action": "submit"},
        headers=HX,
    )
    html = response.content.decode()
    # then the redrawn form warns about the rating it shows
    assert "Write the conclusion." in html
    assert "The only evidence item refutes this statement, but the rating is True." in html


# --- the review panel -----------------------------------------------------------------------


def test_the_review_panel_warns_the_reviewer(login, newsroom, editor, colleague, claim):
    # given a verdict rated False submitted with only supporting evidence
    _evidence(claim, editor, "supports", "supports")
    member = Membership.objects.get(user=editor)
    verdict = verdict_save_draft(member=member, claim=claim, rating=_rating(newsroom, "False"), conclusion="x")
    verdict_submit(member=member, verdict=verdict)
    # then the reviewer sees the warning above Approve, and can still approve
    html = login(colleague).get(claim.get_absolute_url()).content.decode()
    warning = html.index("Both evidence items support this statement, but the rating is False.")
    assert html.index(f'id="verdict-{verdict.pk}"') < warning < html.index("Approve and publish</button>")
    response = login(colleague).post(reverse("verdicts:verdict_approve", args=[verdict.pk]), headers=HX)
    assert response.status_code == 200 and Verdict.objects.get().status == Verdict.Status.PUBLISHED
    # a published verdict's panel shows no warning
    assert WARNING not in response.content.decode()
