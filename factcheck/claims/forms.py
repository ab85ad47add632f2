from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef, Q

from factcheck.claims.models import Article, Claim
from factcheck.core.fetch import link_refusal
from factcheck.core.forms import QuickCheckboxInput, QuickDateInput, QuickNumberInput, QuickSelect, WebURLField
from factcheck.core.people import name_choices, name_columns
from factcheck.sources.models import Source


class ArticleTextForm(forms.Form):
    """An article's title and pasted text: the submit form's, and the form that gives an article submitted by
    link, whose page could not be read, its text. The text is validated by the service (article_text_validate)."""

    title = forms.CharField(max_length=500, required=False, help_text="Leave blank to use the first line.")
    body = forms.CharField(label="Article text", widget=forms.Textarea(attrs={"rows": 16}), strip=False, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].help_text = f"Up to {settings.ARTICLE_MAX_CHARS:,} characters of plain text."
        # No maxlength: a browser cuts a longer paste silently. The server says how far over it is (and keeps the
        # text in the form); app.js counts the characters as they are typed or pasted.
        self.fields["body"].widget.attrs["data-max-chars"] = settings.ARTICLE_MAX_CHARS
        self.fields["body"].widget.attrs["aria-describedby"] = "id_body-count"


class ArticleSubmitForm(ArticleTextForm):
    """Pasted text (with its link, outlet and date if known), or a link alone: then the page is fetched."""

    EMPTY = "Paste the article's text: it is empty. Or give the article's link and its page is fetched."

    url = WebURLField(
        label="Article link",
        max_length=1000,
        required=False,
        assume_scheme="https",
        help_text="Alone, the page is fetched and its text, title, author, outlet and date are read. "
        "With pasted text, the link is kept as the article's source.",
        widget=forms.URLInput(attrs={"placeholder": "https://", "inputmode": "url"}),
    )
    outlet = forms.ModelChoiceField(queryset=Source.objects.none(), required=False, empty_label="— unknown —")
    published_on = forms.DateField(label="Published", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    field_order = ["url", "title", "body", "outlet", "published_on"]

    def __init__(self, *args, newsroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outlet"].queryset = Source.objects.for_newsroom(newsroom).active()

    def clean_url(self):
        """http(s) to a public host, whether the page is fetched or the link kept beside pasted text: the same
        rule as a submit by link (link_refusal), so localhost and 127.0.0.1 are refused alike."""
        url = self.cleaned_data["url"]
        if url and not url.lower().startswith(("http://", "https://")):
            raise forms.ValidationError("Only http and https links are accepted.")
        refusal = link_refusal(url) if url else None
        if refusal:
            raise forms.ValidationError(refusal)
        return url

    def clean(self):
        data = super().clean()
        if not (data.get("body") or "").strip() and not data.get("url") and "url" not in self.errors:
            self.add_error("body", self.EMPTY)
        return data

    @property
    def by_url(self):
        """A link and no text: submit by URL (call after is_valid())."""
        return bool(self.cleaned_data.get("url")) and not (self.cleaned_data.get("body") or "").strip()


def paste_form_for(article):
    """The paste form of an article submitted by link and still without text (None for any other): its
    title field holds the title the submitter gave, not the link that stands in for one."""
    if not article.awaits_fetch:
        return None
    return ArticleTextForm(initial={"title": "" if article.title == article.url[:500] else article.title})


class AssigneeFilterField(forms.ChoiceField):
    """The queue's Assignee filter: anyone, mine, unassigned, or one person by user id (the dashboard's Workload
    links to each). The people are the select's choices only once the page has read them (with_people); an id
    parses without them, and one of no member of the newsroom finds nothing (the queue is scoped to it)."""

    def valid_value(self, value):
        return str(value).isdigit() or super().valid_value(value)


class QueueFilterForm(forms.Form):
    """The queue's filters; every field is optional and lives in the URL's query string."""

    SORTS = [("score", "Check-worthiness"), ("newest", "Newest first"), ("oldest", "Oldest first")]
    STATUS_CHOICES = [("open", "Open"), ("all", "Any status"), *Claim.Status.choices]
    ASSIGNEE_CHOICES = [("", "Anyone"), ("mine", "Mine"), ("unassigned", "Unassigned")]
    # Per person, like "Mine" (so not in the API, whose tokens are no one): the verdict work waiting on them.
    REVIEW_CHOICES = [("", "Any"), ("returned", "Returned to me"), ("waiting", "Waiting for my review")]

    q = forms.CharField(label="Search", required=False, max_length=200)
    status = forms.ChoiceField(choices=STATUS_CHOICES, required=False, widget=QuickSelect)
    type = forms.ChoiceField(choices=[("", "Any type"), *Claim.Type.choices], required=False, widget=QuickSelect)
    outlet = forms.ModelChoiceField(
        queryset=Source.objects.none(), required=False, empty_label="Any outlet", widget=QuickSelect
    )
    article = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    assignee = AssigneeFilterField(choices=ASSIGNEE_CHOICES, required=False, widget=QuickSelect)
    review = forms.ChoiceField(label="Verdict", choices=REVIEW_CHOICES, required=False, widget=QuickSelect)
    min_score = forms.FloatField(label="Score from", required=False, min_value=0, max_value=1, widget=QuickNumberInput)
    max_score = forms.FloatField(label="to", required=False, min_value=0, max_value=1, widget=QuickNumberInput)
    failed = forms.BooleanField(label="Failed check", required=False, widget=QuickCheckboxInput)
    matched = forms.BooleanField(label="Checked elsewhere", required=False, widget=QuickCheckboxInput)
    since = forms.DateField(label="Found from", required=False, widget=QuickDateInput(attrs={"type": "date"}))
    until = forms.DateField(label="to", required=False, widget=QuickDateInput(attrs={"type": "date"}))
    sort = forms.ChoiceField(choices=SORTS, required=False, widget=QuickSelect)
    after = forms.CharField(required=False, max_length=60, widget=forms.HiddenInput)

    def __init__(self, *args, newsroom, can_review=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_review:  # only editors review; the choice still parses (and finds nothing) from an old link
            self.fields["review"].widget.choices = self.REVIEW_CHOICES[:2]
        # Any source of the newsroom is a valid choice (one with no article filters to nothing).
        self.fields["outlet"].queryset = Source.objects.for_newsroom(newsroom)
        # The options fetched as one plain list when the select renders (a callable: htmx pages that show
        # the rows alone never run it, nor build its query): a ModelChoiceField's own choices iterate its
        # queryset through a server-side cursor on PostgreSQL (DECLARE, FETCH, CLOSE: three round trips).
        chosen = self.data.get("outlet") if self.is_bound else None
        self.fields["outlet"].choices = lambda: [("", "Any outlet"), *_outlet_choices(newsroom, chosen)]
        for name, placeholder in (("min_score", "0"), ("max_score", "1")):
            # any decimal: the score chips show two places ("0.87"), and a value off a step is never sent (htmx
            # checks the form's validity first)
            self.fields[name].widget.attrs.update({"step": "any", "inputmode": "decimal", "placeholder": placeholder})
            self.fields[name].error_messages["max_value"] = "Give a score from 0 to 1 (0.5 is 50%%)."
            self.fields[name].error_messages["min_value"] = "Give a score from 0 to 1 (0.5 is 50%%)."
            self.fields[name].widget.attrs["title"] = "A score from 0 to 1 (0.5 is 50%)"

    def ignored(self):
        """[(label, message)] of the filters whose value could not be used (left out of the query, not an error
        page): "?min_score=50" from a hand-made link, say. The hidden cursor is not a filter a person set."""
        return [
            (self.fields[name].label or name.replace("_", " ").capitalize(), " ".join(errors))
            for name, errors in self.errors.items()
            if name in self.fields and not self.fields[name].widget.is_hidden
        ]

    def with_people(self, people):
        """Offer each of `people` (name_columns() rows of workers_of) in the Assignee filter, after "Unassigned"."""
        self.fields["assignee"].choices = [*self.ASSIGNEE_CHOICES, *((str(pk), n) for pk, n in name_choices(people))]
        return self

    # The filters folded under "Filters" on a phone, counted as one each (a range is one filter); search,
    # sort and the article scope show apart. "open" is the status filter's default.
    FOLDED = (("status",), ("type",), ("outlet",), ("assignee",), ("review",), ("min_score", "max_score"))
    FOLDED += (("since", "until"),)
    FOLDED += (("failed",), ("matched",))

    @property
    def active_count(self):
        """How many of the FOLDED filters are set (valid values only; call after is_valid())."""
        data = getattr(self, "cleaned_data", {})

        def is_set(name):
            value = data.get(name)
            return value not in (None, "", False) and not (name == "status" and value == "open")

        return sum(1 for names in self.FOLDED if any(is_set(name) for name in names))

    def clean(self):
        """A score range typed the wrong way round ("0.9 to 0.1") means the scores between the two."""
        data = super().clean()
        low, high = data.get("min_score"), data.get("max_score")
        if low is not None and high is not None and low > high:
            data["min_score"], data["max_score"] = high, low
        return data


def _outlet_choices(newsroom, chosen):
    """(pk, name) of the newsroom's sources that are some article's outlet (EXISTS, not a join + DISTINCT over
    every article: 170 ms at 1M rows), and the `chosen` one even when none of its articles is left: a kept
    link must show the outlet it filters by, not "Any outlet"."""
    shown = Q(Exists(Article.objects.filter(outlet=OuterRef("pk"))))
    if chosen and str(chosen).isdigit():
        shown |= Q(pk=int(chosen))
    return Source.objects.for_newsroom(newsroom).filter(shown).values_list("pk", "name")


class ClaimStatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=[(s, label) for s, label in Claim.Status.choices if s in ("new", "in_progress", "dismissed")]
    )
    reason = forms.CharField(label="Reason (to dismiss)", required=False, max_length=300)


class _AssigneeField(forms.ModelChoiceField):
    """A person of the newsroom, or BulkForm.NOBODY as itself (unassign); empty is None (nobody chosen)."""

    def to_python(self, value):
        return BulkForm.NOBODY if value == BulkForm.NOBODY else super().to_python(value)


class BulkForm(forms.Form):
    """The queue's bulk bar. Its person select starts on "— choose a person —", which "Assign to" refuses:
    pressing "Apply to selected" without choosing must not unassign anyone. Unassigning is the explicit
    NOBODY choice at the end of the list."""

    ACTIONS = [("assign", "Assign to"), ("status", "Set status"), ("dismiss", "Dismiss")]
    CHOOSE_LABEL = "— choose a person —"
    NOBODY = "nobody"
    NOBODY_LABEL = "Nobody (unassign)"
    CHOOSE_ERROR = "Choose who to assign the selected statements to, or Nobody to unassign them."

    ids = forms.TypedMultipleChoiceField(
        coerce=int, choices=[], error_messages={"required": "Select statements first."}
    )
    action = forms.ChoiceField(choices=ACTIONS)
    assignee = _AssigneeField(
        queryset=None,
        required=False,
        empty_label=CHOOSE_LABEL,
        widget=QuickSelect(attrs={"id": "bulk-assignee", "data-for-action": "assign"}),
    )
    status = forms.ChoiceField(
        choices=[("", "—"), *[(s, label) for s, label in Claim.Status.choices if s in ("new", "in_progress")]],
        required=False,
    )
    reason = forms.CharField(label="Reason", required=False, max_length=300)
    filters = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)

    def __init__(self, *args, newsroom, **kwargs):
        from django.contrib.auth import get_user_model

        super().__init__(*args, **kwargs)
        user_model = get_user_model()
        workers = workers_of(newsroom, user_model)
        self.fields["assignee"].queryset = workers
        self.fields["assignee"].choices = _assignee_choices(workers, user_model)
        # Any id is accepted here; the service scopes them to the newsroom.
        self.fields["ids"].valid_value = lambda value: True

    def clean(self):
        """`assignee` is a person, None for NOBODY (unassign); not chosen is an error for "Assign to"."""
        data = super().clean()
        if "assignee" in data:
            if data["assignee"] is None and data.get("action") == "assign":
                self.add_error("assignee", self.CHOOSE_ERROR)
            elif data["assignee"] == self.NOBODY:
                data["assignee"] = None
        return data


def _assignee_choices(workers, user_model):
    """As the filter's outlets: one plain query when the select renders, not model instances (4.5 ms a queue
    page for a newsroom of 60 through the template loop this replaced); people by name (people.name_choices)."""
    names = workers.values_list(*name_columns())
    return lambda: _with_choose_and_nobody(name_choices(names))


def _with_choose_and_nobody(people):
    """The bulk bar's people between "— choose a person —" (first, selected) and "Nobody (unassign)" (last)."""
    return [("", BulkForm.CHOOSE_LABEL), *people, (BulkForm.NOBODY, BulkForm.NOBODY_LABEL)]


def bulk_bar(newsroom, people=None):
    """What the queue's bulk bar shows when the page loads: the actions, and the assignee select as BulkForm
    renders it, without building the form (about 0.5 ms a page for one select). `people`: the name_columns()
    rows of workers_of(newsroom) if the caller has them already (the queue reads them with its rows)."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    widget = BulkForm.base_fields["assignee"].widget
    if people is None:
        choices = _assignee_choices(workers_of(newsroom, user_model), user_model)
    else:
        choices = _with_choose_and_nobody(name_choices(people))
    select = QuickSelect(attrs=widget.attrs, choices=choices).render("assignee", None)
    return {"actions": BulkForm.ACTIONS, "assignee": select}


def triage_forms(membership, claim, user_model):
    """What the statement page's triage card needs besides the claim: its status form and, for editors,
    the people a statement can be assigned to."""
    return {
        "status_form": ClaimStatusForm(initial={"status": claim.status}),
        "workers": name_choices(workers_of(membership.newsroom, user_model).values_list(*name_columns()))
        if membership.can_edit
        else None,
    }


def workers_of(newsroom, user_model):
    """Users who can be assigned statements in the newsroom (everyone but viewers)."""
    return user_model.objects.filter(
        memberships__newsroom=newsroom, memberships__role__in=["admin", "editor", "checker"]
    ).order_by("username")
