from django.apps import AppConfig


class FactchecksConfig(AppConfig):
    name = "factcheck.factchecks"
    label = "factchecks"
    verbose_name = "Known fact-checks"
