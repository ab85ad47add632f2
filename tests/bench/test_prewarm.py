"""bench_web.prewarm: both archives are read into the OS page cache before they are compared (PostgreSQL only)."""

import pytest

from django.db import connection

from factcheck.bench.management.commands.bench_web import prewarm

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_prewarm is PostgreSQL's"),
]


def test_it_reads_the_archives_tables_and_indexes(newsroom):
    report = prewarm()
    assert report.startswith("prewarmed "), report
    relations = int(report.split()[1])
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_class WHERE relname IN ('claims_claim', 'claims_claim_pkey')")
        assert cursor.fetchone()[0] == 2
    assert relations > 20  # every table and index of the schema, not one
