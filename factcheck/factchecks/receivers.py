"""What the factchecks room does when lower rooms announce events (factcheck.core.signals).

Receivers run after the sender's commit, must be quick and must not raise: each hands the work to a
service that queues a Celery task.
"""

import logging

from factcheck.factchecks import services

logger = logging.getLogger(__name__)


def on_extraction_finished(sender, *, runs, **kwargs):
    article_ids = sorted({r.article_id for r in runs if r.status == "succeeded"})
    if not article_ids:
        return
    try:
        services.articles_match_request(article_ids=article_ids)
    except Exception:  # a receiver must not break the sender
        logger.exception("could not request matching for articles %s", article_ids)


def on_verdict_published(sender, *, verdict_id, **kwargs):
    try:
        services.own_verdict_request(verdict_id=verdict_id)
    except Exception:  # a receiver must not break the sender
        logger.exception("could not record verdict %s as a known fact-check", verdict_id)
