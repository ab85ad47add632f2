"""Drop the trigram GiST index over (newsroom_id, text) (claims 0004, 0008): issue 15's write path.

Nothing walks it any more: the similar-statements panel and matching a known fact-check to statements both
take their candidates from the word keys of claims 0011 (factcheck.claims.similar), or for a text of short
words from the newsroom's newest statements. Keeping it up cost about 85 us of every statement's insert
(5,000 statements written again: ~205 us each with it, ~120 us without) and 414 MB at a million statements.
Dropped CONCURRENTLY (no lock writers wait on), so not atomic; the reverse builds it again (about 42 s at a
million statements).
"""

from django.db import migrations

from factcheck.core.migration_ops import postgresql_only

FORWARD = ["DROP INDEX CONCURRENTLY IF EXISTS claim_text_trgm_gist256_idx"]
BACKWARD = [
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS claim_text_trgm_gist256_idx ON claims_claim "
    "USING gist (newsroom_id, text gist_trgm_ops(siglen=256))"
]


class Migration(migrations.Migration):
    atomic = False
    dependencies = [("claims", "0011_similar_keys")]
    operations = [postgresql_only(FORWARD, BACKWARD)]
