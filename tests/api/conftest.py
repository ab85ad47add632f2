"""Tokens for the API personas: read and submit tokens of newsroom A, a submit token of newsroom B."""

import pytest

from django.utils import timezone

from factcheck.api.models import ApiToken
from factcheck.api.services import token_create


@pytest.fixture
def make_token(newsroom, admin_member):
    def _make(role=ApiToken.Role.READ, room=None, user=None, **extra):
        created = token_create(
            newsroom=room or newsroom, user=user or admin_member, name=f"{role} token", role=role, **extra
        )
        return created.secret

    return _make


@pytest.fixture
def read_token(make_token):
    return make_token(ApiToken.Role.READ)


@pytest.fixture
def submit_token(make_token):
    return make_token(ApiToken.Role.SUBMIT)


@pytest.fixture
def outsider_token(make_token, other_newsroom, outsider):
    return make_token(ApiToken.Role.SUBMIT, room=other_newsroom, user=outsider)


@pytest.fixture
def api(client):
    """api(method, path, token, json=None, **headers) → response, with the bearer header set."""

    def _call(method, path, token=None, json=None, **extra):
        headers = dict(extra.pop("headers", {}))
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        kwargs = {"headers": headers, **extra}
        if json is not None:
            kwargs.update(data=json, content_type="application/json")
        return getattr(client, method)(path, **kwargs)

    return _call


def expired(days=1):
    return timezone.now() - timezone.timedelta(days=days)
