"""A Celery app for worker tests whose extractor stops in the middle of an article and never finishes.

Start a worker with `-A tests.worker_hold` (see `worker_processes.start(app=...)` in conftest): it is
the project's own app, except that `factcheck.extraction.extract` reports progress for the first part
of the article and then keeps reporting that same progress (a live, heartbeating worker) until the
test kills it. The test therefore waits for an event (RUNNING with progress written) that is certain to
happen and to last, whatever the machine's speed; there is no timing window to hit.
"""

import threading

import factcheck.extraction as extraction
from factcheck.celery import app  # noqa: F401 - `celery -A tests.worker_hold` finds the app here

_real_extract = extraction.extract


def _held_extract(text, *, on_progress=None, **kwargs):
    def progress(done, total):
        if on_progress is not None:
            on_progress(done, total)
        if 0 < done < total:
            _hold(on_progress, done, total)

    return _real_extract(text, on_progress=progress, **kwargs)


def _hold(on_progress, done, total):
    """Keep the run alive and half done: report the same progress a few times a second, forever."""
    stop = threading.Event()  # never set: the test ends this process with SIGKILL
    while not stop.wait(0.1):
        if on_progress is not None:
            on_progress(done, total)


extraction.extract = _held_extract
