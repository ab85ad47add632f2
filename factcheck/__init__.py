"""The fact-checking workbench.

Deliberately empty: `factcheck.extraction` must import without Django or Celery. The Celery app
(`factcheck/celery.py`) is loaded by `celery -A factcheck` and, in Django processes, by
`factcheck.core.apps.CoreConfig.ready()`.
"""
