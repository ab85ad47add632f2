"""The rating scale screen (factcheck/verdicts/scale_views.py): admins edit their newsroom's scale."""

import re

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from factcheck.verdicts.models import RatingScale
from factcheck.verdicts.scale_services import RatingInUse, rating_delete, rating_save
from tests.factories import make_article, make_claim, make_verdict

URL = "verdicts:rating_scale"


def _rating(newsroom, label):
    return RatingScale.objects.get(newsroom=newsroom, label=label)


def _fields(rating, **changes):
    data = {"rating": rating.pk, "action": "save", "label": rating.label, "value": rating.value}
    data.update(colour=rating.colour, description=rating.description, active="on" if rating.active else "")
    data.update(on_scale="on" if rating.on_scale else "")
    data.update(changes)
    return data


def test_it_shows_the_scale_to_admins(login, admin_member, newsroom, other_newsroom):
    RatingScale.objects.create(newsroom=other_newsroom, label="Pants on fire", value=1)
    response = login(admin_member).get(reverse(URL))
    assert response.status_code == 200
    assert b"Mostly true" in response.content and b"Pants on fire" not in response.content
    assert b'href="/rating-scale/"' in response.content  # in the nav


def test_it_renames_and_recolours_a_rating(login, admin_member, newsroom):
    rating = _rating(newsroom, "Half true")
    response = login(admin_member).post(reverse(URL), _fields(rating, label="Half right", colour="#123ABC"))
    assert response.status_code == 302
    rating.refresh_from_db()
    assert (rating.label, rating.colour) == ("Half right", "#123abc")


def test_it_takes_a_rating_off_the_scale_and_back(login, admin_member, newsroom):
    client = login(admin_member)
    page = client.get(reverse(URL)).content.decode()
    unverifiable, half_true = _rating(newsroom, "Unverifiable"), _rating(newsroom, "Half true")
    # the screen shows the box, unticked for Unverifiable (seeded off the scale), ticked for the others
    box = '<input type="checkbox" name="on_scale" [^>]*id="rating-{}-on_scale"( checked)?>'
    assert re.search(box.format(unverifiable.pk), page).group(1) is None
    assert re.search(box.format(half_true.pk), page).group(1) == " checked"
    # when Half true is saved unticked, then ticked again
    assert client.post(reverse(URL), _fields(half_true, on_scale="")).status_code == 302
    assert not _rating(newsroom, "Half true").on_scale
    assert client.post(reverse(URL), _fields(half_true, on_scale="on")).status_code == 302
    assert _rating(newsroom, "Half true").on_scale
    # a new rating is added off the scale when the box is left unticked
    new = {"action": "add", "label": "Satire", "value": 20, "colour": "#8250df", "active": "on"}
    assert client.post(reverse(URL), new).status_code == 302
    assert not _rating(newsroom, "Satire").on_scale


def test_it_adds_a_rating(login, admin_member, newsroom):
    client = login(admin_member)
    new = {"action": "add", "label": "Misleading", "value": 3, "colour": "#8250df", "active": "on"}
    # an active rating's value is its own: two at 3 would leave the order and ClaimReview's value ambiguous
    response = client.post(reverse(URL), new)
    assert response.status_code == 200
    assert "“Mostly false” already has the value 3" in response.content.decode()
    assert not RatingScale.objects.filter(label="Misleading").exists()
    # a retired rating's value can be taken over
    mostly_false = _rating(newsroom, "Mostly false")
    assert client.post(reverse(URL), _fields(mostly_false, active="")).status_code == 302
    assert client.post(reverse(URL), new).status_code == 302
    assert _rating(newsroom, "Misleading").active


def test_it_shows_errors_beside_the_row(login, admin_member, newsroom):
    rating = _rating(newsroom, "False")
    response = login(admin_member).post(reverse(URL), _fields(rating, label="true", colour="red", value=0))
    assert response.status_code == 200
    form = {r.pk: f for r, f in response.context["rows"]}[rating.pk]
    assert {"colour", "value"} <= set(form.errors)
    response = login(admin_member).post(reverse(URL), _fields(rating, label="true"))
    assert response.status_code == 200 and "already on the scale" in response.content.decode()
    assert _rating(newsroom, "False").colour == "#cf222e"


def test_a_used_rating_is_retired_not_deleted(login, admin_member, editor, newsroom):
    rating = _rating(newsroom, "False")
    make_verdict(make_claim(make_article(newsroom)), editor, rating=rating)
    client = login(admin_member)
    response = client.post(reverse(URL), {"action": "delete", "rating": rating.pk}, follow=True)
    assert "retire it instead" in response.content.decode()
    assert RatingScale.objects.filter(pk=rating.pk).exists()
    client.post(reverse(URL), _fields(rating, active=""))
    rating.refresh_from_db()
    assert rating.active is False


def test_an_unused_rating_is_deleted(login, admin_member, newsroom):
    rating = _rating(newsroom, "Unverifiable")
    response = login(admin_member).post(reverse(URL), {"action": "delete", "rating": rating.pk})
    assert response.status_code == 302 and not RatingScale.objects.filter(pk=rating.pk).exists()


def test_a_rating_once_used_by_a_verdict_version_stays(newsroom, editor):
    rating, other = _rating(newsroom, "True"), _rating(newsroom, "False")
    verdict = make_verdict(make_claim(make_article(newsroom)), editor, rating=rating)
    verdict.rating = other
    verdict.save()  # the history still names `rating`
    with pytest.raises(RatingInUse):
        rating_delete(newsroom=newsroom, rating=rating)


def test_the_scale_keeps_one_active_rating(newsroom):
    ratings = list(RatingScale.objects.for_newsroom(newsroom))
    for rating in ratings[:-1]:
        rating_delete(newsroom=newsroom, rating=rating)
    last = ratings[-1]
    with pytest.raises(ValidationError):
        rating_save(
            newsroom=newsroom, rating=last, label=last.label, value=last.value, colour=last.colour, active=False
        )
    with pytest.raises(ValidationError):
        rating_delete(newsroom=newsroom, rating=last)


def test_only_admins_edit_the_scale(login, editor, checker, viewer, newsroom):
    rating = _rating(newsroom, "True")
    for user in (editor, checker, viewer):
        client = login(user)
        assert client.get(reverse(URL)).status_code == 403
        assert client.post(reverse(URL), _fields(rating, label="Yes")).status_code == 403
    assert _rating(newsroom, "True")


def test_outsiders_cannot_touch_this_newsrooms_ratings(client, login, outsider, newsroom):
    rating = _rating(newsroom, "True")
    assert client.get(reverse(URL))["Location"].startswith(reverse("login"))
    other = login(outsider)
    assert other.post(reverse(URL), _fields(rating, label="Hijacked")).status_code == 404
    assert other.post(reverse(URL), {"action": "delete", "rating": rating.pk}).status_code == 404
    assert other.post(reverse(URL), {"action": "save", "rating": "1 OR 1=1"}).status_code == 404
    assert other.put(reverse(URL)).status_code == 405
    assert _rating(newsroom, "True")


@pytest.mark.parametrize(
    "colour, text",
    [("#1a7f37", "#fff"), ("#cf222e", "#fff"), ("#4c9a2a", "#000"), ("#b08800", "#000"), ("#d4731c", "#000")],
)
def test_a_chip_s_text_is_black_or_white_by_contrast(colour, text):
    from factcheck.verdicts.models import text_colour_on

    assert text_colour_on(colour) == text
    assert text_colour_on("#FFFFFF") == "#000" and text_colour_on("#000000") == "#fff"
    assert text_colour_on("not a colour") == "#fff"


def test_the_scale_screen_writes_amber_chips_in_black(login, admin_member, newsroom):
    content = login(admin_member).get(reverse(URL)).content.decode()
    half = _rating(newsroom, "Half true")
    assert half.text_colour == "#000"
    assert f"background: {half.colour}; color: #000" in content
    assert f"background: {_rating(newsroom, 'False').colour}; color: #fff" in content
