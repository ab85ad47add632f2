"""Published verdicts per rating as delta rows kept by PostgreSQL triggers (migration 0004), the first
publications the median wait reads (0005), and the upkeep of the whole dashboard rollup (these and
the statement tallies of `factcheck.claims.rollup`): compaction and a rebuild from scratch.

As for statements, every change to `verdicts_verdict` that enters or leaves PUBLISHED (publication,
supersession, a cascade, a bulk update) inserts a signed row; readers sum, compaction folds.
"""

from datetime import datetime, time, timedelta

from django.db import connection, models, transaction
from django.db.models import Count, Sum
from django.utils import timezone

from factcheck.claims import rollup as claim_rollup
from factcheck.newsrooms.models import Newsroom
from factcheck.verdicts.models import RatingScale, Verdict

DAYS = 14  # the dashboard's per-day window; compaction on read folds the buckets it reads
COMPACT_AT = 1000  # rows beyond one per key the dashboard may sum before it folds them (1,000 rows sum in <1 ms)


class VerdictTally(models.Model):
    """A signed count of a newsroom's published verdicts with one rating; the sum over rows is the count."""

    id = models.BigAutoField(primary_key=True)
    newsroom = models.ForeignKey(Newsroom, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    rating = models.ForeignKey(
        RatingScale, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    n = models.IntegerField()

    class Meta:
        indexes = [
            # The dashboard's ratings chart and compaction: WHERE newsroom_id = ? GROUP BY rating_id.
            models.Index(fields=["newsroom", "rating"], name="verdicttally_newsroom_idx"),
        ]

    def __str__(self):
        return f"{self.newsroom_id} rating {self.rating_id}: {self.n:+d}"


class FirstPublication(models.Model):
    """A statement's first published verdict (version 1, published or since superseded) and how long the
    statement waited for it since it was found: a copy the triggers keep, read for the median wait."""

    verdict = models.OneToOneField(
        Verdict, primary_key=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    newsroom = models.ForeignKey(Newsroom, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    published_at = models.DateTimeField()
    wait_seconds = models.FloatField()

    class Meta:
        indexes = [
            # The median wait: WHERE newsroom_id = ? ORDER BY published_at DESC LIMIT 1000, index only.
            models.Index(fields=["newsroom", "published_at"], include=["wait_seconds"], name="firstpublication_idx"),
        ]

    def __str__(self):
        return f"verdict {self.verdict_id}: {self.wait_seconds:.0f} s"


def rating_tally_rows(newsroom_id):
    """[{rating__label, rating__colour, rating__value, n}] with n ≠ 0, and the rows summed beyond one per key."""
    rows = list(
        VerdictTally.objects.filter(newsroom_id=newsroom_id)
        .order_by()
        .values("rating_id", "rating__label", "rating__colour", "rating__value")
        .annotate(n=Sum("n"), rows=Count("pk"))
    )
    return [r for r in rows if r["n"]], sum(r["rows"] - 1 for r in rows)


def median_first_wait(newsroom_id, sample):
    """(median seconds from found to first publication, n) over the newsroom's latest `sample` first
    publications: at most `sample` entries of one index, read in order (the scan's twin is
    dashboard.first_publication_waits); the median is taken in the database."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY wait_seconds), count(*) FROM "
            "(SELECT wait_seconds FROM verdicts_firstpublication WHERE newsroom_id = %s "
            "ORDER BY published_at DESC LIMIT %s) latest",
            [newsroom_id, sample],
        )
        median, n = cursor.fetchone()
    return (float(median) if median is not None else None), n


# --- upkeep ------------------------------------------------------------------------------------


def window_start(today=None):
    """The first instant of the dashboard's per-day window, in the current time zone."""
    today = today or timezone.localdate()
    return timezone.make_aware(datetime.combine(today - timedelta(days=DAYS - 1), time.min))


@transaction.atomic
def verdict_tally_compact(*, newsroom_id):
    with connection.cursor() as cursor:
        claim_rollup._lock(cursor, newsroom_id)
        cursor.execute(
            "WITH gone AS (DELETE FROM verdicts_verdicttally WHERE newsroom_id = %s RETURNING rating_id, n) "
            "INSERT INTO verdicts_verdicttally (newsroom_id, rating_id, n) "
            "SELECT %s, rating_id, sum(n) FROM gone GROUP BY rating_id HAVING sum(n) <> 0",
            [newsroom_id, newsroom_id],
        )


@transaction.atomic
def verdict_tally_rebuild(*, newsroom_id):
    with connection.cursor() as cursor:
        claim_rollup._lock(cursor, newsroom_id)
        cursor.execute(
            "WITH gone AS (DELETE FROM verdicts_verdicttally WHERE newsroom_id = %s) "
            "INSERT INTO verdicts_verdicttally (newsroom_id, rating_id, n) "
            "SELECT newsroom_id, rating_id, count(*) FROM verdicts_verdict "
            "WHERE newsroom_id = %s AND status = 'published' GROUP BY newsroom_id, rating_id",
            [newsroom_id, newsroom_id],
        )
        # A copy keyed by verdict, not deltas: writers of verdicts wait for the few milliseconds this takes.
        cursor.execute("LOCK TABLE verdicts_verdict IN SHARE MODE")
        cursor.execute("DELETE FROM verdicts_firstpublication WHERE newsroom_id = %s", [newsroom_id])
        cursor.execute(
            "INSERT INTO verdicts_firstpublication (verdict_id, newsroom_id, published_at, wait_seconds) "
            "SELECT v.id, v.newsroom_id, v.published_at, EXTRACT(EPOCH FROM v.published_at - c.created_at) "
            "FROM verdicts_verdict v JOIN claims_claim c ON c.id = v.claim_id WHERE v.newsroom_id = %s "
            "AND v.version = 1 AND v.status IN ('published', 'superseded') AND v.published_at IS NOT NULL",
            [newsroom_id],
        )


def rollup_compact(*, newsroom_id=None, since=None):
    """Fold the delta rows of one newsroom (or all); the sweep or `manage.py rollup --compact` calls it."""
    ids = [newsroom_id] if newsroom_id is not None else list(Newsroom.objects.values_list("pk", flat=True))
    for pk in ids:
        claim_rollup.claim_tallies_compact(newsroom_id=pk, since=since)
        verdict_tally_compact(newsroom_id=pk)
    if newsroom_id is None:
        _orphans_delete()


def rollup_rebuild(*, newsroom_id=None):
    """Recount every tally from the statements and verdicts (one newsroom per transaction)."""
    ids = [newsroom_id] if newsroom_id is not None else list(Newsroom.objects.values_list("pk", flat=True))
    for pk in ids:
        claim_rollup.claim_tallies_rebuild(newsroom_id=pk)
        verdict_tally_rebuild(newsroom_id=pk)
    if newsroom_id is None:
        _orphans_delete()
    return len(ids)


def _orphans_delete():
    claim_rollup.orphans_delete()
    with connection.cursor() as cursor:
        for table in ("verdicts_verdicttally", "verdicts_firstpublication"):
            cursor.execute(
                f"DELETE FROM {table} t WHERE NOT EXISTS "  # noqa: S608 - table names are constants
                "(SELECT 1 FROM newsrooms_newsroom r WHERE r.id = t.newsroom_id)"
            )
