"""Word keys for the similar-statements panel (issue 15; PostgreSQL only): a bounded candidate set.

claims_similarkey holds, for every statement, a key for each of its 6 longest distinct words of 4 letters or
more (lower-cased, no digits: a statement repeated with a changed figure keeps its keys), the first 32 bits
of the word's md5 (stable across PostgreSQL versions). The panel reads at most 200 statements per key of
its statement, newest first, from the primary key alone (factcheck.verdicts.views.similar.similar_candidates), so
its cost does not grow with the newsroom, where the GiST walk it replaces opened the newsroom's whole index
for a statement with no close neighbour (about 1 s at a million statements).

Kept by triggers on claims_claim, like the rollup (0007): inserts and deletes by statement-level triggers
over transition tables (bulk inserts, COPY, cascades), a change of text or newsroom by a row trigger,
TRUNCATE empties it; ENABLE ALWAYS so bench_seed's replica-mode COPY is keyed too. Writing a statement costs
about 40-50 us more (10,000 in one INSERT: 1.1-1.2 s instead of 0.74 s). At a million statements the
table and its key take about 0.65 GB (295 + 352 MB) and the backfill about 3 minutes. The migration is not
atomic: the triggers commit first, so statements written during the backfill are keyed by them (the backfill
skips keys that exist); a statement deleted during the backfill can leave keys behind, which the panel
ignores (it reads the statements themselves) and the insert trigger skips. A run stopped part-way can be run
again from the start: functions are replaced, triggers dropped and created again, the backfill skips keys
that exist and runs with no statement timeout.
"""

from django.db import migrations

from factcheck.core.migration_ops import postgresql_only

KEYS = 6
KINDS = ("insert", "delete", "update", "truncate")
KEYS_SQL = "claims_similar_keys({row}.text)"
FORWARD = [
    f"""
    CREATE OR REPLACE FUNCTION claims_similar_keys(body text) RETURNS integer[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
        SELECT array(
            SELECT ('x' || left(hash, 8))::bit(32)::integer
            FROM (SELECT md5(word) AS hash FROM unnest(regexp_split_to_array(lower(body), '[^[:alpha:]]+')) AS word
                  WHERE length(word) >= 4 GROUP BY word ORDER BY length(word) DESC, md5(word) LIMIT {KEYS}) AS longest)
    $$
    """,
    "CREATE TABLE IF NOT EXISTS claims_similarkey (newsroom_id bigint NOT NULL, key integer NOT NULL, "
    "claim_id bigint NOT NULL, PRIMARY KEY (newsroom_id, key, claim_id))",
    f"""
    CREATE OR REPLACE FUNCTION claims_similar_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        -- a key left by a statement deleted during the backfill, or a restore that loads the keys after the
        -- statements, must not refuse the insert
        INSERT INTO claims_similarkey (newsroom_id, key, claim_id)
            SELECT DISTINCT newsroom_id, unnest({KEYS_SQL.format(row="claim_rows")}), id FROM claim_rows
            ON CONFLICT DO NOTHING;
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION claims_similar_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM claims_similarkey WHERE (newsroom_id, key, claim_id) IN (
            SELECT newsroom_id, unnest({KEYS_SQL.format(row="claim_rows")}), id FROM claim_rows);
        RETURN NULL;
    END $$
    """,
    f"""
    CREATE OR REPLACE FUNCTION claims_similar_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        DELETE FROM claims_similarkey WHERE newsroom_id = OLD.newsroom_id AND claim_id = OLD.id
            AND key = ANY({KEYS_SQL.format(row="OLD")});
        INSERT INTO claims_similarkey (newsroom_id, key, claim_id)
            SELECT NEW.newsroom_id, unnest({KEYS_SQL.format(row="NEW")}), NEW.id ON CONFLICT DO NOTHING;
        RETURN NULL;
    END $$
    """,
    """
    CREATE OR REPLACE FUNCTION claims_similar_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE claims_similarkey;
        RETURN NULL;
    END $$
    """,
    # Re-runnable: a migration stopped part-way (not atomic) is run again from the start.
    *(f"DROP TRIGGER IF EXISTS claims_similar_{kind} ON claims_claim" for kind in KINDS),
    "CREATE TRIGGER claims_similar_insert AFTER INSERT ON claims_claim REFERENCING NEW TABLE AS claim_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION claims_similar_insert()",
    "CREATE TRIGGER claims_similar_delete AFTER DELETE ON claims_claim REFERENCING OLD TABLE AS claim_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION claims_similar_delete()",
    "CREATE TRIGGER claims_similar_update AFTER UPDATE OF text, newsroom_id ON claims_claim "
    "FOR EACH ROW WHEN ((OLD.text, OLD.newsroom_id) IS DISTINCT FROM (NEW.text, NEW.newsroom_id)) "
    "EXECUTE FUNCTION claims_similar_update()",
    "CREATE TRIGGER claims_similar_truncate AFTER TRUNCATE ON claims_claim "
    "FOR EACH STATEMENT EXECUTE FUNCTION claims_similar_truncate()",
    *(f"ALTER TABLE claims_claim ENABLE ALWAYS TRIGGER claims_similar_{kind}" for kind in KINDS),
    # The statements written before the triggers (after them: keyed already, skipped), with no time limit
    # a role or database may set (minutes at a million statements).
    "SET statement_timeout = 0",
    "INSERT INTO claims_similarkey (newsroom_id, key, claim_id) "
    f"SELECT newsroom_id, unnest({KEYS_SQL.format(row='claims_claim')}), id FROM claims_claim ON CONFLICT DO NOTHING",
    "ANALYZE claims_similarkey",
    "RESET statement_timeout",
]
BACKWARD = [
    *(f"DROP TRIGGER IF EXISTS claims_similar_{kind} ON claims_claim" for kind in KINDS),
    *(f"DROP FUNCTION IF EXISTS claims_similar_{kind}()" for kind in KINDS),
    "DROP TABLE IF EXISTS claims_similarkey",
    "DROP FUNCTION IF EXISTS claims_similar_keys(text)",
]


class Migration(migrations.Migration):
    atomic = False  # the triggers commit before the backfill, which then holds no lock writers wait on
    dependencies = [("claims", "0010_queue_idx_include_types")]
    operations = [postgresql_only(FORWARD, BACKWARD)]
