"""PostgreSQL-only search indexes over statement text (skipped on the embedded SQLite database)."""

from django.db import migrations

from factcheck.core.migration_ops import postgresql_only

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # Queue full-text search: WHERE to_tsvector('english', text) @@ websearch_to_tsquery('english', ?).
    "CREATE INDEX IF NOT EXISTS claim_text_fts_idx ON claims_claim USING gin (to_tsvector('english', text))",
    # "Similar statements" panel: WHERE newsroom_id = ? AND text % ? (trigram similarity).
    "CREATE INDEX IF NOT EXISTS claim_text_trgm_idx ON claims_claim USING gin (text gin_trgm_ops)",
]
BACKWARD = ["DROP INDEX IF EXISTS claim_text_trgm_idx", "DROP INDEX IF EXISTS claim_text_fts_idx"]


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]
    operations = [postgresql_only(FORWARD, BACKWARD)]
