from django import forms
from django.conf import settings

from factcheck.sources.models import Source


class ArticleSubmitForm(forms.Form):
    title = forms.CharField(max_length=500, required=False, help_text="Leave blank to use the first line.")
    body = forms.CharField(
        label="Article text",
        widget=forms.Textarea(attrs={"rows": 16}),
        strip=False,
        error_messages={"required": "Paste the article's text: it is empty."},
    )
    url = forms.URLField(label="URL", max_length=1000, required=False, assume_scheme="https")
    outlet = forms.ModelChoiceField(queryset=Source.objects.none(), required=False)
    published_on = forms.DateField(label="Published", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, newsroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outlet"].queryset = Source.objects.for_newsroom(newsroom).active()
        self.fields["body"].help_text = f"Up to {settings.ARTICLE_MAX_CHARS:,} characters of plain text."
        self.fields["body"].widget.attrs["maxlength"] = settings.ARTICLE_MAX_CHARS

    def clean_url(self):
        url = self.cleaned_data["url"]
        if url and not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError("Only http and https links are accepted.")
        return url
