from django import forms

from factcheck.core.forms import WebURLField
from factcheck.factchecks.services import MAX_IMPORT_BYTES
from factcheck.sources.models import web_url_validator

MB = MAX_IMPORT_BYTES // (1024 * 1024)


class KnownImportForm(forms.Form):
    file = forms.FileField(
        label="ClaimReview file",
        required=False,
        help_text=f"JSON-LD: one ClaimReview, a list, an @graph or a DataFeed / ItemList of them. At most {MB} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.jsonld,application/json,application/ld+json"}),
    )
    url = WebURLField(
        label="or a feed URL",
        required=False,
        max_length=1000,
        assume_scheme="https",
        validators=[web_url_validator],
        help_text="Fetched once, now, by the server (public addresses only, http or https).",
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(f"The file is larger than {MB} MB.")
        return upload

    def clean(self):
        data = super().clean()
        if not self.errors and bool(data.get("file")) == bool(data.get("url")):
            raise forms.ValidationError("Choose a file or give a feed URL (one of the two).")
        return data
