from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content for `manage.py demo`. Imports every room; nothing imports it."""

    name = "factcheck.demo"
