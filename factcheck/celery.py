"""Celery application: configured from Django settings (namespace CELERY)."""

import os

from celery import Celery
from celery.signals import task_postrun, task_prerun

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
