import contextlib
import os

import pytest

from django.db import OperationalError
from django.urls import reverse

from factcheck.celery import app
from factcheck.core import health


@contextlib.contextmanager
def _broker(url):
    previous = app.conf.broker_url
    app.conf.broker_url = url
    try:
        yield
    finally:
        app.conf.broker_url = previous


def test_it_reports_the_database_and_in_process_tasks(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    body = response.json()
    assert body["database"]["ok"] is True
    assert body["broker"] == {"ok": True, "mode": "in-process"}


def test_it_returns_503_when_the_database_is_down(client, db, monkeypatch):
    def refused():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health, "_ping_database", refused)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == {"ok": False, "error": "OperationalError"}


def test_it_reports_a_live_redis_broker(client, db, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    with _broker(os.environ["FACTCHECK_TEST_REDIS_URL"]):
        body = client.get(reverse("healthz")).json()
    assert body["broker"] == {"ok": True, "mode": "broker"}


def test_it_reports_a_dead_broker_without_failing(client, db, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    with _broker("redis://127.0.0.1:1/0"):
        response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["broker"]["ok"] is False


def test_it_only_answers_get(client, db):
    assert client.post(reverse("healthz")).status_code == 405


@pytest.mark.django_db
def test_it_turns_a_lost_database_into_a_503_page(client, editor, monkeypatch):
    from factcheck.claims import views

    def lost(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    client.force_login(editor)
    monkeypatch.setattr(views, "get_membership", lost)
    response = client.get(reverse("claims:queue"))
    assert response.status_code == 503
    assert b"Temporarily unavailable" in response.content


def _dirty_session_request(save):
    from django.contrib.sessions.backends.db import SessionStore
    from django.http import HttpResponse
    from django.test import RequestFactory

    from factcheck.core.middleware import SessionMiddleware

    class Store(SessionStore):
        pass

    Store.save = save
    request = RequestFactory().get("/queue/")
    request.session = Store()
    request.session["seen"] = True  # modified: the middleware will save it
    return SessionMiddleware(lambda r: HttpResponse("ok")), request


def test_it_answers_503_when_the_session_save_is_lost_to_an_outage():
    from django.contrib.sessions.backends.base import UpdateError
    from django.http import HttpResponse

    def save_during_outage(self, must_create=False):
        try:
            raise OperationalError("connection to server at 127.0.0.1 failed")
        except OperationalError:
            raise UpdateError  # as Django's db backend does; the outage stays in __context__

    middleware, request = _dirty_session_request(save_during_outage)
    response = middleware.process_response(request, HttpResponse("ok"))
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert b"Temporarily unavailable" in response.content


def test_it_still_reports_a_session_deleted_by_another_request():
    from django.contrib.sessions.backends.base import UpdateError
    from django.contrib.sessions.exceptions import SessionInterrupted
    from django.http import HttpResponse

    def deleted_meanwhile(self, must_create=False):
        raise UpdateError

    middleware, request = _dirty_session_request(deleted_meanwhile)
    with pytest.raises(SessionInterrupted):
        middleware.process_response(request, HttpResponse("ok"))
