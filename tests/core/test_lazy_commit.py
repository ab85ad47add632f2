"""core.db.lazy_commit: bookkeeping writes made while serving a page commit without waiting for the WAL flush,
and the setting never leaks past them (PostgreSQL only: SQLite has no such setting)."""

import pytest

from django.db import connection, transaction

from factcheck.core.db import lazy_commit
from factcheck.newsrooms.models import Membership
from factcheck.newsrooms.services import membership_queue_seen

pytestmark = pytest.mark.django_db(transaction=True)  # no outer test transaction: lazy_commit's own is the real one
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="synchronous_commit is PostgreSQL's")


def _setting():
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


@postgresql_only
def test_its_transaction_does_not_wait_for_the_flush_and_the_next_one_does():
    before = _setting()
    with lazy_commit():
        inside = _setting()
    assert (inside, _setting()) == ("off", before)
    assert before != "off"


@postgresql_only
def test_inside_an_outer_transaction_it_leaves_the_outer_writes_synchronous():
    before = _setting()
    with transaction.atomic(), lazy_commit():
        inside = _setting()
    assert inside == before != "off"


def test_the_queue_visit_stamp_is_written(editor):
    member = Membership.objects.get(user=editor)
    before = member.queue_seen_at
    membership_queue_seen(member=member)
    stored = Membership.objects.get(pk=member.pk)
    assert stored.queue_seen_at is not None and stored.queue_seen_at != before
    assert stored.queue_previous_seen_at == before
