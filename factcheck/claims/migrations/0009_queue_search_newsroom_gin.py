"""Queue search with a cost that does not grow with the newsroom's archive (issue 15; PostgreSQL only).

- `search_vector`, a stored generated column (`to_tsvector('english', text)`), so a search can test a row
  without parsing its text again. The queue uses it two ways (claims.queue.queue_order): a term with few
  matches is found through the index below and its matches sorted; a term with more than a page of
  thousands is found by walking the queue's score-ordered index and testing each row's stored vector, which
  stops after a page of matches (at a million statements: 10 ms for "government", 1,682 rows read, against
  34 ms when each row's text had to be parsed and 30-70 ms to fetch and sort its 14,000 matches).
- `claim_search_idx`: GIN over (newsroom_id, search_vector) with btree_gin, so the newsroom is part of
  the index condition instead of a second bitmap of every statement of the newsroom (10 ms of the 14 ms
  count at a million statements). It replaces claim_text_fts_idx (no other query used it).

The column is not a model field: Django never reads or writes it (a generated column cannot be written),
and COPY/bulk writes that name their columns fill it for free. Adding it rewrites claims_claim under an
exclusive lock: about 90 s per million statements here, writes wait meanwhile (README: upgrades).
"""

from django.db import migrations

from factcheck.core.migration_ops import postgresql_only

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS btree_gin",
    "ALTER TABLE claims_claim ADD COLUMN IF NOT EXISTS search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english'::regconfig, text)) STORED",
    "CREATE INDEX IF NOT EXISTS claim_search_idx ON claims_claim USING gin (newsroom_id, search_vector)",
    "DROP INDEX IF EXISTS claim_text_fts_idx",
]
BACKWARD = [
    "CREATE INDEX IF NOT EXISTS claim_text_fts_idx ON claims_claim USING gin (to_tsvector('english', text))",
    "DROP INDEX IF EXISTS claim_search_idx",
    "ALTER TABLE claims_claim DROP COLUMN IF EXISTS search_vector",
]


class Migration(migrations.Migration):
    dependencies = [("claims", "0008_similar_gist_siglen")]
    operations = [postgresql_only(FORWARD, BACKWARD)]
