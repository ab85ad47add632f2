from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "factcheck.api"
    label = "api"

    def ready(self):
        from factcheck.api import receivers
        from factcheck.core.signals import extraction_finished, verdict_published

        extraction_finished.connect(receivers.on_extraction_finished, dispatch_uid="api-webhooks-extraction")
        verdict_published.connect(receivers.on_verdict_published, dispatch_uid="api-webhooks-verdict")
