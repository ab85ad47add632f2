from django import forms

from factcheck.core.forms import WebURLField
from factcheck.verdicts.models import Evidence, RatingScale


def _http_only(url):
    if url and not url.lower().startswith(("http://", "https://")):
        raise forms.ValidationError("Only http and https links are accepted.")
    return url


class EvidenceForm(forms.Form):
    source = forms.CharField(
        label="Source",
        max_length=260,
        required=False,
        help_text="Type to search the registry, or a new name plus its home URL to add it.",
    )
    source_url = WebURLField(label="New source's home URL", max_length=500, required=False, assume_scheme="https")
    url = WebURLField(label="URL of the evidence", max_length=1000, required=False, assume_scheme="https")
    quote = forms.CharField(
        label="Quoted passage", required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    stance = forms.ChoiceField(choices=Evidence.Stance.choices, initial=Evidence.Stance.CONTEXT)
    is_primary = forms.BooleanField(label="Primary source", required=False)
    is_private = forms.BooleanField(label="Private (never published)", required=False)
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=5000)

    def clean_url(self):
        return _http_only(self.cleaned_data["url"])

    def clean_source_url(self):
        return _http_only(self.cleaned_data["source_url"])

    def clean(self):
        data = super().clean()
        if not data.get("source") and not data.get("url") and not self.errors:
            raise forms.ValidationError("Give a source, a URL, or both.")
        return data


class VerdictForm(forms.Form):
    rating = forms.ModelChoiceField(
        queryset=RatingScale.objects.none(), required=False, empty_label="— pick a rating —"
    )
    conclusion = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 6}), max_length=20000)
    # The draft's version the form was loaded at (services.verdict_version); the panel renders it as a hidden
    # input. A post without it reads as loaded with no draft: refused if a draft exists, never an overwrite.
    version = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def __init__(self, *args, newsroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].queryset = RatingScale.objects.for_newsroom(newsroom).filter(active=True)


class ReturnForm(forms.Form):
    comment = forms.CharField(label="What needs to change", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label="Reason for the correction", widget=forms.Textarea(attrs={"rows": 2}), max_length=5000
    )
