from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "factcheck.core"

    def ready(self):
        from factcheck.core import checks  # noqa: F401 - registers system checks
