"""Every model change has its migration: a field, an index or a Meta option changed without one would be
silently missing from a fresh database (or fail a deploy's migrate)."""

import io

import pytest

from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exc:  # --check exits with 1 when a migration would be written
        pytest.fail(f"makemigrations would write a migration (exit {exc.code}):\n{out.getvalue()}")
