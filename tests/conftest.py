"""Shared fixtures: the newsroom personas every view test uses (healthchecks' owner/teammate/outsider)."""

import os

import pytest

# Playwright's sync API runs an event loop in the main thread; allow the ORM in live_server tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from django.contrib.auth import get_user_model  # noqa: E402

from factcheck.newsrooms.models import Membership, Newsroom  # noqa: E402
from factcheck.verdicts.models import rating_scale_seed  # noqa: E402

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True, scope="session")
def _static_root():
    """WhiteNoise warns on every request until STATIC_ROOT exists; tests serve from the finders."""
    from django.conf import settings

    os.makedirs(settings.STATIC_ROOT, exist_ok=True)


def _member(newsroom, username, role):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, email=f"{username}@example.org")
    Membership.objects.create(user=user, newsroom=newsroom, role=role)
    return user


@pytest.fixture
def newsroom(db):
    room = Newsroom.objects.create(name="Alpha Desk", slug="alpha", url="https://alpha.example.org/")
    rating_scale_seed(room)
    return room


@pytest.fixture
def other_newsroom(db):
    room = Newsroom.objects.create(name="Beta Desk", slug="beta")
    rating_scale_seed(room)
    return room


@pytest.fixture
def editor(newsroom):
    return _member(newsroom, "alice", Membership.Role.EDITOR)


@pytest.fixture
def colleague(newsroom):
    """A second editor in the same newsroom (the reviewer of alice's verdicts)."""
    return _member(newsroom, "bob", Membership.Role.EDITOR)


@pytest.fixture
def checker(newsroom):
    return _member(newsroom, "carol", Membership.Role.CHECKER)


@pytest.fixture
def viewer(newsroom):
    return _member(newsroom, "victor", Membership.Role.VIEWER)


@pytest.fixture
def admin_member(newsroom):
    return _member(newsroom, "ada", Membership.Role.ADMIN)


@pytest.fixture
def outsider(other_newsroom):
    return _member(other_newsroom, "mallory", Membership.Role.ADMIN)


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


@pytest.fixture
def htmx_headers():
    return {"HX-Request": "true"}
