"""How people are named: display_name in the desk, the login beside the name where it is the point."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.template import Context, Template

from factcheck.core.people import display_name, display_name_sql, name_and_login, name_choices
from factcheck.demo.content import USERS


def _user(username, first="", last=""):
    return User(username=username, first_name=first, last_name=last)


def test_it_names_a_colleague_by_their_full_name():
    assert display_name(_user("mlopez", "Maria", "Lopez")) == "Maria Lopez"
    assert display_name(_user("mlopez", "Maria")) == "Maria"


@pytest.mark.parametrize("first, last", [("", ""), ("  ", ""), ("", " ")])
def test_it_falls_back_to_the_login_when_the_name_is_blank(first, last):
    assert display_name(_user("checker", first, last)) == "checker"


def test_it_names_nobody_as_nothing():
    assert display_name(None) == "" and name_and_login(None) == ""


def test_it_puts_the_login_beside_the_name_where_the_login_matters():
    assert name_and_login(_user("mlopez", "Maria", "Lopez")) == "Maria Lopez (mlopez)"
    assert name_and_login(_user("checker")) == "checker"


def test_the_template_filters_name_people_as_the_functions_do():
    html = Template("{% load people %}{{ a|display_name }}|{{ b|display_name }}|{{ a|name_and_login }}").render(
        Context({"a": _user("mlopez", "Maria", "Lopez"), "b": _user("checker")})
    )
    assert html == "Maria Lopez|checker|Maria Lopez (mlopez)"


def test_it_tells_apart_two_colleagues_who_share_a_name_in_a_select():
    rows = [(1, "Maria", "Lopez", "mlopez"), (2, "Zoe", "Adams", "zadams"), (3, "maria", "lopez", "mlopez2")]
    rows.append((4, "", "", "bot"))
    assert name_choices(rows) == [
        (4, "bot"),
        (1, "Maria Lopez (mlopez)"),
        (3, "maria lopez (mlopez2)"),
        (2, "Zoe Adams"),
    ]


def test_it_leaves_a_unique_name_alone_in_a_select():
    assert name_choices([(1, "Maria", "Lopez", "mlopez"), (2, "Mario", "Lopez", "mario")]) == [
        (1, "Maria Lopez"),
        (2, "Mario Lopez"),
    ]


@pytest.mark.django_db
def test_the_database_names_people_as_display_name_does():
    users = [
        get_user_model().objects.create(username="mlopez", first_name="Maria", last_name="Lopez"),
        get_user_model().objects.create(username="onlyfirst", first_name="Ana"),
        get_user_model().objects.create(username="onlylast", last_name="Berg"),
        get_user_model().objects.create(username="nameless"),
        get_user_model().objects.create(username="blank", first_name=" ", last_name=" "),
    ]
    named = dict(get_user_model().objects.annotate(shown=display_name_sql()).values_list("username", "shown"))
    assert named == {user.username: display_name(user) for user in users}


def test_every_demo_login_has_a_full_name():
    for username, _role, _password, _superuser, (first, last) in USERS:
        assert first.strip() and last.strip(), username
