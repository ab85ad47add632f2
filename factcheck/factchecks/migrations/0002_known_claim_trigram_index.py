"""Nearest known fact-checks of a statement by trigram distance (PostgreSQL only; skipped on SQLite).

The same shape as claims 0004: a GiST index on (newsroom_id, claim_text) answers
`WHERE newsroom_id = ? ORDER BY claim_text <-> ? LIMIT k` by walking the nearest entries first.
"""

from django.db import migrations

from factcheck.core.migration_ops import postgresql_only

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE EXTENSION IF NOT EXISTS btree_gist",
    # Matching candidates: WHERE newsroom_id = ? ORDER BY claim_text <-> ? LIMIT k.
    "CREATE INDEX IF NOT EXISTS known_claim_trgm_gist_idx "
    "ON factchecks_knownfactcheck USING gist (newsroom_id, claim_text gist_trgm_ops)",
]
BACKWARD = ["DROP INDEX IF EXISTS known_claim_trgm_gist_idx"]


class Migration(migrations.Migration):
    dependencies = [("factchecks", "0001_initial"), ("claims", "0004_similar_statements_gist_index")]
    operations = [postgresql_only(FORWARD, BACKWARD)]
