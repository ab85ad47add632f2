"""core.db.as_bigint: the newsroom filter of the known fact-checks' trigram search must be an index condition
of their GiST index (newsroom_id, claim_text), not a filter applied after walking the whole index (PostgreSQL
only). Statements have no such index since claims 0012: their candidates come from word keys."""

import pytest

from django.db import connection, transaction

from factcheck.core.db import as_bigint
from factcheck.factchecks import matching
from factcheck.factchecks.models import KnownFactCheck

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the GiST trigram indexes are PostgreSQL's"),
]


def _plan(queryset):
    with transaction.atomic():
        with connection.cursor() as cursor:
            # A tiny test table would be read sequentially, or through a btree index and sorted; what is
            # tested is the nearest-neighbour walk of the GiST index, so leave the planner only that path.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
        return queryset.explain()


def _gist_cond(plan, index):
    """The Index Cond of the scan of `index` ("" when the plan does not scan that index)."""
    lines = plan.splitlines()
    for i, line in enumerate(lines):
        if f"using {index} " in line:
            return next((x for x in lines[i + 1 : i + 4] if "Index Cond" in x), "")
    return ""


def test_known_fact_check_candidates_reach_their_newsroom_through_the_index(newsroom):
    scope = KnownFactCheck.objects.filter(newsroom_id=as_bigint(newsroom.pk))
    plan = _plan(matching.nearest_query(scope, "claim_text", "a claim", matching.KNOWN_CANDIDATES))
    assert "newsroom_id" in _gist_cond(plan, "known_claim_trgm_gist_idx"), plan
