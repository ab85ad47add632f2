"""Settings → Check-worthiness: a newsroom's admins choose which statements count as check-worthy — the
model's calibrated threshold (the extractor's flag, the default) or a score of their own."""

import os
from functools import lru_cache

import numpy as np

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from factcheck.core.forms import form_errors_add
from factcheck.newsrooms.access import get_member_with
from factcheck.newsrooms.services import newsroom_threshold_set

NO_MODEL_THRESHOLD = 0.5  # what the extractor uses when model.npz is missing (checkworthiness.Model)


@lru_cache(maxsize=1)
def model_threshold() -> tuple[float, bool]:
    """(the model's calibrated news threshold, read from model.npz once; whether a trained model is there)."""
    from factcheck.extraction.checkworthiness import MODEL_PATH

    if not os.path.exists(MODEL_PATH):
        return NO_MODEL_THRESHOLD, False
    with np.load(MODEL_PATH, allow_pickle=False) as z:
        return float(z["news_threshold"]), True


class ThresholdForm(forms.Form):
    FOLLOW, OWN = "model", "own"
    mode = forms.ChoiceField(
        choices=[(FOLLOW, "Follow the model's calibrated threshold"), (OWN, "Use our own threshold")],
        widget=forms.RadioSelect,
        label="Check-worthy means",
    )
    threshold = forms.FloatField(
        required=False,
        min_value=0.0,
        max_value=1.0,
        label="Our threshold",
        help_text="A score from 0 to 1. Higher: fewer statements are marked check-worthy, with fewer false alarms.",
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("mode") == self.OWN and data.get("threshold") is None and "threshold" not in self.errors:
            self.add_error("threshold", "Give a score from 0 to 1, or follow the model.")
        return data

    def value(self):
        return self.cleaned_data["threshold"] if self.cleaned_data["mode"] == self.OWN else None


@require_http_methods(["GET", "POST"])
@login_required
def threshold_settings(request):
    admin = get_member_with(request, "admin")
    newsroom = admin.newsroom
    if request.method == "POST":
        form = ThresholdForm(request.POST)
        if form.is_valid():
            try:
                newsroom_threshold_set(newsroom=newsroom, threshold=form.value())
            except ValidationError as exc:
                form_errors_add(form, exc)
            else:
                messages.success(request, "Saved: the queue and article pages use the new rule from now on.")
                return redirect("claims:threshold")
    else:
        own = newsroom.checkworthy_threshold
        form = ThresholdForm(
            initial={"mode": ThresholdForm.OWN if own is not None else ThresholdForm.FOLLOW, "threshold": own}
        )
    threshold, trained = model_threshold()
    context = {"form": form, "model_threshold": threshold, "model_trained": trained, "newsroom": newsroom}
    return render(request, "claims/threshold.html", context)  # a refused form comes back with its reasons
