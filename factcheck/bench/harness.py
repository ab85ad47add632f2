"""What the workshop commands share: a small HTTP client that logs in through the real form, latency
summaries, and starting/stopping the processes they measure (Celery workers, gunicorn).

bench_web, bench_pipeline and chaos use these; they are not part of the runtime.
"""

import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from django.core.management.base import CommandError
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


# --- a small HTTP client (http.client; gunicorn's sync workers close each connection) -------------


def request(port, method, path, *, cookies=None, body=None, headers=None, timeout=10):
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        head = {"Host": f"{HOST}:{port}", **(headers or {})}
        if cookies:
            head["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        conn.request(method, path, body=body, headers=head)
        response = conn.getresponse()
        data = response.read()
        set_cookies = response.headers.get_all("Set-Cookie") or []
        return response.status, data, set_cookies
    finally:
        conn.close()


def _merge_cookies(cookies, set_cookies):
    for raw in set_cookies:
        jar = SimpleCookie()
        jar.load(raw)
        for key, morsel in jar.items():
            cookies[key] = morsel.value
    return cookies


def login(port, username, password):
    """Log in through the real login form (CSRF cookie + token); returns the session's cookies."""
    cookies = {}
    status, body, set_cookies = request(port, "GET", reverse("login"))
    _merge_cookies(cookies, set_cookies)
    token = CSRF_INPUT.search(body.decode("utf-8", "replace"))
    if status != 200 or token is None:
        raise CommandError(f"the login page answered {status} without a CSRF token")
    form = urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)})
    status, body, set_cookies = request(
        port, "POST", reverse("login"), cookies=cookies, body=form,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://{HOST}:{port}/login/"},
    )  # fmt: skip
    _merge_cookies(cookies, set_cookies)
    if status != 302 or "sessionid" not in cookies:
        raise CommandError(f"logging in as {username} answered {status}: {body[:300]!r}")
    return cookies


def summarise(times, errors):
    if not times:
        return {"n": 0, "p50": 0.0, "p95": 0.0, "p99": 0.0, "errors": errors}
    if len(times) == 1:
        return {"n": 1, "p50": times[0], "p95": times[0], "p99": times[0], "errors": errors}
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return {"n": len(times), "p50": cuts[49], "p95": cuts[94], "p99": cuts[98], "errors": errors}


# --- processes -------------------------------------------------------------------------------------


def process_stop(proc):
    """SIGTERM the process group, then SIGKILL if it has not exited within 20 s."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


def worker_start(name, *, queues, concurrency, env=None, log=None, extra_args=()):
    """A `celery worker` in its own process group, returned once it answers a ping (60 s at most)."""
    proc = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "celery", "-A", "factcheck", "worker", "-Q", queues, "-c", str(concurrency),
         "-n", f"{name}@%h", "--without-gossip", "--without-mingle", *extra_args, "-l", "WARNING"],
        cwd=ROOT, env=env or {**os.environ, "LOG_LEVEL": "WARNING"},
        stdout=log, stderr=subprocess.STDOUT if log else None, start_new_session=True,
    )  # fmt: skip
    from factcheck.celery import app

    where = f"; see {log.name}" if log else ""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise CommandError(f"worker {name} exited with {proc.returncode}{where}")
        if app.control.ping(destination=[f"{name}@{os.uname().nodename}"], timeout=0.5):
            return proc
    process_stop(proc)
    raise CommandError(f"worker {name} did not answer a ping within 60 s{where}")
