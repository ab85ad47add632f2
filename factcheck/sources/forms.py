from django import forms

from factcheck.newsrooms.models import Newsroom
from factcheck.sources.models import Source
from factcheck.sources.services import CSV_COLUMNS, MAX_IMPORT_BYTES, home_holder, home_taken


class SourceCSVForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text=f"A header row with at least “name”; columns: {', '.join(CSV_COLUMNS)}. At most "
        f"{MAX_IMPORT_BYTES // (1024 * 1024)} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(f"The file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB.")
        return upload


class SourceImportForm(SourceCSVForm):
    """The Django admin's import (platform operators): the operator picks the newsroom."""

    newsroom = forms.ModelChoiceField(queryset=Newsroom.objects.all())
    field_order = ["newsroom", "file"]


class SourceForm(forms.ModelForm):
    class Meta:
        model = Source
        fields = ["name", "url", "kind", "credibility", "notes", "active"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class SourceAdminForm(forms.ModelForm):
    """The Django admin's source form: a home URL already registered is refused naming its source (the unique
    constraint is on `home`, which no form edits, so Django would not check it before saving)."""

    class Meta:
        model = Source
        fields = ["newsroom", "name", "url", "kind", "credibility", "notes", "active"]

    def clean(self):
        data = super().clean()
        if data.get("newsroom") is not None and data.get("url"):
            home, taken = home_holder(newsroom=data["newsroom"], url=data["url"], source=self.instance)
            if taken is not None:
                self.add_error("url", home_taken(home, taken))
        return data
