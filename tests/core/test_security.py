import logging

from django.urls import reverse

from tests.conftest import PASSWORD


def test_it_sends_a_strict_content_security_policy(client, editor):
    client.force_login(editor)
    response = client.get(reverse("claims:queue"))
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in policy
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"


def test_it_sends_the_other_security_headers(client, db):
    response = client.get(reverse("login"))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" in response


def test_it_marks_the_session_cookie_http_only(client, editor):
    response = client.post(reverse("login"), {"username": editor.username, "password": PASSWORD})
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def _fail(client, username, address="10.0.0.1"):
    return client.post(reverse("login"), {"username": username, "password": "wrong"}, REMOTE_ADDR=address)


def test_it_locks_out_a_username_and_address_after_repeated_failures(client, editor, caplog, settings):
    caplog.set_level(logging.WARNING, logger="axes")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _fail(client, editor.username).status_code == 200  # the form again, with its error
    locked = _fail(client, editor.username)
    assert locked.status_code == 429
    assert b"Too many failed log-ins" in locked.content
    # even the right password is refused from that address while locked
    right = client.post(reverse("login"), {"username": editor.username, "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")
    assert right.status_code == 429
    # the same user from another address, and another user from this address, still get in
    other_address = client.post(
        reverse("login"), {"username": editor.username, "password": PASSWORD}, REMOTE_ADDR="10.0.0.2"
    )
    assert other_address.status_code == 302
    assert any("locking out" in r.getMessage().lower() for r in caplog.records)


def test_it_refuses_an_oversized_request_body_cleanly(client, editor, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    client.force_login(editor)
    response = client.post(reverse("claims:submit"), {"title": "t", "body": "word " * 5000})
    assert response.status_code == 400
