import os
import subprocess
import sys

import pytest

from django.core.exceptions import ImproperlyConfigured

from factcheck.env import env_bool, env_database, env_int, env_url

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _load_settings(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "CELERY_BROKER_URL", "DEBUG", "SECRET_KEY")}
    env.update(overrides)
    return subprocess.run(
        [sys.executable, "-c", "import django; from django.conf import settings; django.setup(); print('ok')"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "factcheck.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DEBUG", "maybe"),
        ("DATABASE_URL", "notadb://"),
        ("CELERY_BROKER_URL", "http://127.0.0.1:6379"),
        ("ARTICLE_MAX_CHARS", "lots"),
        ("SECURE_HSTS_SECONDS", "-5"),
        ("REQUEST_MAX_BYTES", "1000"),  # below DATA_UPLOAD_MAX_MEMORY_SIZE
    ],
)
def test_it_fails_loudly_on_a_malformed_variable(variable, value):
    result = _load_settings(**{variable: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert variable in result.stderr


def test_it_requires_a_secret_key_when_debug_is_off():
    result = _load_settings(DEBUG="0", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_it_starts_with_the_embedded_defaults():
    result = _load_settings()
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_it_parses_good_values(monkeypatch):
    monkeypatch.setenv("X_FLAG", "Yes")
    monkeypatch.setenv("X_INT", "42")
    monkeypatch.setenv("X_DB", "postgres://u:p@db.example:5433/name")
    monkeypatch.setenv("X_BROKER", "redis://127.0.0.1:6379/1")
    assert env_bool("X_FLAG") is True
    assert env_int("X_INT", 1) == 42
    assert env_database("X_DB", "sqlite://")["PORT"] == 5433
    assert env_url("X_BROKER", schemes=("redis",)) == "redis://127.0.0.1:6379/1"


def test_it_names_the_variable_in_the_error(monkeypatch):
    monkeypatch.setenv("X_INT", "4.5")
    with pytest.raises(ImproperlyConfigured, match="X_INT"):
        env_int("X_INT", 1)


def test_it_passes_the_deploy_check_with_production_settings():
    env = {k: v for k, v in os.environ.items() if k not in ("CELERY_BROKER_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update(
        DEBUG="0",
        SECRET_KEY="a-long-random-secret-key-for-the-deploy-check-0123456789abcdef",
        ALLOWED_HOSTS="factcheck.example.org",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        DATABASE_URL=os.environ.get("DATABASE_URL", "postgres://u:p@127.0.0.1:5432/x"),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
