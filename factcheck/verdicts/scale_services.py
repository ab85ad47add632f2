"""Writes to a newsroom's rating scale: add or edit a rating, retire it, delete an unused one; and the
warning when a verdict's rating contradicts all its evidence.

Every write locks the newsroom row first, so two admins editing the scale take turns: the
one-label-per-scale and "keep one active rating" rules are checked against committed rows.
A rating any verdict (or any past version of one) used is never deleted, only retired:
retired ratings disappear from the verdict form but keep labelling the verdicts that have them.
"""

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from factcheck.newsrooms.models import Newsroom
from factcheck.verdicts.models import Evidence, RatingScale, Verdict

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class RatingInUse(Exception):
    """The rating labels at least one verdict: retire it instead of deleting it."""


def _lock_newsroom(newsroom):
    return Newsroom.objects.select_for_update().get(pk=newsroom.pk)


def rating_in_use(rating) -> bool:
    return Verdict.objects.filter(rating=rating).exists() or Verdict.history.filter(rating_id=rating.pk).exists()


def _keeps_an_active_rating(newsroom, rating):
    return RatingScale.objects.for_newsroom(newsroom).filter(active=True).exclude(pk=rating.pk).exists()


@transaction.atomic
def rating_save(
    *,
    newsroom: Newsroom,
    label: str,
    value: int,
    colour: str,
    description: str = "",
    on_scale: bool = True,
    active: bool = True,
    rating: RatingScale | None = None,
) -> RatingScale:
    """Add a rating to the newsroom's scale, or update `rating` (which must be on that scale)."""
    _lock_newsroom(newsroom)
    if rating is None:
        rating = RatingScale(newsroom=newsroom)
    elif rating.newsroom_id != newsroom.pk:
        raise ValidationError("This rating is not on your newsroom's scale.")
    else:
        rating = RatingScale.objects.get(pk=rating.pk)  # the committed row, not the page's copy
    label = " ".join((label or "").split())
    colour = (colour or "").strip().lower()
    errors = {}
    if not HEX_COLOUR.match(colour):
        errors["colour"] = ["Enter a colour as #rrggbb, e.g. #1a7f37."]
    duplicate = RatingScale.objects.for_newsroom(newsroom).filter(label__iexact=label).exclude(pk=rating.pk)
    if label and duplicate.exists():
        errors["label"] = [f"“{label}” is already on the scale."]
    # Two active ratings with one value would leave their order, and the ClaimReview ratingValue readers get,
    # ambiguous. A retired rating may keep a value a new one takes over.
    same_value = RatingScale.objects.for_newsroom(newsroom).filter(active=True, value=value).exclude(pk=rating.pk)
    if active and value is not None and (other := same_value.first()) is not None:
        errors["value"] = [f"“{other.label}” already has the value {value}: give each active rating its own."]
    if rating.pk and rating.active and not active and not _keeps_an_active_rating(newsroom, rating):
        errors["active"] = ["The scale needs at least one active rating."]
    if errors:
        raise ValidationError(errors)
    rating.label, rating.value, rating.colour = label, value, colour
    rating.description, rating.on_scale, rating.active = (description or "").strip(), on_scale, active
    rating.full_clean()
    try:
        with transaction.atomic():
            rating.save()
    except IntegrityError:
        raise ValidationError({"label": f"“{label}” is already on the scale."}) from None
    return rating


@transaction.atomic
def rating_delete(*, newsroom: Newsroom, rating: RatingScale) -> None:
    """Delete a rating no verdict has ever used; the last active rating stays."""
    _lock_newsroom(newsroom)
    # Lock the row: a verdict saved with this rating meanwhile waits, then fails its foreign key.
    rating = RatingScale.objects.select_for_update().filter(pk=rating.pk, newsroom=newsroom).first()
    if rating is None:
        return  # already gone
    if rating_in_use(rating):
        raise RatingInUse(f"“{rating.label}” labels verdicts: retire it instead, so they keep their rating.")
    if rating.active and not _keeps_an_active_rating(newsroom, rating):
        raise ValidationError("The scale needs at least one active rating.")
    rating.delete()


def verdict_rating_warning(*, rating: RatingScale | None, stances) -> str:
    """A warning when the rating contradicts all the evidence, '' otherwise; it never blocks a save or submit.

    Contradicts: the rating is on the true side of the newsroom's scale (RatingScale.side, from the values
    of its active on-scale ratings) while every evidence item refutes the statement, or on the false side
    while every item supports it. Nothing with no evidence, mixed or context evidence, no rating, or a
    rating off the scale (Unverifiable) or in its middle.
    """
    stances = list(stances)
    if rating is None or not rating.on_scale or len(set(stances)) != 1:
        return ""
    wanted = {Evidence.Stance.REFUTES: "true", Evidence.Stance.SUPPORTS: "false"}.get(stances[0])
    if wanted is None or rating.side(RatingScale.objects.filter(newsroom_id=rating.newsroom_id).bounds()) != wanted:
        return ""
    verb = "refute" if stances[0] == Evidence.Stance.REFUTES else "support"
    count = len(stances)
    items = {1: f"The only evidence item {verb}s", 2: f"Both evidence items {verb}"}.get(
        count, f"All {count} evidence items {verb}"
    )
    return f"{items} this statement, but the rating is {rating.label}."
