"""Small database helpers shared by the rooms."""

from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import BigIntegerField, Value
from django.db.models.functions import Cast


def as_bigint(value):
    """`value` as a bigint expression, for the newsroom filter of a query that must use a GiST index over
    (newsroom_id, text gist_trgm_ops) (the similar-statements panel, known fact-check matching).

    A plain parameter reaches PostgreSQL as a smaller integer type, and btree_gist's int8 operator class
    has no cross-type equality: the planner then walks the index for the whole table and filters the
    newsroom afterwards. At 1M statements that made the panel's p95 2.7 s instead of 0.8 s (bench_web).
    """
    return Cast(Value(value), BigIntegerField())


@contextmanager
def lazy_commit():
    """A transaction whose commit does not wait for PostgreSQL to flush its WAL to disk
    (`SET LOCAL synchronous_commit TO OFF`), for bookkeeping a request makes as a side effect: the queue's
    "last visit" stamp, an API token's "last used". A crash may lose the last few such writes (never
    corrupts anything); the reader does not wait for an fsync it has no use for (about 5 ms a queue page on
    the bench machine: the page's largest single cost). Inside an outer transaction it is a plain savepoint:
    the setting would reach the outer transaction's own writes."""
    own = not connection.in_atomic_block and connection.get_autocommit()  # else the setting reaches others' writes
    with transaction.atomic():
        if own and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        yield
