"""Statement counts that do not grow with the newsroom: delta rows kept by PostgreSQL triggers.

Every change to `claims_claim` (an insert, an ORM cascade, a `queryset.update()`, COPY, TRUNCATE)
fires a trigger (migration 0007) that *inserts* small signed delta rows here, in the same
transaction: one row per (newsroom, status, assignee) of the statement, and one per 15-minute
bucket of `created_at`. A reader sums the rows of its newsroom. Writers never update a shared
counter row, so concurrent extraction workers of one newsroom do not queue on a row lock; the
rows a newsroom accumulates are folded into one row per key by `claim_tallies_compact`.

The triggers exist on PostgreSQL only; elsewhere (the SQLite demo) the tables stay empty and the
dashboard counts live (`available()` tells which).
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Count, Sum

from factcheck.core.people import display_name_sql
from factcheck.newsrooms.models import Newsroom

BUCKET = timedelta(minutes=15)  # every time zone's offset is a multiple of 15 minutes: buckets add up to local days
LOCK_CLASS = 15_001  # pg_advisory_xact_lock(class, newsroom id): one compaction or rebuild per newsroom at a time


def available():
    """True where the triggers keep the tallies (PostgreSQL)."""
    return connection.vendor == "postgresql"


class ClaimTally(models.Model):
    """A signed count of a newsroom's statements with one status and assignee; the sum over rows is the count."""

    id = models.BigAutoField(primary_key=True)
    # No database constraints: the trigger writes these ids as they are; a deleted newsroom or user leaves
    # rows that sum to zero, which compaction drops.
    newsroom = models.ForeignKey(Newsroom, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    status = models.CharField(max_length=16)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, db_constraint=False, null=True, related_name="+"
    )
    n = models.IntegerField()

    class Meta:
        indexes = [
            # The dashboard's read and compaction: WHERE newsroom_id = ? GROUP BY status, assignee_id.
            models.Index(fields=["newsroom", "status", "assignee"], name="claimtally_newsroom_idx"),
        ]

    def __str__(self):
        return f"{self.newsroom_id} {self.status} {self.assignee_id}: {self.n:+d}"


class ClaimFoundTally(models.Model):
    """A signed count of a newsroom's statements created in one 15-minute bucket (UTC)."""

    id = models.BigAutoField(primary_key=True)
    newsroom = models.ForeignKey(Newsroom, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    bucket = models.DateTimeField()
    n = models.IntegerField()

    class Meta:
        indexes = [
            # Statements found per day: WHERE newsroom_id = ? AND bucket >= ? GROUP BY local date.
            models.Index(fields=["newsroom", "bucket"], name="claimfoundtally_bucket_idx"),
        ]

    def __str__(self):
        return f"{self.newsroom_id} {self.bucket:%Y-%m-%d %H:%M}: {self.n:+d}"


# --- reads -------------------------------------------------------------------------------------


def claim_tally_rows(newsroom_id):
    """[{status, assignee_id, assignee__username, name, n}] with n ≠ 0, and how many rows the read summed
    beyond one per key (what compaction would fold)."""
    rows = list(
        ClaimTally.objects.filter(newsroom_id=newsroom_id)
        .order_by()
        .values("status", "assignee_id", "assignee__username", name=display_name_sql("assignee__"))
        .annotate(n=Sum("n"), rows=Count("pk"))
    )
    return [r for r in rows if r["n"]], sum(r["rows"] - 1 for r in rows)


def found_per_local_day(newsroom_id, since, tzname):
    """{date: n} of statements created since `since` (aware, a bucket boundary), by date in `tzname`,
    and how many rows the read summed beyond one per bucket."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (bucket AT TIME ZONE %s)::date AS day, sum(n), count(*) - count(DISTINCT bucket) "
            "FROM claims_claimfoundtally WHERE newsroom_id = %s AND bucket >= %s GROUP BY day",
            [tzname, newsroom_id, since],
        )
        found = cursor.fetchall()
    return {day: n for day, n, _ in found if n}, sum(extra for _, _, extra in found)


# --- upkeep ------------------------------------------------------------------------------------


def _lock(cursor, newsroom_id):
    """Compactions and rebuilds of one newsroom go one at a time; writers never take this lock."""
    cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_CLASS, newsroom_id])


@transaction.atomic
def claim_tallies_compact(*, newsroom_id, since=None):
    """Fold the newsroom's delta rows into one row per key (zero sums dropped); `since` limits the
    found-per-bucket rows to recent buckets (what the dashboard reads). Returns the rows removed."""
    with connection.cursor() as cursor:
        _lock(cursor, newsroom_id)
        # One statement, one snapshot: rows committed later are neither deleted nor summed.
        cursor.execute(
            "WITH gone AS (DELETE FROM claims_claimtally WHERE newsroom_id = %s RETURNING status, assignee_id, n) "
            "INSERT INTO claims_claimtally (newsroom_id, status, assignee_id, n) "
            "SELECT %s, status, assignee_id, sum(n) FROM gone GROUP BY status, assignee_id HAVING sum(n) <> 0",
            [newsroom_id, newsroom_id],
        )
        kept = cursor.rowcount
        cursor.execute(
            "WITH gone AS (DELETE FROM claims_claimfoundtally WHERE newsroom_id = %s AND bucket >= %s "
            "RETURNING bucket, n) INSERT INTO claims_claimfoundtally (newsroom_id, bucket, n) "
            "SELECT %s, bucket, sum(n) FROM gone GROUP BY bucket HAVING sum(n) <> 0",
            [newsroom_id, since or "-infinity", newsroom_id],
        )
        return kept + cursor.rowcount


@transaction.atomic
def claim_tallies_rebuild(*, newsroom_id):
    """Recount the newsroom's tallies from its statements (exact even while statements change)."""
    with connection.cursor() as cursor:
        _lock(cursor, newsroom_id)
        # The DELETE and the count share one snapshot: a change committed after it keeps its delta rows
        # and is not counted; one committed before it is counted and its delta rows are deleted.
        cursor.execute(
            "WITH gone AS (DELETE FROM claims_claimtally WHERE newsroom_id = %s) "
            "INSERT INTO claims_claimtally (newsroom_id, status, assignee_id, n) "
            "SELECT newsroom_id, status, assignee_id, count(*) FROM claims_claim WHERE newsroom_id = %s "
            "GROUP BY newsroom_id, status, assignee_id",
            [newsroom_id, newsroom_id],
        )
        cursor.execute(
            "WITH gone AS (DELETE FROM claims_claimfoundtally WHERE newsroom_id = %s) "
            "INSERT INTO claims_claimfoundtally (newsroom_id, bucket, n) "
            "SELECT newsroom_id, date_bin('15 minutes', created_at, TIMESTAMPTZ '2000-01-01 00:00+00'), count(*) "
            "FROM claims_claim WHERE newsroom_id = %s GROUP BY 1, 2",
            [newsroom_id, newsroom_id],
        )


def orphans_delete():
    """Remove the rows of newsrooms that no longer exist (they sum to zero; this only saves space)."""
    with connection.cursor() as cursor:
        for table in ("claims_claimtally", "claims_claimfoundtally"):
            cursor.execute(
                f"DELETE FROM {table} t WHERE NOT EXISTS "  # noqa: S608 - table names are constants
                "(SELECT 1 FROM newsrooms_newsroom r WHERE r.id = t.newsroom_id)"
            )
