"""PostgreSQL-only search indexes over statement text (skipped on the embedded SQLite database)."""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    # Queue full-text search: WHERE to_tsvector('english', text) @@ websearch_to_tsquery('english', ?).
    "CREATE INDEX IF NOT EXISTS claim_text_fts_idx ON claims_claim USING gin (to_tsvector('english', text))",
    # "Similar statements" panel: WHERE newsroom_id = ? AND text % ? (trigram similarity).
    "CREATE INDEX IF NOT EXISTS claim_text_trgm_idx ON claims_claim USING gin (text gin_trgm_ops)",
]
BACKWARD = ["DROP INDEX IF EXISTS claim_text_trgm_idx", "DROP INDEX IF EXISTS claim_text_fts_idx"]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in FORWARD:
        schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for statement in BACKWARD:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
