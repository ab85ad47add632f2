from django.apps import AppConfig


class FactchecksConfig(AppConfig):
    name = "factcheck.factchecks"
    label = "factchecks"
    verbose_name = "Known fact-checks"

    def ready(self):
        from factcheck.core.signals import extraction_finished, verdict_published
        from factcheck.factchecks import receivers

        extraction_finished.connect(receivers.on_extraction_finished, dispatch_uid="factchecks-extraction-finished")
        verdict_published.connect(receivers.on_verdict_published, dispatch_uid="factchecks-verdict-published")
