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


# --- a real broker and real worker processes -----------------------------------------------------

import signal  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
WORKER_QUEUES = "extraction,reports,default"


def redis_url():
    url = os.environ.get("FACTCHECK_TEST_REDIS_URL")
    if not url:
        pytest.fail("FACTCHECK_TEST_REDIS_URL is not set: run the suite with `make test` (it starts Redis)")
    return url


def _reset_producer_pools(app):
    app._pool = None
    if "amqp" in app.__dict__:
        app.__dict__["amqp"]._producer_pool = None


@pytest.fixture
def celery_broker(settings):
    """Publish tasks to the real Redis test broker (database 15, emptied before and after)."""
    import redis

    from factcheck.celery import app

    url = redis_url()
    client = redis.Redis.from_url(url)
    client.flushdb()
    previous = (app.conf.broker_url, app.conf.task_always_eager)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.broker_url, app.conf.task_always_eager = url, False
    _reset_producer_pools(app)
    yield url
    app.conf.broker_url, app.conf.task_always_eager = previous
    _reset_producer_pools(app)
    client.flushdb()
    client.close()


def _database_url():
    from django.db import connection

    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture
def worker_processes(celery_broker, transactional_db, tmp_path_factory):
    """Start real `celery worker` processes against the test database and Redis; stop them after.

    Usage: `proc = worker_processes.start(concurrency=1)`, `worker_processes.kill(proc)`.
    `app="tests.worker_hold"` starts a worker whose extractor holds mid-article (see that module).
    A worker's output goes to a file (never an unread pipe, whose full buffer would block the worker);
    its tail is shown when the worker fails to start.
    """
    started = []
    logs = tmp_path_factory.mktemp("workers")

    class Workers:
        def start(self, concurrency=1, name=None, extra_env=None, app="factcheck"):
            name = name or f"w{len(started)}"
            env = {
                **os.environ,
                "DATABASE_URL": _database_url(),
                "CELERY_BROKER_URL": celery_broker,
                "DJANGO_SETTINGS_MODULE": "factcheck.settings",
                "LOG_LEVEL": "WARNING",
                **(extra_env or {}),
            }
            env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
            log = logs / f"{name}.log"
            with open(log, "wb") as out:
                proc = subprocess.Popen(
                    [sys.executable, "-m", "celery", "-A", app, "worker", "-Q", WORKER_QUEUES,
                     "-c", str(concurrency), "-n", f"{name}@%h", "--without-gossip", "--without-mingle",
                     "--without-heartbeat", "-l", "WARNING"],
                    cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                )  # fmt: skip
            proc.log = log
            started.append(proc)
            self.wait_ready(proc, name)
            return proc

        def wait_ready(self, proc, name, timeout=60):
            from factcheck.celery import app

            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if proc.poll() is not None:
                    tail = proc.log.read_bytes().decode(errors="replace")[-2000:]
                    raise RuntimeError(f"worker exited with {proc.returncode}: {tail}")
                replies = app.control.ping(destination=[f"{name}@{os.uname().nodename}"], timeout=0.5)
                if replies:
                    return
            raise RuntimeError(f"worker {name} did not answer a ping within {timeout} s")

        def kill(self, proc):
            """SIGKILL the worker and all its pool processes (no chance to ack or clean up)."""
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)

    yield Workers()
    for proc in started:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)


def wait_until(predicate, timeout=60, interval=0.1, message="condition"):
    """Poll with a deadline instead of sleeping a fixed time."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"{message} not reached within {timeout} s")
