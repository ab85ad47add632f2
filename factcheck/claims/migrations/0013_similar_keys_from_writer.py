"""The similar-statements word keys (claims 0011) may come from the writer (issue 15's write path).

The extraction write path computes the keys of the statements it COPYs in Python (15 us a statement, against
~50 us for claims_similar_keys() in the statement-level trigger, which with the key rows cost ~98 us of the
~180 us of PostgreSQL CPU a statement written) and COPYs them itself. It sets the transaction-local setting
`factcheck.similar_keys_written` to 'on' around its COPY, and the insert trigger then leaves those rows alone;
every other insert (ORM, bench_seed's COPY, restores) is keyed by the trigger as before. Only the insert
trigger changes; delete, update and truncate stay as 0011 made them.
"""

from django.db import migrations

from factcheck.core.migration_ops import postgresql_only

GUARD = """
        IF current_setting('factcheck.similar_keys_written', true) = 'on' THEN
            RETURN NULL;  -- the writer COPYs these statements' keys itself (factcheck.claims.results)
        END IF;"""


def insert_trigger(guard):
    return f"""
    CREATE OR REPLACE FUNCTION claims_similar_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN{guard}
        -- a key left by a statement deleted during the backfill, or a restore that loads the keys after the
        -- statements, must not refuse the insert
        INSERT INTO claims_similarkey (newsroom_id, key, claim_id)
            SELECT DISTINCT newsroom_id, unnest(claims_similar_keys(claim_rows.text)), id FROM claim_rows
            ON CONFLICT DO NOTHING;
        RETURN NULL;
    END $$
    """  # noqa: S608 - the guard is this module's constant


FORWARD = [insert_trigger(GUARD)]
BACKWARD = [insert_trigger("")]


class Migration(migrations.Migration):
    dependencies = [("claims", "0012_drop_similar_gist")]
    operations = [postgresql_only(FORWARD, BACKWARD)]
