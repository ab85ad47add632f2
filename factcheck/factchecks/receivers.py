"""What the factchecks room does when lower rooms announce events (factcheck.core.signals).

Receivers run after the sender's commit, must be quick and must not raise: each hands the work to a
service that queues a Celery task.
"""

import logging

from factcheck.factchecks import services

logger = logging.getLogger(__name__)


def on_extraction_finished(sender, *, article_id, status, **kwargs):
    if status != "succeeded":
        return
    try:
        services.article_match_request(article_id=article_id)
    except Exception:  # a receiver must not break the sender
        logger.exception("could not request matching for article %s", article_id)


def on_verdict_published(sender, *, verdict_id, **kwargs):
    try:
        services.own_verdict_request(verdict_id=verdict_id)
    except Exception:  # a receiver must not break the sender
        logger.exception("could not record verdict %s as a known fact-check", verdict_id)
