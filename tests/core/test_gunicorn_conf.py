"""factcheck/gunicorn_conf.py: X-Forwarded-Proto is believed only behind a TLS proxy, as in Django."""

import http.client
import importlib
import os
import socket
import subprocess
import sys
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _conf(monkeypatch, **env):
    for name in ("BEHIND_TLS_PROXY", "FORWARDED_ALLOW_IPS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    import factcheck.gunicorn_conf

    return importlib.reload(factcheck.gunicorn_conf)


def test_it_trusts_no_address_by_default(monkeypatch):
    conf = _conf(monkeypatch, FORWARDED_ALLOW_IPS="127.0.0.1")  # gunicorn's own variable is ignored
    assert conf.forwarded_allow_ips == ""
    assert conf.secure_scheme_headers == {}


def test_it_trusts_loopback_behind_a_tls_proxy(monkeypatch):
    conf = _conf(monkeypatch, BEHIND_TLS_PROXY="1")
    assert conf.forwarded_allow_ips == "127.0.0.1,::1"
    assert conf.secure_scheme_headers == {"X-FORWARDED-PROTO": "https"}


def test_it_trusts_the_configured_proxies(monkeypatch):
    conf = _conf(monkeypatch, BEHIND_TLS_PROXY="yes", FORWARDED_ALLOW_IPS="10.0.0.5, 10.1.0.0/16")
    assert conf.forwarded_allow_ips == "10.0.0.5,10.1.0.0/16"


def test_it_fails_loudly_on_a_malformed_flag(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="BEHIND_TLS_PROXY"):
        _conf(monkeypatch, BEHIND_TLS_PROXY="maybe")


def test_it_trusts_the_same_header_as_django():
    code = (
        "import django; from django.conf import settings; django.setup();"
        "from factcheck import gunicorn_conf as g;"
        "name, value = settings.SECURE_PROXY_SSL_HEADER;"
        "header = name.removeprefix('HTTP_').replace('_', '-');"
        "assert {header: value} == g.secure_scheme_headers, g.secure_scheme_headers;"
        "print('ok')"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(BEHIND_TLS_PROXY="1", DJANGO_SETTINGS_MODULE="factcheck.settings")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "ok", result.stderr


# --- a real gunicorn on a loopback port ------------------------------------------------------------


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve_and_get(app, env, path="/"):
    """Start gunicorn with our config, GET `path` with X-Forwarded-Proto: https, return (status, headers, body)."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:factcheck.gunicorn_conf", app,
         "-w", "1", "-b", f"127.0.0.1:{port}"],
        cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                conn.request("GET", path, headers={"X-Forwarded-Proto": "https", "Host": "127.0.0.1"})
                response = conn.getresponse()
                return response.status, dict(response.getheaders()), response.read()
            except ConnectionRefusedError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stderr.read().decode()) from None
                time.sleep(0.1)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        proc.stderr.close()


@pytest.mark.parametrize(("behind_proxy", "scheme"), [("0", b"http"), ("1", b"https")])
def test_it_decides_the_scheme_in_a_real_gunicorn(behind_proxy, scheme):
    status, _, body = _serve_and_get("tests.core.wsgi_scheme:app", {"BEHIND_TLS_PROXY": behind_proxy})
    assert (status, body) == (200, scheme)


def test_it_keeps_django_from_believing_a_local_client(tmp_path):
    # DEBUG off: SECURE_SSL_REDIRECT sends anything not secure to https. A forged header from
    # loopback must not make the request look secure, so the answer is the redirect.
    env = {
        "BEHIND_TLS_PROXY": "0", "DEBUG": "0", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }  # fmt: skip
    status, headers, _ = _serve_and_get("factcheck.wsgi", env, path="/login/")
    assert status == 301 and headers["Location"] == "https://127.0.0.1/login/"
