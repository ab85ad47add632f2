"""The similar-statements GiST index with a 256-byte trigram signature (issue 15).

With pg_trgm's default signature (12 bytes) a statement's trigrams saturate most bits, so the
nearest-neighbour walk (`ORDER BY text <-> ? LIMIT k`) could not prune and visited a large part of the
newsroom: at a million statements one panel query took 0.77-1.35 s (over the panel's 1 s timeout, so the
panel came up empty). With siglen=256 the same queries took 21-35 ms, and the index is smaller (414 MB
against 529 MB at a million statements). Building it took 42 s there.
"""

from django.db import migrations

from factcheck.core.migration_ops import postgresql_only

FORWARD = [
    "CREATE INDEX IF NOT EXISTS claim_text_trgm_gist256_idx ON claims_claim "
    "USING gist (newsroom_id, text gist_trgm_ops(siglen=256))",
    "DROP INDEX IF EXISTS claim_text_trgm_gist_idx",
]
BACKWARD = [
    "CREATE INDEX IF NOT EXISTS claim_text_trgm_gist_idx ON claims_claim USING gist (newsroom_id, text gist_trgm_ops)",
    "DROP INDEX IF EXISTS claim_text_trgm_gist256_idx",
]


class Migration(migrations.Migration):
    dependencies = [("claims", "0007_rollup_tallies")]
    operations = [postgresql_only(FORWARD, BACKWARD)]
