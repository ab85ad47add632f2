"""The rating scale screen: a newsroom's admins edit its ratings (label, value, colour, description).

One URL: GET shows the scale, one form per rating plus an "add" form; POST carries `action`
(save, add or delete) and, except for add, the rating's id. A successful POST redirects back;
a refused one re-renders the page with the errors beside the form that caused them (200).
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from factcheck.core.forms import form_errors_add
from factcheck.newsrooms.access import get_membership, require_admin
from factcheck.verdicts.models import RatingScale
from factcheck.verdicts.scale_services import HEX_COLOUR, RatingInUse, rating_delete, rating_save


class RatingForm(forms.Form):
    label = forms.CharField(max_length=60, widget=forms.TextInput(attrs={"placeholder": "e.g. Misleading"}))
    value = forms.IntegerField(
        min_value=1,
        max_value=1000,
        help_text="Higher is truer; the scale is ordered by it (ClaimReview).",
        widget=forms.NumberInput(attrs={"placeholder": "e.g. 3"}),
    )
    colour = forms.CharField(
        max_length=7,
        widget=forms.TextInput(attrs={"type": "color"}),
        validators=[RegexValidator(HEX_COLOUR, "Enter a colour as #rrggbb, e.g. #1a7f37.")],
    )
    description = forms.CharField(
        required=False, max_length=500, widget=forms.TextInput(attrs={"placeholder": "What the rating means"})
    )
    on_scale = forms.BooleanField(
        label="On the scale",
        required=False,
        initial=True,
        help_text="A degree of truth: ClaimReview publishes its value. Untick for a rating such as Unverifiable, "
        "published by name only.",
    )
    active = forms.BooleanField(required=False, initial=True, help_text="Retired ratings are not offered.")


def _initial(rating):
    return {f: getattr(rating, f) for f in ("label", "value", "colour", "description", "on_scale", "active")}


def _row_form(rating, data=None):
    return RatingForm(data, initial=_initial(rating), auto_id=f"rating-{rating.pk}-%s")


def _render_scale(request, membership, *, bound=None, add_form=None):
    """The page; `bound` is the (pk, form) that failed, shown with its errors in place of the saved values."""
    ratings = (
        RatingScale.objects.for_newsroom(membership.newsroom).annotate(n_verdicts=Count("verdicts")).order_by("-value")
    )
    rows = []
    for rating in ratings:
        form = bound[1] if bound and bound[0] == rating.pk else _row_form(rating)
        rows.append((rating, form))
    context = {
        "rows": rows,
        "add_form": add_form
        or RatingForm(auto_id="rating-new-%s", initial={"colour": "#6e7781", "on_scale": True, "active": True}),
    }
    return render(request, "verdicts/rating_scale.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def rating_scale(request):
    membership = get_membership(request)
    require_admin(membership)
    if request.method == "GET":
        return _render_scale(request, membership)
    action = request.POST.get("action")
    newsroom = membership.newsroom
    if action == "add":
        form = RatingForm(request.POST, auto_id="rating-new-%s")
        if form.is_valid():
            try:
                rating = rating_save(newsroom=newsroom, **form.cleaned_data)
            except ValidationError as exc:
                form_errors_add(form, exc)
            else:
                messages.success(request, f"Added “{rating.label}” to the scale.")
                return redirect("verdicts:rating_scale")
        return _render_scale(request, membership, add_form=form)
    if action not in ("save", "delete"):
        messages.error(request, "Choose a rating to save, add or delete.")
        return redirect("verdicts:rating_scale")
    pk = request.POST.get("rating", "")
    rating = get_object_or_404(RatingScale.objects.for_newsroom(newsroom), pk=int(pk) if pk.isdigit() else 0)
    if action == "delete":
        try:
            rating_delete(newsroom=newsroom, rating=rating)
        except (RatingInUse, ValidationError) as exc:
            messages.error(request, " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, f"Deleted “{rating.label}”.")
        return redirect("verdicts:rating_scale")
    form = _row_form(rating, request.POST)
    if form.is_valid():
        try:
            rating = rating_save(newsroom=newsroom, rating=rating, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_add(form, exc)
        else:
            messages.success(request, f"Saved “{rating.label}”.")
            return redirect("verdicts:rating_scale")
    return _render_scale(request, membership, bound=(rating.pk, form))
