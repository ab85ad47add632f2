"""Celery application: configured from Django settings (namespace CELERY)."""

import os

from celery import Celery
from celery.signals import celeryd_after_setup, task_postrun, task_prerun

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

app = Celery("factcheck")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
@task_postrun.connect
def _drop_unusable_connections(task=None, **kwargs):
    """What Django does around each request: close a connection that failed or outlived CONN_MAX_AGE.

    Only in a worker: an eager task runs inside the caller's request and transaction.
    """
    if task is None or getattr(task.request, "is_eager", False):
        return
    from django.db import close_old_connections

    close_old_connections()


EXTRACTION_QUEUE = "extraction"


@celeryd_after_setup.connect
def _preload_extractor(sender=None, instance=None, **kwargs):
    """A worker that takes extraction runs loads the extractor (the model, its word vectors, the compiled
    patterns) once, before it forks its pool: the processes start warm and share those pages. Each had paid
    ~0.8 s of CPU on its first article (imports 0.4 s, model 0.4 s: the first run after a deploy or a
    restart waited for it). A worker of other queues only (reports, default) does not load it.
    """
    consumed = instance.app.amqp.queues.consume_from if instance is not None else None
    if consumed and EXTRACTION_QUEUE not in consumed:
        return
    # the tokenizer's thread pool must not be started before the fork (huggingface/tokenizers warns and
    # turns it off in the children); it is not needed for one statement at a time
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # the implementation itself: a test worker's app may wrap factcheck.extraction.extract (tests/worker_hold.py)
    from factcheck.extraction.pipeline import extract

    extract("Warm-up: sales rose 5% to £3m in 2024, up from £2.8m, the company said.")
