"""Events other rooms may listen to without the sender importing them (README, "Layout").

Sent after the sender's transaction commits, so a receiver always sees the committed rows. Receivers
must be quick and must not raise: queue a Celery task for anything slow (the webhook deliveries do).
"""

from typing import NamedTuple

from django.dispatch import Signal


class FinishedRun(NamedTuple):
    run_id: int
    article_id: int
    newsroom_id: int
    status: str  # "succeeded" | "failed"


# kwargs: runs, a list of FinishedRun: every run one commit finished (one for a single run, up to a
# batch's size for an import), so receivers do their per-event work once per commit, not once per run.
extraction_finished = Signal()

# kwargs: verdict_id, claim_id, newsroom_id
verdict_published = Signal()
