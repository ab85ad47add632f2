from django import forms

from factcheck.newsrooms.models import Newsroom
from factcheck.sources.models import Source


class SourceImportForm(forms.Form):
    newsroom = forms.ModelChoiceField(queryset=Newsroom.objects.all())
    file = forms.FileField(help_text="CSV with a header row: name, url, kind, credibility, notes, active.")


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        fields = ["name", "url", "kind", "credibility", "notes", "active"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}
