"""Events other rooms may listen to without the sender importing them (README, "Layout").

Sent after the sender's transaction commits, so a receiver always sees the committed rows. Receivers
must be quick and must not raise: queue a Celery task for anything slow (the webhook deliveries do).
"""

from django.dispatch import Signal

# kwargs: run_id, article_id, newsroom_id, status ("succeeded" | "failed")
extraction_finished = Signal()

# kwargs: verdict_id, claim_id, newsroom_id
verdict_published = Signal()
