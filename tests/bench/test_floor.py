"""bench_web's floor: a signed-in page through the same middleware and base template, with an empty body."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


@pytest.fixture
def workshop(settings):
    settings.INSTALLED_APPS = [*settings.INSTALLED_APPS, "factcheck.bench"]
    settings.ROOT_URLCONF = "tests.bench.urls"


def test_it_renders_the_base_template_with_an_empty_body(workshop, login, editor):
    client = login(editor)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("bench:floor"))
    assert response.status_code == 200
    assert [t.name for t in response.templates] == ["bench/floor.html", "base.html", "core/partials/flash.html"]
    html = response.content.decode()
    assert 'aria-label="Main"' in html and "alice" in html  # the signed-in header of every screen
    assert '<main id="main"></main>' in html
    assert len(queries) == 3  # session, user, membership: what every signed-in screen pays


def test_it_sends_anonymous_visitors_to_the_login_page(workshop, client):
    response = client.get(reverse("bench:floor"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_it_refuses_a_post(workshop, login, editor):
    assert login(editor).post(reverse("bench:floor")).status_code == 405
