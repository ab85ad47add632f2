"""The members screen: admins only, new accounts only, the password shown once, the last admin kept."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from factcheck.newsrooms.models import Membership
from tests.conftest import PASSWORD, _member
from tests.factories import give_name


def _membership(user):
    return Membership.objects.get(user=user)


def test_it_lists_the_newsrooms_members_only(login, admin_member, checker, outsider):
    response = login(admin_member).get(reverse("newsrooms:members"))
    assert response.status_code == 200
    assert b"carol@example.org" in response.content and b"ada@example.org" in response.content
    assert outsider.username.encode() not in response.content
    assert b'href="/newsroom/members/"' in response.content  # the nav shows admins the screen


def test_it_adds_a_member_and_shows_the_password_once(login, admin_member, newsroom):
    # given an admin on the members screen
    client = login(admin_member)
    # when they add a member
    response = client.post(
        reverse("newsrooms:member_add"),
        {"username": "dana", "email": "dana@example.org", "display_name": "Dana Okafor", "role": "checker"},
    )
    # then the account exists and its initial password is on this answer only, which is not cached
    assert response.status_code == 200
    dana = get_user_model().objects.get(username="dana")
    password = response.context["created"].password
    assert dana.check_password(password) and password.encode() in response.content
    assert "no-store" in response["Cache-Control"]
    assert _membership(dana).newsroom == newsroom and _membership(dana).role == "checker"
    assert password.encode() not in client.get(reverse("newsrooms:members")).content
    # and the new member can log in with it
    client.logout()
    response = client.post(reverse("login"), {"username": "dana", "password": password})
    assert response.status_code == 302 and client.get(reverse("claims:queue")).status_code == 200


def test_it_reports_form_errors_in_place(login, admin_member, outsider):
    response = login(admin_member).post(
        reverse("newsrooms:member_add"),
        {"username": outsider.username, "email": "not-an-email", "display_name": "", "role": "overlord"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"email", "display_name", "role"} <= set(errors)
    assert not Membership.objects.filter(user=outsider, newsroom=admin_member.memberships.get().newsroom).exists()


def test_it_says_when_a_username_is_taken(login, admin_member, outsider):
    response = login(admin_member).post(
        reverse("newsrooms:member_add"),
        {"username": outsider.username, "email": "m@example.org", "display_name": "M", "role": "viewer"},
    )
    assert response.status_code == 200 and b"already exists" in response.content
    assert b"Beta Desk" not in response.content  # nothing about where that account works


def test_it_changes_a_role(login, admin_member, checker):
    response = login(admin_member).post(
        reverse("newsrooms:member_role", args=[_membership(checker).pk]), {"role": "editor"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("newsrooms:members")
    assert _membership(checker).role == "editor"


def test_the_last_admin_cannot_demote_or_remove_themselves(login, admin_member):
    client = login(admin_member)
    mine = _membership(admin_member)
    response = client.post(reverse("newsrooms:member_role", args=[mine.pk]), {"role": "viewer"}, follow=True)
    assert b"at least one admin" in response.content
    response = client.post(reverse("newsrooms:member_remove", args=[mine.pk]), follow=True)
    assert b"at least one admin" in response.content
    assert _membership(admin_member).role == "admin"


def test_an_admin_who_steps_down_goes_home(login, admin_member, newsroom):
    _member(newsroom, "ada2", Membership.Role.ADMIN)
    response = login(admin_member).post(
        reverse("newsrooms:member_role", args=[_membership(admin_member).pk]), {"role": "editor"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_it_removes_a_member_who_then_cannot_log_in(client, login, admin_member, checker):
    response = login(admin_member).post(reverse("newsrooms:member_remove", args=[_membership(checker).pk]))
    assert response.status_code == 302
    assert not Membership.objects.filter(user=checker).exists()
    client.logout()
    response = client.post(reverse("login"), {"username": checker.username, "password": PASSWORD})
    assert response.status_code == 200  # the login form again: the account is closed


def test_only_admins_manage_members(login, editor, checker, viewer):
    target = _membership(checker).pk
    for user in (editor, checker, viewer):
        client = login(user)
        assert client.get(reverse("newsrooms:members")).status_code == 403
        assert client.post(reverse("newsrooms:member_add"), {"username": "x"}).status_code == 403
        assert client.post(reverse("newsrooms:member_role", args=[target]), {"role": "admin"}).status_code == 403
        assert client.post(reverse("newsrooms:member_remove", args=[target])).status_code == 403
    assert _membership(checker).role == "checker"
    assert b"/newsroom/members/" not in login(editor).get(reverse("sources:list")).content


def test_members_views_hide_outsiders_refuse_methods_and_need_login(client, login, outsider, checker):
    target = _membership(checker).pk
    assert client.get(reverse("newsrooms:members"))["Location"].startswith(reverse("login"))
    # an admin of another newsroom: 404 for this newsroom's member ids, and nothing changes
    other = login(outsider)
    assert other.post(reverse("newsrooms:member_role", args=[target]), {"role": "viewer"}).status_code == 404
    assert other.post(reverse("newsrooms:member_remove", args=[target])).status_code == 404
    assert _membership(checker).role == "checker"
    assert other.get(reverse("newsrooms:member_add")).status_code == 405
    assert other.post(reverse("newsrooms:members")).status_code == 405
    assert other.get(reverse("newsrooms:member_role", args=[target])).status_code == 405


def test_a_new_member_replaces_the_one_time_password(client, login, admin_member):
    # given a member an admin just created
    created = (
        login(admin_member)
        .post(
            reverse("newsrooms:member_add"),
            {"username": "dana", "email": "dana@example.org", "display_name": "Dana", "role": "viewer"},
        )
        .context["created"]
    )
    client.logout()
    client.post(reverse("login"), {"username": "dana", "password": created.password})
    # when they change it from the link on their name
    assert b'href="/account/password/"' in client.get(reverse("claims:queue")).content
    assert client.get(reverse("newsrooms:password")).status_code == 200
    response = client.post(
        reverse("newsrooms:password"),
        {"old_password": created.password, "new_password1": "tidal-basin-7481", "new_password2": "tidal-basin-7481"},
    )
    # then the new one works, the old one does not, and they stay logged in
    assert response.status_code == 302 and client.get(reverse("claims:queue")).status_code == 200
    dana = get_user_model().objects.get(username="dana")
    assert dana.check_password("tidal-basin-7481") and not dana.check_password(created.password)


def test_the_password_form_explains_mistakes(login, checker):
    response = login(checker).post(
        reverse("newsrooms:password"), {"old_password": "wrong", "new_password1": "123", "new_password2": "456"}
    )
    assert response.status_code == 200
    assert {"old_password", "new_password2"} <= set(response.context["form"].errors)
    assert login(checker).put(reverse("newsrooms:password")).status_code == 405


def test_the_member_admin_shows_the_name_with_the_login(login, admin_member, checker):
    # given a member with a name: the admin adds and manages people by login, so both are shown
    give_name(checker, "Maria", "Lopez")
    client = login(admin_member)
    html = client.get(reverse("newsrooms:members")).content.decode()
    assert "<strong>Maria Lopez</strong>" in html and '<div class="muted small">carol</div>' in html
    assert 'aria-label="Remove Maria Lopez (carol)"' in html
    # and the confirmation after a change names both too
    response = client.post(
        reverse("newsrooms:member_role", args=[_membership(checker).pk]), {"role": "editor"}, follow=True
    )
    assert "Maria Lopez (carol) is now editor." in response.content.decode()


def test_a_new_account_is_announced_with_its_login(login, admin_member):
    response = login(admin_member).post(
        reverse("newsrooms:member_add"),
        {"username": "dana", "email": "dana@example.org", "display_name": "Dana Okafor", "role": "checker"},
    )
    assert "Account created for Dana Okafor (dana)" in response.content.decode()
