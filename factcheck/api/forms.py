from urllib.parse import urlsplit

from django import forms

from factcheck.api.models import ApiToken, Webhook
from factcheck.core.fetch import link_refusal
from factcheck.core.forms import WebURLField


class TokenCreateForm(forms.Form):
    EXPIRY_CHOICES = [("", "Never"), ("30", "In 30 days"), ("90", "In 90 days"), ("365", "In a year")]

    name = forms.CharField(max_length=100, help_text="What will use it, e.g. “CMS drafts”.")
    role = forms.ChoiceField(
        choices=ApiToken.Role.choices,
        initial=ApiToken.Role.READ,
        help_text="Read: statements, queue, verdicts. Read and submit: also sends articles.",
    )
    expires_in = forms.TypedChoiceField(
        label="Expires", choices=EXPIRY_CHOICES, coerce=int, empty_value=None, required=False
    )


class WebhookCreateForm(forms.Form):
    url = WebURLField(
        label="URL", max_length=1000, assume_scheme="https", help_text="Receives a signed POST for each event."
    )
    events = forms.MultipleChoiceField(
        choices=Webhook.Event.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Webhook.Event.VERDICT_PUBLISHED],
        error_messages={"required": "Pick at least one event."},
    )

    def clean_url(self):
        url = self.cleaned_data["url"]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise forms.ValidationError("Only http and https URLs can receive webhooks.")
        refusal = link_refusal(url, refused="Webhooks are delivered only to public addresses")
        if refusal:
            raise forms.ValidationError(refusal)
        return url
