"""A Celery app for batch worker tests: the project's own app, except that the extractor

- stops on an article containing HOLD_MARKER, says so (Redis key HELD) and waits until the test pushes
  to RELEASE, so "a batch half way through its articles" is a state that lasts until the test acts;
- fails on an article containing FAIL_MARKER (a ValueError), as the extractor failing on one text.

Start a worker with `worker_processes.start(app="tests.claims.worker_batch_hold")`. The test waits for
the HELD event and releases with a push: no timing window to hit.
"""

import os

import redis

import factcheck.extraction as extraction
from factcheck.celery import app  # noqa: F401 - `celery -A tests.claims.worker_batch_hold` finds the app here

HOLD_MARKER = "Hold here, said the test."
FAIL_MARKER = "Fail here, said the test."
HELD = "fc-test:batch-held"
RELEASE = "fc-test:batch-release"

_real_extract = extraction.extract


def _extract(text, *, on_progress=None, **kwargs):
    if FAIL_MARKER in text:
        raise ValueError("the test's extractor refuses this text")
    if HOLD_MARKER in text:
        client = redis.Redis.from_url(os.environ["CELERY_BROKER_URL"])
        client.set(HELD, "1")
        while client.blpop([RELEASE], timeout=1) is None:  # wait for the test's push, however long
            pass
    return _real_extract(text, on_progress=on_progress, **kwargs)


extraction.extract = _extract
