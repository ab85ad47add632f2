from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "factcheck.core"

    def ready(self):
        import factcheck.celery  # noqa: F401 - configures Celery from settings for this process
        from factcheck.core import checks  # noqa: F401 - registers system checks
