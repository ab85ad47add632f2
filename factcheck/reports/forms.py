from django import forms
from django.contrib.auth import get_user_model

from factcheck.claims.models import Article, Claim
from factcheck.core.people import display_name
from factcheck.reports.models import ReportExport
from factcheck.sources.models import Source
from factcheck.verdicts.models import RatingScale, Verdict


class ReportForm(forms.Form):
    format = forms.ChoiceField(
        choices=ReportExport.Format.choices, initial=ReportExport.Format.CSV, widget=forms.RadioSelect
    )
    published_from = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    published_to = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    statuses = forms.MultipleChoiceField(
        label="Status",
        choices=Verdict.Status.choices,
        initial=[Verdict.Status.PUBLISHED],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Only published verdicts have a public page and a ClaimReview.",
    )
    ratings = forms.ModelMultipleChoiceField(
        label="Rating", queryset=RatingScale.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    outlet = forms.ModelChoiceField(queryset=Source.objects.none(), required=False, empty_label="Any outlet")
    article = forms.ModelChoiceField(queryset=Article.objects.none(), required=False, empty_label="Any article")
    checker = forms.ModelChoiceField(queryset=get_user_model().objects.none(), required=False, empty_label="Anyone")
    claim_type = forms.ChoiceField(choices=[("", "Any type"), *Claim.Type.choices], required=False)
    bom = forms.BooleanField(
        label="Add a byte-order mark (for Excel)",
        required=False,
        help_text="CSV only: Excel then reads UTF-8 correctly.",
    )
    internal = forms.BooleanField(
        label="Internal: include private evidence",
        required=False,
        help_text="Admins only. Not for publication: the file is marked internal.",
    )

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        newsroom = membership.newsroom
        self.fields["ratings"].queryset = RatingScale.objects.for_newsroom(newsroom)
        self.fields["outlet"].queryset = Source.objects.for_newsroom(newsroom).filter(articles__isnull=False).distinct()
        self.fields["article"].queryset = Article.objects.for_newsroom(newsroom).only("pk", "title")
        self.fields["checker"].queryset = (
            get_user_model().objects.filter(memberships__newsroom=newsroom).order_by("username")
        )
        self.fields["checker"].label_from_instance = display_name
        if not membership.is_admin:
            del self.fields["internal"]

    def clean(self):
        data = super().clean()
        start, end = data.get("published_from"), data.get("published_to")
        if start and end and start > end:
            self.add_error("published_to", "The end date is before the start date.")
        return data

    def filters(self):
        """The filters as JSON (primary keys, ISO dates), stored on the export row."""
        d = self.cleaned_data
        out = {}
        if d.get("published_from"):
            out["published_from"] = d["published_from"].isoformat()
        if d.get("published_to"):
            out["published_to"] = d["published_to"].isoformat()
        if d.get("statuses"):
            out["statuses"] = list(d["statuses"])
        if d.get("ratings"):
            out["ratings"] = sorted(r.pk for r in d["ratings"])
        for key in ("outlet", "article", "checker"):
            if d.get(key):
                out[key] = d[key].pk
        if d.get("claim_type"):
            out["claim_type"] = d["claim_type"]
        return out
