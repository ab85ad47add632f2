"""Signal receivers: events of other rooms become webhook deliveries (connected in ApiConfig.ready).

They run after the sender's commit and must not raise into it: a failure is logged, never re-raised.
"""

import logging

from django.db import transaction

from factcheck.api import payloads
from factcheck.api.models import Webhook
from factcheck.api.services import webhook_event_record, webhooks_wanting

logger = logging.getLogger(__name__)


def _record(*, newsroom_id, event, event_id, build_data, hooks=None):
    try:
        with transaction.atomic():
            webhook_event_record(newsroom_id=newsroom_id, event=event, event_id=event_id, data=build_data, hooks=hooks)
    except Exception:
        logger.exception("webhook deliveries for %s %s could not be recorded", event, event_id)


def on_extraction_finished(sender, *, runs, **kwargs):
    """One look at each newsroom's webhooks per commit (an import batch finishes many runs at once)."""
    event = Webhook.Event.EXTRACTION_FINISHED
    for newsroom_id in sorted({r.newsroom_id for r in runs}):
        try:
            hooks = webhooks_wanting(newsroom_id=newsroom_id, event=event)
        except Exception:
            logger.exception("webhooks of newsroom %s could not be read for %s", newsroom_id, event)
            continue
        if not hooks:
            continue
        for r in (r for r in runs if r.newsroom_id == newsroom_id):
            _record(
                newsroom_id=newsroom_id,
                event=event,
                hooks=hooks,
                event_id=f"run-{r.run_id}",
                build_data=lambda r=r: payloads.extraction_finished_data(
                    run_id=r.run_id, article_id=r.article_id, status=r.status
                ),
            )


def on_verdict_published(sender, *, verdict_id, claim_id, newsroom_id, **kwargs):
    _record(
        newsroom_id=newsroom_id,
        event=Webhook.Event.VERDICT_PUBLISHED,
        event_id=f"verdict-{verdict_id}",
        build_data=lambda: payloads.verdict_published_data(verdict_id=verdict_id),
    )
