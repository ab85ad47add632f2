"""System checks for configuration the settings module cannot validate on its own."""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def check_embedded_defaults(app_configs, **kwargs):
    errors = []
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        errors.append(
            Warning(
                "DATABASE_URL is not set: the embedded SQLite database is for local use only.",
                hint="Set DATABASE_URL=postgres://user:password@host:5432/dbname",
                id="factcheck.W001",
            )
        )
    if settings.CELERY_TASK_ALWAYS_EAGER:
        errors.append(
            Warning(
                "CELERY_BROKER_URL is not set: extraction and exports run inside web requests.",
                hint="Set CELERY_BROKER_URL=redis://host:6379/0 and run a Celery worker and beat.",
                id="factcheck.W002",
            )
        )
    return errors
