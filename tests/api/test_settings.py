"""The API's settings: malformed values stop the process; the cache follows the configured Redis."""

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHOW = "import django; from django.conf import settings; django.setup(); print(settings.CACHES['default']['BACKEND'])"


def _settings(**overrides):
    drop = ("DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL", "DEBUG", "SECRET_KEY", "API_RATE_LIMIT")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=ROOT,
        env={**env, **overrides, "DJANGO_SETTINGS_MODULE": "factcheck.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("API_RATE_LIMIT", "lots"),
        ("API_RATE_LIMIT", "0/minute"),
        ("API_RATE_LIMIT", "10/fortnight"),
        ("API_MAX_BODY_BYTES", "99999999"),  # above DATA_UPLOAD_MAX_MEMORY_SIZE
        ("CACHE_URL", "memcached://x"),
        ("SITE_URL", "ftp://x"),
    ],
)
def test_it_fails_loudly_on_a_malformed_variable(variable, value):
    result = _settings(**{variable: value})
    assert result.returncode != 0
    assert variable in result.stderr


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({}, "locmem.LocMemCache"),  # make run: counts per process
        ({"CELERY_BROKER_URL": "redis://127.0.0.1:6379/0"}, "redis.RedisCache"),
        ({"CACHE_URL": "redis://127.0.0.1:6379/2"}, "redis.RedisCache"),
    ],
)
def test_it_counts_in_redis_when_redis_is_configured(env, backend):
    result = _settings(**env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(backend)
