"""Migration operations the apps share."""

from django.db import migrations


def _run_on_postgresql(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return  # SQLite (make run's default) has no pg_trgm, GiST or statement triggers: the app falls back
        for statement in statements:
            schema_editor.execute(statement)

    return apply


def postgresql_only(forward, backward):
    """RunPython that executes the SQL statements `forward` (and `backward` to reverse) on PostgreSQL only."""
    return migrations.RunPython(_run_on_postgresql(forward), _run_on_postgresql(backward))
