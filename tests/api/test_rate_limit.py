"""Rate limits per token, counted in Redis (the cache every web process shares)."""

import pytest
import redis

from django.core.cache import caches

from factcheck.api.services import RateLimited, rate_limit_hit
from tests.conftest import redis_url


@pytest.fixture
def redis_cache(settings):
    """The default cache on the real Redis test database, emptied before and after."""
    url = redis_url()
    client = redis.Redis.from_url(url)
    client.flushdb()
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}}
    yield client
    caches["default"].close()
    client.flushdb()
    client.close()


def test_it_answers_429_with_retry_after_past_the_limit(api, read_token, submit_token, redis_cache, settings):
    # given
    settings.API_RATE_LIMIT = "3/minute"
    # when
    answers = [api("get", "/api/queue", token=read_token) for _ in range(4)]
    # then
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a["X-RateLimit-Remaining"] for a in answers[:3]] == ["2", "1", "0"]
    refused = answers[3]
    assert refused.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused.json()["error"]["details"]["retry_after"] == int(refused["Retry-After"])
    # the count lives in Redis, where every process sees it
    keys = redis_cache.keys("*api:rate:*")
    assert len(keys) == 1 and int(redis_cache.get(keys[0])) == 4
    # another token has its own count
    assert api("get", "/api/queue", token=submit_token).status_code == 200


def test_it_counts_a_fresh_window_from_zero(redis_cache, settings):
    settings.API_RATE_LIMIT = "2/second"
    assert rate_limit_hit(token_id=7, now=100.2)[0] == 1
    assert rate_limit_hit(token_id=7, now=100.5)[0] == 2
    with pytest.raises(RateLimited) as refused:
        rate_limit_hit(token_id=7, now=100.9)
    assert refused.value.retry_after == 1
    assert rate_limit_hit(token_id=7, now=101.0)[0] == 1  # the next second


def test_it_counts_in_process_memory_without_redis(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}}
    settings.API_RATE_LIMIT = "1/hour"
    rate_limit_hit(token_id=8, now=0)
    with pytest.raises(RateLimited) as refused:
        rate_limit_hit(token_id=8, now=1800)
    assert refused.value.retry_after == 1800
